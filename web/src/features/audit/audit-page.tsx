import { type FormEvent, useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { API_BASE, withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navigate, useLocation } from "../../lib/router.tsx";
import type { Country, Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { AuditTable } from "./audit-table.tsx";
import type { AuditActor, AuditEntry } from "./types.ts";
import { VerifyChain } from "./verify-chain.tsx";

const PAGE_SIZE = 50;
const FILTERS = ["username", "userId", "country", "recordId", "action", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** datetime-local values are local wall-clock times; the API wants instants. */
const toInstant = (local: string): string | undefined => {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

export function AuditPage() {
  const { t, country } = useI18n();
  const { query } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ""])) as Filters;
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = query.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-sync the form when the address changes
  useEffect(() => setDraft(applied), [appliedKey]);

  const countries = useApi<{ items: Country[] }>("/countries");
  const sorting = useUrlSort("-seq");
  const sort = sorting.sort === "-seq" ? undefined : sorting.sort;
  const filters = { ...applied, from: toInstant(applied.from), to: toInstant(applied.to) };
  const state = useApi<Page<AuditEntry>>(
    withQuery("/audit", { ...filters, sort, page, pageSize: PAGE_SIZE }),
  );
  // Names to pick from as the auditor types: people and API clients, by any part of a name.
  const actorQuery = draft.username.trim();
  const actors = useApi<{ items: AuditActor[] }>(
    actorQuery.length >= 2 ? withQuery("/audit/actors", { q: actorQuery }) : null,
  );
  const exportHref = `${API_BASE}${withQuery("/audit/export", filters)}`;

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/audit", { ...draft, username: draft.username.trim(), sort });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("audit.title")}</h1>
        <VerifyChain />
      </div>
      <form className="filters" onSubmit={submit} aria-label={t("audit.filters")} data-testid="audit-filters">
        <TextField
          label={t("deadends.audit.user")}
          hint={t("deadends.audit.userHint")}
          type="search"
          autoComplete="off"
          list="audit-actors"
          value={draft.username}
          onChange={set("username")}
          testId="audit-user"
        />
        <datalist id="audit-actors">
          {(actors.data?.items ?? []).map((a) => (
            <option key={`${a.kind}:${a.id}`} value={a.username}>
              {a.displayName === a.username ? a.username : `${a.displayName} (${a.username})`}
            </option>
          ))}
        </datalist>
        <SelectField
          label={t("common.country")}
          value={draft.country}
          onChange={set("country")}
          testId="audit-country"
        >
          <option value="">{t("common.any")}</option>
          {(countries.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {country(c.code, c.name)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("audit.recordId")}
          value={draft.recordId}
          onChange={set("recordId")}
          testId="audit-record"
        />
        <TextField
          label={t("audit.action")}
          value={draft.action}
          onChange={set("action")}
          testId="audit-action"
        />
        <TextField
          label={t("audit.from")}
          type="datetime-local"
          step={1}
          value={draft.from}
          onChange={set("from")}
          testId="audit-from"
        />
        <TextField
          label={t("audit.to")}
          type="datetime-local"
          step={1}
          value={draft.to}
          onChange={set("to")}
          testId="audit-to"
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="audit-apply">
            {t("audit.apply")}
          </button>
          <button type="button" className="btn" onClick={() => navigate("/audit")}>
            {t("common.clear")}
          </button>
          <a className="btn" href={exportHref} download data-testid="audit-export">
            {t("deadends.audit.export")}
          </a>
        </div>
      </form>
      {applied.userId && (
        <p className="hint" data-testid="audit-user-id-filter">
          {t("deadends.audit.byUserId", { id: applied.userId })}
        </p>
      )}
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("audit.empty")}</Empty>
          ) : (
            <>
              <AuditTable items={data.items} sorting={sorting} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/audit", { ...applied, sort, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}
