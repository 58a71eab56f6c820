import { lazy, Suspense, useMemo, useState } from "react";
import { TextField } from "../../components/fields.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useApi } from "../../lib/use-api.ts";
import "./overview.css";

// d3-geo and the world geometry load with the map, not with the rest of the app.
const WorldMap = lazy(() => import("./world-map.tsx").then((m) => ({ default: m.WorldMap })));

interface OverviewRow {
  code: string;
  name: string;
  records: number;
  users: number;
  notices: number;
  diffusions: number;
}

type SortKey = keyof OverviewRow;

export function OverviewPage() {
  const { t } = useI18n();
  const state = useApi<{ items: OverviewRow[] }>("/overview");
  // A country picked on the map: the table then shows it alone.
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <DataState {...state}>
        {(data) => (
          <div className="overview-layout">
            <Suspense fallback={<p className="muted">{t("overview.map.loading")}</p>}>
              <WorldMap counts={data.items} selected={selected} onSelect={setSelected} />
            </Suspense>
            <OverviewTable rows={data.items} selected={selected} onClear={() => setSelected(null)} />
          </div>
        )}
      </DataState>
    </>
  );
}

function OverviewTable({
  rows,
  selected,
  onClear,
}: {
  rows: OverviewRow[];
  selected: string | null;
  onClear: () => void;
}) {
  const { t, num, lang, country } = useI18n();
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "name", desc: false });

  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase();
    // Names in the reader's language: found, sorted and shown as the reader reads them.
    const named = rows
      .filter((r) => selected === null || r.code === selected)
      .map((r) => ({ ...r, name: country(r.code, r.name) }));
    const list = f
      ? named.filter((r) => r.code.toLocaleLowerCase().includes(f) || r.name.toLocaleLowerCase().includes(f))
      : named;
    list.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const cmp =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), lang);
      return sort.desc ? -cmp : cmp;
    });
    return list;
  }, [rows, filter, sort, lang, country, selected]);

  const totals = shown.reduce(
    (acc, r) => ({
      records: acc.records + r.records,
      users: acc.users + r.users,
      notices: acc.notices + r.notices,
      diffusions: acc.diffusions + r.diffusions,
    }),
    { records: 0, users: 0, notices: 0, diffusions: 0 },
  );

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? "num" : undefined}
        aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
      >
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, desc: active ? !sort.desc : numeric })}
          data-testid={`sort-${key}`}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.desc ? "▼" : "▲") : ""}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="overview-table">
      {selected && (
        <p className="map-selection" data-testid="overview-map-selection">
          {t("overview.map.selected", { country: country(selected) })}{" "}
          <button type="button" className="btn btn-small" onClick={onClear} data-testid="overview-map-clear">
            {t("overview.map.clear")}
          </button>
        </p>
      )}
      <div className="toolbar">
        <TextField
          label={t("overview.filter")}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          testId="overview-filter"
        />
      </div>
      {shown.length === 0 ? (
        <Empty>{t("overview.empty")}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="overview-table">
            <thead>
              <tr>
                {header("code", t("overview.code"))}
                {header("name", t("common.country"))}
                {header("notices", t("overview.notices"), true)}
                {header("diffusions", t("overview.diffusions"), true)}
                {header("records", t("overview.records"), true)}
                {header("users", t("overview.users"), true)}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.code}>
                  <td>
                    <code>{r.code}</code>
                  </td>
                  <td>
                    <bdi>{r.name}</bdi>
                  </td>
                  <td className="num">{num(r.notices)}</td>
                  <td className="num">{num(r.diffusions)}</td>
                  <td className="num">{num(r.records)}</td>
                  <td className="num">{num(r.users)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("overview.total", { count: shown.length })}
                </th>
                <td className="num">{num(totals.notices)}</td>
                <td className="num">{num(totals.diffusions)}</td>
                <td className="num">{num(totals.records)}</td>
                <td className="num">{num(totals.users)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
