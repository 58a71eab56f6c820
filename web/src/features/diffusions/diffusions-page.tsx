import { type FormEvent, useEffect, useState } from "react";
import { Notice as Status } from "../../components/alert.tsx";
import { CountryList, CountryName } from "../../components/country-name.tsx";
import { SelectField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { SortableHeader, type SortState, useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { Addressing } from "./addressing.tsx";
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

  const sorting = useUrlSort("-createdAt");
  const sort = sorting.sort === "-createdAt" ? undefined : sorting.sort;
  // The boxes are the server's: received (sent by others) and sent (by this bureau).
  const serverBox = box === "inbox" ? "received" : box === "sent" ? "sent" : undefined;
  const data = useApi<Page<Diffusion>>(
    withQuery("/diffusions", { box: serverBox, kind, reviewState, sort, page, pageSize: PAGE_SIZE }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/diffusions", { box, ...draft, sort });
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
              query={{ box: b, kind, reviewState, sort }}
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
          const items = result.items;
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
                  <DiffusionsTable items={items} sorting={sorting} />
                  <Pager
                    page={result.page}
                    pageSize={result.pageSize}
                    total={result.total}
                    onPage={(p) => navigate("/diffusions", { box, kind, reviewState, sort, page: p })}
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

function DiffusionsTable({ items, sorting }: { items: Diffusion[]; sorting: SortState }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="diffusions-table">
        <thead>
          <tr>
            <SortableHeader column="title" {...sorting}>
              {t("diffusions.subjectTitle")}
            </SortableHeader>
            <SortableHeader column="kind" {...sorting}>
              {t("diffusions.kind")}
            </SortableHeader>
            <SortableHeader column="sender" {...sorting}>
              {t("diffusions.sender")}
            </SortableHeader>
            <th scope="col">{t("diffusions.recipients")}</th>
            <SortableHeader column="reviewState" {...sorting}>
              {t("diffusions.review")}
            </SortableHeader>
            <SortableHeader column="createdAt" firstDescending {...sorting}>
              {t("diffusions.sentAt")}
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id} className={d.reviewed ? undefined : "unreviewed"}>
              <td>
                <Link to={`/diffusions/${segment(d.id)}`}>
                  <bdi>{d.title}</bdi>
                </Link>
                <span className="cell-note">
                  <Addressing diffusion={d} short />
                </span>
              </td>
              <td>{t(`diffusionKind.${d.kind}`)}</td>
              <td>
                <CountryName code={d.sender} />
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
  return <CountryList codes={diffusion.recipients} />;
}
