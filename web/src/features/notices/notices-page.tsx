import { type FormEvent, useEffect, useState } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { SortableHeader, type SortState, useUrlSort } from "../../components/sortable-header.tsx";
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
/** Whose notices: mine (I created), my bureau's, those other countries sent, or all I may see. */
type Scope = "mine" | "bureau" | "received" | "all";
const SCOPES: readonly Scope[] = ["mine", "bureau", "received", "all"];

/** Own requests and notices received, filtered by type and state; the filters live in the address. */
export function NoticesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  const type = query.get("type") ?? "";
  const state = query.get("state") ?? "";
  // An officer's list opens on their own notices; the Secretariat's on everything it may see.
  const bureauRole = me.role === "ncb_officer" || me.role === "ncb_admin";
  const defaultScope: Scope = bureauRole ? "mine" : "all";
  const asked = query.get("scope");
  // "own" was this filter's earlier name for the bureau's notices (old links keep working).
  const scope: Scope =
    asked === "own" ? "bureau" : SCOPES.includes(asked as Scope) ? (asked as Scope) : defaultScope;
  const sorting = useUrlSort("-updatedAt");
  const sort = sorting.sort === "-updatedAt" ? undefined : sorting.sort;
  const scopeParam = scope === defaultScope ? undefined : scope;
  const q = query.get("q") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draft, setDraft] = useState({ type, state, scope, q });

  useEffect(() => setDraft({ type, state, scope, q }), [type, state, scope, q]);

  const data = useApi<Page<Notice>>(
    withQuery("/notices", {
      type,
      state,
      q,
      scope: scope === "all" ? undefined : scope,
      sort,
      page,
      pageSize: PAGE_SIZE,
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/notices", {
      ...draft,
      q: draft.q.trim(),
      scope: draft.scope === defaultScope ? undefined : draft.scope,
      sort,
    });
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
            label={t("search.notices")}
            hint={t("search.hint")}
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
            <option value="mine">{t("deadends.notices.scopeMine")}</option>
            <option value="bureau">{t("deadends.notices.scopeBureau")}</option>
            <option value="received">{t("notices.scopeReceived")}</option>
            <option value="all">{t("deadends.notices.scopeAll")}</option>
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
          const items = result.items;
          return items.length === 0 ? (
            <Empty>{scope === "mine" ? t("deadends.notices.noneMine") : t("notices.empty")}</Empty>
          ) : (
            <>
              <NoticesTable items={items} sorting={sorting} />
              <Pager
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                onPage={(p) => navigate("/notices", { type, state, q, scope: scopeParam, sort, page: p })}
              />
            </>
          );
        }}
      </DataState>
    </>
  );
}

export function NoticesTable({
  items,
  review = false,
  sorting,
}: {
  items: Notice[];
  review?: boolean;
  /** The list's sort, where the list is sorted by the server (not the review queue's fixed order). */
  sorting?: SortState;
}) {
  const { t, date, num } = useI18n();
  const header = (column: string, label: string, firstDescending = false) =>
    sorting ? (
      <SortableHeader column={column} firstDescending={firstDescending} {...sorting}>
        {label}
      </SortableHeader>
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <div className="table-wrap">
      <table className="data" data-testid={review ? "review-table" : "notices-table"}>
        <thead>
          <tr>
            {header("title", t("field.title"))}
            {header("type", t("notices.type"))}
            {header("state", t("notices.state"))}
            {header("owner", t("records.owner"))}
            {review && <th scope="col">{t("notices.risk")}</th>}
            <th scope="col">{t("notices.flags")}</th>
            {review ? (
              <th scope="col">{t("notices.submittedAt")}</th>
            ) : (
              header("updatedAt", t("records.updated"), true)
            )}
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
                <CountryName code={n.envelope.owner} />
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
