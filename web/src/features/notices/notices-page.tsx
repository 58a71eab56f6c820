import { type FormEvent, useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { canAccess } from "../../lib/roles.ts";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { noticeTitle } from "./detail/notice-title.ts";
import { Flags, RenewalBadge, StateBadge, TypeBadge } from "./parts.tsx";
import { NOTICE_STATES, NOTICE_TYPES, type Notice } from "./types.ts";

const PAGE_SIZE = 25;
type Scope = "all" | "own" | "received";

/** Own requests and notices received, filtered by type and state; the filters live in the address. */
export function NoticesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const type = query.get("type") ?? "";
  const state = query.get("state") ?? "";
  const scope = (query.get("scope") ?? "all") as Scope;
  const q = query.get("q") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draft, setDraft] = useState({ type, state, scope, q });

  useEffect(() => setDraft({ type, state, scope, q }), [type, state, scope, q]);

  // "Own" filters on the server by owner; the API has no "not mine" filter, so "received" filters here.
  const data = useApi<Page<Notice>>(
    withQuery("/notices", {
      type,
      state,
      q,
      owner: scope === "own" ? me.country.code : "",
      page,
      pageSize: PAGE_SIZE,
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/notices", { ...draft, q: draft.q.trim(), scope: draft.scope === "all" ? "" : draft.scope });
  };

  const canRequest = me.role === "ncb_officer" || me.role === "ncb_admin";
  return (
    <>
      <div className="page-head">
        <h1>{t("notices.title")}</h1>
        <p className="form-actions">
          {canRequest && (
            <Link className="btn btn-primary" to="/notices/new" data-testid="notices-new">
              {t("notices.new")}
            </Link>
          )}
          {canAccess(me.role, "reviewQueue") && (
            <Link className="btn" to="/review">
              {t("nav.reviewQueue")}
            </Link>
          )}
        </p>
      </div>
      <search>
        <form className="toolbar" onSubmit={submit} data-testid="notices-filters">
          <TextField
            label={t("notices.query")}
            type="search"
            className="grow"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            testId="notices-q"
          />
          <SelectField
            label={t("notices.scope")}
            value={draft.scope}
            onChange={(e) => setDraft({ ...draft, scope: e.target.value as Scope })}
            testId="notices-scope"
          >
            <option value="all">{t("notices.scopeAll")}</option>
            <option value="own">{t("notices.scopeOwn")}</option>
            <option value="received">{t("notices.scopeReceived")}</option>
          </SelectField>
          <SelectField
            label={t("notices.type")}
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
            testId="notices-type"
          >
            <option value="">{t("common.any")}</option>
            {NOTICE_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`noticeType.${x}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("notices.state")}
            value={draft.state}
            onChange={(e) => setDraft({ ...draft, state: e.target.value })}
            testId="notices-state"
          >
            <option value="">{t("common.any")}</option>
            {NOTICE_STATES.map((x) => (
              <option key={x} value={x}>
                {t(`noticeState.${x}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn btn-primary" data-testid="notices-search">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...data}>
        {(result) => {
          const items =
            scope === "received"
              ? result.items.filter((n) => n.envelope.owner !== me.country.code)
              : result.items;
          return items.length === 0 ? (
            <Empty>{t("notices.empty")}</Empty>
          ) : (
            <>
              <NoticesTable items={items} />
              <Pager
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                onPage={(p) =>
                  navigate("/notices", { type, state, q, scope: scope === "all" ? "" : scope, page: p })
                }
              />
            </>
          );
        }}
      </DataState>
    </>
  );
}

export function NoticesTable({ items, review = false }: { items: Notice[]; review?: boolean }) {
  const { t, date, num } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid={review ? "review-table" : "notices-table"}>
        <thead>
          <tr>
            <th scope="col">{t("field.title")}</th>
            <th scope="col">{t("notices.type")}</th>
            <th scope="col">{t("notices.state")}</th>
            <th scope="col">{t("records.owner")}</th>
            {review && <th scope="col">{t("notices.risk")}</th>}
            <th scope="col">{t("notices.flags")}</th>
            <th scope="col">{review ? t("notices.submittedAt") : t("records.updated")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id} data-testid={`notice-row-${n.id}`}>
              <td>
                <Link to={review ? `/review/${segment(n.id)}` : `/notices/${segment(n.id)}`}>
                  <bdi>{noticeTitle(n)}</bdi>
                </Link>
                {n.noticeNumber && (
                  <>
                    {" "}
                    <code className="muted" dir="ltr">
                      {n.noticeNumber}
                    </code>
                  </>
                )}
              </td>
              <td>
                <TypeBadge type={n.type} />
              </td>
              <td>
                <StateBadge state={n.state} /> <RenewalBadge notice={n} />
              </td>
              <td>
                <code>{n.envelope.owner}</code>
              </td>
              {review && (
                <td className="num" data-testid="risk-score">
                  {num(n.riskScore)}
                </td>
              )}
              <td>
                <Flags findings={n.findings} />
              </td>
              <td>
                <time dateTime={review ? (n.submittedAt ?? "") : n.updatedAt}>
                  {date(review ? n.submittedAt : n.updatedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
