import { type FormEvent, useEffect, useState } from "react";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { navigate, useLocation } from "../../lib/router.tsx";
import type { Country, Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { AuditTable } from "./audit-table.tsx";
import type { AuditEntry } from "./types.ts";
import { VerifyChain } from "./verify-chain.tsx";

const PAGE_SIZE = 50;
const FILTERS = ["userId", "country", "recordId", "action", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** datetime-local values are local wall-clock times; the API wants instants. */
const toInstant = (local: string): string | undefined => {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

export function AuditPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ""])) as Filters;
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = query.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-sync the form when the address changes
  useEffect(() => setDraft(applied), [appliedKey]);

  const countries = useApi<{ items: Country[] }>("/countries");
  const path = withQuery("/audit", {
    ...applied,
    from: toInstant(applied.from),
    to: toInstant(applied.to),
    page,
    pageSize: PAGE_SIZE,
  });
  const state = useApi<Page<AuditEntry>>(path);

  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/audit", { ...draft });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("audit.title")}</h1>
        <VerifyChain />
      </div>
      <form className="filters" onSubmit={submit} aria-label={t("audit.filters")} data-testid="audit-filters">
        <TextField
          label={t("audit.userId")}
          value={draft.userId}
          onChange={set("userId")}
          testId="audit-user"
        />
        <SelectField
          label={t("common.country")}
          value={draft.country}
          onChange={set("country")}
          testId="audit-country"
        >
          <option value="">{t("common.any")}</option>
          {(countries.data?.items ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {c.name}
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
        </div>
      </form>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("audit.empty")}</Empty>
          ) : (
            <>
              <AuditTable items={data.items} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => navigate("/audit", { ...applied, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}
