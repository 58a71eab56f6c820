import { type FormEvent, useEffect, useState } from "react";
import { Notice } from "../../components/alert.tsx";
import { CountryName } from "../../components/country-name.tsx";
import { Distribution, HandlingBadge, ReviewDate } from "../../components/envelope.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { useUrlSort } from "../../components/sortable-header.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { API_BASE, withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import { useApi } from "../../lib/use-api.ts";
import { AddEntryForm } from "./add-entry-form.tsx";
import { EntriesTable } from "./bank-entries-table.tsx";
import { sharingLabel } from "./banks-page.tsx";
import { BulkStatusForm } from "./bulk-status.tsx";
import { AddFromImageForm, seesContent } from "./entry-thumbnail.tsx";
import { ImportPanel } from "./import-panel.tsx";
import {
  type Bank,
  ENTRY_STATUSES,
  type Entry,
  type EntryPage,
  EXCHANGE_FORMATS,
  SIGNAL_TYPES,
} from "./types.ts";
import "./content.css";

const PAGE_SIZE = 50;
const SECRETARIAT = "XG";

export function BankDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const bank = useApi<Bank>(`/content/banks/${segment(id)}`);
  const { query } = useLocation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/content/banks">{t("content.backToBanks")}</Link>
      </p>
      {query.get("created") === "1" && <Notice kind="success">{t("content.bankCreated")}</Notice>}
      <DataState {...bank}>{(b) => <BankDetail bank={b} onChanged={bank.reload} />}</DataState>
    </>
  );
}

function BankDetail({ bank, onChanged }: { bank: Bank; onChanged: () => void }) {
  const { t, num, dateTime } = useI18n();
  const me = useMe();
  const { path, query } = useLocation();
  const signalType = query.get("signalType") ?? "";
  const status = query.get("status") ?? "";
  const label = query.get("label") ?? "";
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const sorting = useUrlSort("id");
  const sort = sorting.sort === "id" ? undefined : sorting.sort;
  const entries = useApi<EntryPage>(
    withQuery(`/content/banks/${segment(bank.id)}/entries`, {
      signalType,
      status,
      label,
      sort,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const [draft, setDraft] = useState({ signalType, status, label });
  useEffect(() => setDraft({ signalType, status, label }), [signalType, status, label]);

  const administers = me.country.code === SECRETARIAT || bank.envelope.owner === me.country.code;
  const mayChange = (e: Entry) => administers || e.contributedCountry === me.country.code;

  const filter = (e: FormEvent) => {
    e.preventDefault();
    navigate(path, { ...draft, label: draft.label.trim(), sort });
  };
  const refresh = () => {
    entries.reload();
    onChanged();
  };
  // The rows picked for a bulk status change; a new page, filter or sort starts afresh.
  const [selected, setSelected] = useState<number[]>([]);
  const listKey = query.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the listing changes
  useEffect(() => setSelected([]), [listKey]);
  const mayChangeAny = (entries.data?.items ?? []).some(mayChange);
  const exportBase = `${API_BASE}/content/banks/${segment(bank.id)}/export`;

  return (
    <article aria-labelledby="bank-title">
      <h1 id="bank-title">
        <bdi>{bank.name}</bdi>
      </h1>
      {bank.description && (
        <p>
          <bdi>{bank.description}</bdi>
        </p>
      )}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="bank-meta-heading">
          <h2 id="bank-meta-heading">{t("records.envelope")}</h2>
          <dl className="kv" data-testid="bank-meta">
            <dt>{t("records.owner")}</dt>
            <dd>
              <CountryName code={bank.envelope.owner} withCode />
            </dd>
            <dt>{t("records.distribution")}</dt>
            <dd>
              <Distribution envelope={bank.envelope} />
            </dd>
            <dt>{t("records.handling")}</dt>
            <dd>
              <HandlingBadge envelope={bank.envelope} /> {t(`handling.${bank.envelope.handlingCode}`)}
            </dd>
            <dt>{t("content.platformSharing")}</dt>
            <dd>{sharingLabel(t, bank)}</dd>
            <dt>{t("content.entries")}</dt>
            <dd data-testid="bank-entry-count">{num(bank.entries)}</dd>
            <dt>{t("records.review")}</dt>
            <dd>
              <ReviewDate iso={bank.envelope.reviewAt} />
            </dd>
            <dt>{t("records.updated")}</dt>
            <dd>{dateTime(bank.updatedAt)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="export-heading">
          <h2 id="export-heading">{t("content.export")}</h2>
          <p className="hint">{t("content.exportHint")}</p>
          <ul className="export-links">
            {EXCHANGE_FORMATS.map((f) => (
              <li key={f}>
                <a
                  href={withQuery(exportBase, { format: f, signalType: signalType || undefined })}
                  download={`${bank.name}.${f === "plain" ? "txt" : f}`}
                  data-testid={`export-${f}`}
                >
                  {t(`content.format.${f}`)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {/* The forms come before the table: a long bank no longer hides them below its entries. */}
      <div className="bank-forms">
        <AddEntryForm bankId={bank.id} onAdded={refresh} />
        <ImportPanel bankId={bank.id} onImported={refresh} />
        {seesContent(me.role) && <AddFromImageForm bankId={bank.id} onAdded={refresh} />}
      </div>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("content.entries")}</h2>
        <search>
          <form className="toolbar" onSubmit={filter}>
            <SelectField
              label={t("content.signalType")}
              value={draft.signalType}
              onChange={(e) => setDraft((d) => ({ ...d, signalType: e.target.value }))}
              testId="entries-signal-type"
            >
              <option value="">{t("common.any")}</option>
              {SIGNAL_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`content.signal.${s}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("common.status")}
              value={draft.status}
              onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
              testId="entries-status"
            >
              <option value="">{t("common.any")}</option>
              {ENTRY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`content.status.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("content.label")}
              type="search"
              dir="ltr"
              value={draft.label}
              onChange={(e) => setDraft((d) => ({ ...d, label: e.target.value }))}
              testId="entries-label"
            />
            <button type="submit" className="btn btn-primary" data-testid="entries-filter">
              {t("content.applyFilters")}
            </button>
          </form>
        </search>
        <DataState {...entries}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t("content.noEntries")}</Empty>
            ) : (
              <>
                {mayChangeAny && (
                  <BulkStatusForm
                    bankId={bank.id}
                    selected={selected}
                    onDone={() => {
                      setSelected([]);
                      refresh();
                    }}
                  />
                )}
                <EntriesTable
                  items={data.items}
                  mayChange={mayChange}
                  onChanged={refresh}
                  showThumbnails={seesContent(me.role)}
                  selection={mayChangeAny ? { selected, setSelected } : null}
                  sorting={sorting}
                />
                <Pager
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onPage={(p) => navigate(path, { signalType, status, label, sort, page: p })}
                />
              </>
            )
          }
        </DataState>
      </section>
    </article>
  );
}
