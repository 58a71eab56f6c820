import { type FormEvent, useEffect, useState } from "react";
import { CountryName } from "../../components/country-name.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { Pager } from "../../components/pager.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { DbTabs, UnknownDatabase } from "./db-tabs.tsx";
import { FieldValue, useFormat } from "./format.tsx";
import { type DbSpec, type FieldSpec, specOf } from "./specs.ts";
import type { DbItem } from "./types.ts";

const PAGE_SIZE = 25;

export function DbListPage({ db }: { db: string }) {
  const spec = specOf(db);
  if (!spec) return <UnknownDatabase />;
  return <ListView spec={spec} />;
}

type Filters = Record<string, string>;

function ListView({ spec }: { spec: DbSpec }) {
  const { t, num } = useI18n();
  const me = useMe();
  const { query } = useLocation();
  // The search lives in the address: Back returns to the same results, and a search can be shared.
  const filters: Filters = Object.fromEntries(spec.filters.map((f) => [f.name, query.get(f.name) ?? ""]));
  const sort = query.get("sort") ?? spec.defaultSort;
  const page = Math.max(1, Number(query.get("page") ?? "1") || 1);
  const key = JSON.stringify(filters);
  const [draft, setDraft] = useState<Filters>(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filters
  useEffect(() => setDraft(filters), [key]);

  const state = useApi<Page<DbItem>>(
    withQuery(spec.api, {
      ...filters,
      sort: sort === spec.defaultSort ? undefined : sort,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const go = (next: Filters, nextSort = sort, nextPage = 1) =>
    navigate(`/databases/${spec.id}`, {
      ...next,
      sort: nextSort === spec.defaultSort ? undefined : nextSort,
      page: nextPage > 1 ? nextPage : undefined,
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])));
  };

  return (
    <>
      <DbTabs current={spec.id} />
      <div className="page-head">
        <h1>{t(spec.title)}</h1>
        {spec.writers.includes(me.role) && (
          <Link to={`/databases/${spec.id}/new`} className="btn btn-primary" data-testid="item-new">
            {t("db.new", { item: t(spec.single) })}
          </Link>
        )}
      </div>
      <search>
        <form className="toolbar filters" onSubmit={submit} data-testid="db-filters">
          {spec.filters.map((f) => (
            <FilterField
              key={f.name}
              field={f}
              value={draft[f.name] ?? ""}
              onChange={(v) => setDraft((d) => ({ ...d, [f.name]: v }))}
            />
          ))}
          <SortField spec={spec} value={sort} onChange={(s) => go(filters, s)} />
          <button type="submit" className="btn btn-primary" data-testid="db-search">
            {t("common.search")}
          </button>
          <button type="button" className="btn" onClick={() => go({}, spec.defaultSort)}>
            {t("common.clear")}
          </button>
        </form>
      </search>
      <DataState {...state}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("db.empty")}</Empty>
          ) : (
            <>
              <p className="muted" role="status">
                {t("db.found", { n: num(data.total) })}
              </p>
              <ItemsTable spec={spec} items={data.items} sort={sort} onSort={(s) => go(filters, s, page)} />
              <Pager
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(p) => go(filters, sort, p)}
              />
            </>
          )
        }
      </DataState>
    </>
  );
}

function FilterField({
  field: f,
  value,
  onChange,
}: {
  field: FieldSpec;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const testId = `filter-${f.name}`;
  if (f.kind === "flag")
    return (
      <CheckboxField
        label={t(f.label)}
        checked={value === "true"}
        onChange={(e) => onChange(e.target.checked ? "true" : "")}
        testId={testId}
      />
    );
  if (f.kind === "select")
    return (
      <SelectField
        label={t(f.label)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        testId={testId}
      >
        <option value="">{t("common.any")}</option>
        {(f.options ?? []).map((o) => (
          <option key={o} value={o}>
            {fmt.option(f.optionPrefix, o)}
          </option>
        ))}
      </SelectField>
    );
  return (
    <TextField
      label={t(f.label)}
      type="search"
      dir={f.code ? "ltr" : undefined}
      value={value}
      onChange={(e) => onChange(f.upper ? e.target.value.toUpperCase() : e.target.value)}
      testId={testId}
    />
  );
}

function SortField({
  spec,
  value,
  onChange,
}: {
  spec: DbSpec;
  value: string;
  onChange: (s: string) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t("db.sort.label")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      testId="db-sort"
    >
      {spec.sorts.flatMap((s) =>
        ["-", ""].map((dir) => (
          <option key={dir + s} value={dir + s}>
            {t("db.sort.option", {
              field: t(`db.sort.${s}` as "db.sort.number"),
              dir: t(dir ? "db.sort.desc" : "db.sort.asc"),
            })}
          </option>
        )),
      )}
    </SelectField>
  );
}

function ItemsTable({
  spec,
  items,
  sort,
  onSort,
}: {
  spec: DbSpec;
  items: DbItem[];
  sort: string;
  onSort: (s: string) => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const fields = spec.columns
    .map((c) => spec.fields.find((x) => x.name === c))
    .filter((x) => x !== undefined);
  const sortedBy = sort.replace(/^-/, "");
  const desc = sort.startsWith("-");
  const header = (name: string, label: string) => {
    if (!spec.sorts.includes(name))
      return (
        <th scope="col" key={name}>
          {label}
        </th>
      );
    const active = sortedBy === name;
    return (
      <th scope="col" key={name} aria-sort={active ? (desc ? "descending" : "ascending") : undefined}>
        <button
          type="button"
          className="btn-link"
          onClick={() => onSort(active && !desc ? `-${name}` : name)}
          data-testid={`sort-${name}`}
        >
          {label}
          {active && (
            <span className="sort-mark" aria-hidden="true">
              {desc ? " ▼" : " ▲"}
            </span>
          )}
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <table className="data" data-testid="db-table">
        <thead>
          <tr>
            {fields.map((x) => header(x.name, t(x.label)))}
            <th scope="col">{t("db.field.owner")}</th>
            {header("reviewAt", t("db.env.reviewAt"))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {fields.map((x, i) => (
                <td key={x.name}>
                  {i === 0 ? (
                    <Link to={`/databases/${spec.id}/${segment(item.id)}`} data-testid="item-link">
                      {item[x.name] ? (
                        <FieldValue field={x} value={item[x.name]} f={f} />
                      ) : (
                        <bdi>{spec.caption(item)}</bdi>
                      )}
                    </Link>
                  ) : (
                    <FieldValue field={x} value={item[x.name]} f={f} />
                  )}
                </td>
              ))}
              <td>
                <CountryName code={item.envelope.owner} />
              </td>
              <td>
                <time dateTime={item.envelope.reviewAt}>{f.day(item.envelope.reviewAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
