import { type FormEvent, useEffect, useState } from "react";
import { Notice as Status } from "../../components/alert.tsx";
import { SelectField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { DIFFUSION_KINDS, type Diffusion, REVIEW_STATES } from "./types.ts";

const PAGE_SIZE = 25;
type Box = "inbox" | "sent";

export function ReviewStateBadge({ diffusion }: { diffusion: Diffusion }) {
  const { t } = useI18n();
  return (
    <span className={`badge review-state-${diffusion.reviewState}`} data-testid="diffusion-review-state">
      {t(`diffusions.state.${diffusion.reviewState}`)}
    </span>
  );
}

/** Received diffusions (the inbox) and those the bureau sent; the General Secretariat sees them all. */
export function DiffusionsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const gs = me.role === "gs_reviewer";
  const box = (query.get("box") ?? (gs ? "" : "inbox")) as Box | "";
  const kind = query.get("kind") ?? "";
  const reviewState = query.get("reviewState") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draft, setDraft] = useState({ kind, reviewState });
  useEffect(() => setDraft({ kind, reviewState }), [kind, reviewState]);

  const data = useApi<Page<Diffusion>>(
    withQuery("/diffusions", { kind, reviewState, page, pageSize: PAGE_SIZE }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/diffusions", { box, ...draft });
  };
  const canSend = me.role === "ncb_officer" || me.role === "ncb_admin";

  return (
    <>
      <div className="page-head">
        <h1>{t("diffusions.title")}</h1>
        {canSend && (
          <p>
            <Link className="btn btn-primary" to="/diffusions/new" data-testid="diffusions-new">
              {t("diffusions.send")}
            </Link>
          </p>
        )}
      </div>
      {!gs && (
        <nav className="tabs" aria-label={t("diffusions.boxes")}>
          {(["inbox", "sent"] as const).map((b) => (
            <Link
              key={b}
              to="/diffusions"
              query={{ box: b, kind, reviewState }}
              aria-current={box === b ? "page" : undefined}
              data-testid={`diffusions-${b}`}
            >
              {t(`diffusions.${b}`)}
            </Link>
          ))}
        </nav>
      )}
      <search>
        <form className="toolbar" onSubmit={submit}>
          <SelectField
            label={t("diffusions.kind")}
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">{t("common.any")}</option>
            {DIFFUSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`diffusionKind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("diffusions.review")}
            value={draft.reviewState}
            onChange={(e) => setDraft({ ...draft, reviewState: e.target.value })}
            testId="diffusions-review-filter"
          >
            <option value="">{t("common.any")}</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`diffusions.state.${s}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...data}>
        {(result) => {
          // The API lists sent and received together; the boxes split them by sender.
          const items = result.items.filter((d) =>
            box === "inbox"
              ? d.sender !== me.country.code
              : box === "sent"
                ? d.sender === me.country.code
                : true,
          );
          const unreviewed = box !== "sent" && items.some((d) => !d.reviewed);
          return (
            <>
              {unreviewed && !gs && (
                <Status kind="warning">
                  <span data-testid="diffusions-unreviewed-banner">
                    {t("diffusions.unreviewedListBanner")}
                  </span>
                </Status>
              )}
              {items.length === 0 ? (
                <Empty>{t("diffusions.empty")}</Empty>
              ) : (
                <>
                  <DiffusionsTable items={items} />
                  <Pager
                    page={result.page}
                    pageSize={result.pageSize}
                    total={result.total}
                    onPage={(p) => navigate("/diffusions", { box, kind, reviewState, page: p })}
                  />
                </>
              )}
            </>
          );
        }}
      </DataState>
    </>
  );
}

function DiffusionsTable({ items }: { items: Diffusion[] }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="diffusions-table">
        <thead>
          <tr>
            <th scope="col">{t("diffusions.subjectTitle")}</th>
            <th scope="col">{t("diffusions.kind")}</th>
            <th scope="col">{t("diffusions.sender")}</th>
            <th scope="col">{t("diffusions.recipients")}</th>
            <th scope="col">{t("diffusions.review")}</th>
            <th scope="col">{t("diffusions.sentAt")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} className={d.reviewed ? undefined : "unreviewed"}>
              <td>
                <Link to={`/diffusions/${segment(d.id)}`}>
                  <bdi>{d.title}</bdi>
                </Link>
              </td>
              <td>{t(`diffusionKind.${d.kind}`)}</td>
              <td>
                <code>{d.sender}</code>
              </td>
              <td>
                <Recipients diffusion={d} />
              </td>
              <td>
                <ReviewStateBadge diffusion={d} />
              </td>
              <td>
                <time dateTime={d.createdAt}>{dateTime(d.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Recipients({ diffusion }: { diffusion: Diffusion }) {
  const { t } = useI18n();
  if (diffusion.recipients === "all" || diffusion.recipients.length === 0)
    return <>{t("distribution.all")}</>;
  return <span dir="ltr">{diffusion.recipients.join(", ")}</span>;
}
