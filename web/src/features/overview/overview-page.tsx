import { useMemo, useState } from "react";
import { TextField } from "../../components/fields.tsx";
import { DataState, Empty } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useApi } from "../../lib/use-api.ts";

interface OverviewRow {
  code: string;
  name: string;
  records: number;
  users: number;
}

type SortKey = keyof OverviewRow;

export function OverviewPage() {
  const { t } = useI18n();
  const state = useApi<{ items: OverviewRow[] }>("/overview");
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <DataState {...state}>{(data) => <OverviewTable rows={data.items} />}</DataState>
    </>
  );
}

function OverviewTable({ rows }: { rows: OverviewRow[] }) {
  const { t, num, lang } = useI18n();
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "name", desc: false });

  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase();
    const list = f
      ? rows.filter((r) => r.code.toLocaleLowerCase().includes(f) || r.name.toLocaleLowerCase().includes(f))
      : [...rows];
    list.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const cmp =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), lang);
      return sort.desc ? -cmp : cmp;
    });
    return list;
  }, [rows, filter, sort, lang]);

  const totals = shown.reduce(
    (acc, r) => ({ records: acc.records + r.records, users: acc.users + r.users }),
    {
      records: 0,
      users: 0,
    },
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
    <>
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
                  <td className="num">{num(r.records)}</td>
                  <td className="num">{num(r.users)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("overview.total", { count: num(shown.length) })}
                </th>
                <td className="num">{num(totals.records)}</td>
                <td className="num">{num(totals.users)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
