import { type FormEvent, useEffect, useState } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { Evaluation, HandlingBadge, ReviewDate } from "../../components/envelope.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { schemaLabel } from "./format.ts";
import { NameWithReading } from "./latin.tsx";
import { type IntelRecord, SCHEMATA } from "./types.ts";
import { EdtfDate, TopicBadges } from "./values.tsx";
import "./records.css";
import { countryList } from "../../lib/i18n/countries.ts";

const PAGE_SIZE = 25;
const WRITERS = new Set(["ncb_officer", "ncb_admin", "gs_analyst"]);

/** The search lives in the address, so Back returns to the same results and a search can be shared. */
function useSearch() {
  const { query } = useLocation();
  return {
    q: query.get("q") ?? "",
    schema: query.get("schema") ?? "",
    owner: query.get("owner") ?? "",
    sort: query.get("sort") ?? "",
    page: Math.max(1, Number(query.get("page") ?? "1") || 1),
  };
}

export function RecordsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { q, schema, owner, sort, page } = useSearch();
  const [draft, setDraft] = useState({ q, schema, owner, sort });

  useEffect(() => setDraft({ q, schema, owner, sort }), [q, schema, owner, sort]);

  const state = useApi<Page<IntelRecord> & { totalIsLowerBound: boolean }>(
    withQuery("/records", { q, schema, owner, sort, page, pageSize: PAGE_SIZE }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate("/records", {
      q: draft.q.trim(),
      schema: draft.schema,
      owner: draft.owner.trim().toUpperCase(),
      sort: draft.sort,
    });
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("persons.title")}</h1>
        {WRITERS.has(me.role) && (
          <Link to="/records/new" className="btn btn-primary" data-testid="record-new">
            {t("persons.new")}
          </Link>
        )}
      </div>
      <search>
        <form className="toolbar" onSubmit={submit}>
          <TextField
            label={t("search.records")}
            hint={t("search.hint")}
            type="search"
            className="grow"
            placeholder={t("persons.queryPlaceholder")}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            testId="records-q"
            dir="auto"
          />
          <SelectField
            label={t("records.schema")}
            value={draft.schema}
            onChange={(e) => setDraft({ ...draft, schema: e.target.value })}
            testId="records-schema"
          >
            <option value="">{t("records.allSchemata")}</option>
            <option value="Person">{t("persons.schema.Person")}</option>
            <option value="Organization">{t("persons.schema.Organization")}</option>
            <optgroup label={t("persons.otherTypes")}>
              {SCHEMATA.filter((s) => s !== "Person" && s !== "Organization").map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <TextField
            label={t("records.owner")}
            value={draft.owner}
            maxLength={2}
            size={4}
            placeholder="FR"
            hint={t("persons.ownerHint")}
            onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            testId="records-owner"
          />
          <SelectField
            label={t("persons.sort")}
            value={draft.sort}
            onChange={(e) => setDraft({ ...draft, sort: e.target.value })}
            testId="records-sort"
          >
            <option value="">{t("persons.sort.default")}</option>
            <option value="caption">{t("persons.sort.caption")}</option>
            <option value="-caption">{t("persons.sort.captionDesc")}</option>
            <option value="-updatedAt">{t("persons.sort.updated")}</option>
            <option value="-createdAt">{t("persons.sort.created")}</option>
            <option value="createdAt">{t("persons.sort.createdAsc")}</option>
          </SelectField>
          <button type="submit" className="btn btn-primary" data-testid="records-search">
            {t("common.search")}
          </button>
        </form>
      </search>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("records.empty")}</Empty>
          ) : (
            <>
              <RecordsTable items={data.items} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                totalIsLowerBound={data.totalIsLowerBound}
                onPage={(p) => navigate("/records", { q, schema, owner, sort, page: p })}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function RecordsTable({ items }: { items: IntelRecord[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="records-table">
        <thead>
          <tr>
            <th scope="col">{t("records.caption")}</th>
            <th scope="col">{t("records.schema")}</th>
            <th scope="col">{t("persons.prop.birthDate")}</th>
            <th scope="col">{t("persons.nationalityOrCountry")}</th>
            <th scope="col">{t("persons.prop.topics")}</th>
            <th scope="col">{t("records.owner")}</th>
            <th scope="col">{t("records.handling")}</th>
            <th scope="col">{t("records.evaluation")}</th>
            <th scope="col">{t("records.review")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <RecordRow key={r.id} record={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordRow({ record: r }: { record: IntelRecord }) {
  const i18n = useI18n();
  const p = r.properties;
  const aliases = [...(p.alias ?? []), ...(p.weakAlias ?? [])];
  const countries = [...(p.nationality ?? []), ...(p.country ?? [])];
  return (
    <tr data-testid="record-row">
      <td>
        <Link to={`/records/${segment(r.id)}`} data-testid="record-open">
          <NameWithReading name={r.caption || r.id} latin={r.readings[r.caption]} />
        </Link>
        {aliases.length > 0 && (
          <div className="muted small">
            {i18n.t("persons.aka")} <bdi dir="auto">{aliases.slice(0, 3).join(" · ")}</bdi>
          </div>
        )}
      </td>
      <td>{schemaLabel(r.schema, i18n)}</td>
      <td>
        {(p.birthDate ?? []).map((d) => (
          <div key={d}>
            <EdtfDate value={d} />
          </div>
        ))}
      </td>
      <td>{countryList(i18n.lang, countries)}</td>
      <td>
        <TopicBadges topics={p.topics ?? []} />
      </td>
      <td>
        <CountryName code={r.envelope.owner} />
      </td>
      <td>
        <HandlingBadge envelope={r.envelope} />
      </td>
      <td>
        <Evaluation envelope={r.envelope} />
      </td>
      <td>
        <ReviewDate iso={r.envelope.reviewAt} />
      </td>
    </tr>
  );
}
