import { CountryName } from "../../../components/country-name.tsx";
import { SelectField } from "../../../components/fields.tsx";
import { DataState, Empty } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, navigate, segment, useLocation } from "../../../lib/router.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { searchesPath } from "./api.ts";
import type { SearchList, SearchState, SearchSummary } from "./types.ts";
import "./biometrics.css";

const STATES = ["pending", "decided"] as const;
const PURPOSES = ["search", "screening"] as const;

/** The filters live in the address, so Back returns to the same view; pending is the default. */
function useFilters(): { state: SearchState | ""; purpose: "search" | "screening" | "" } {
  const { query } = useLocation();
  const state = query.get("state") ?? "pending";
  const purpose = query.get("purpose") ?? "";
  return {
    state: (STATES as readonly string[]).includes(state) ? (state as SearchState) : "",
    purpose: (PURPOSES as readonly string[]).includes(purpose) ? (purpose as "search" | "screening") : "",
  };
}

/** The country's biometric searches, newest first, and how many still await a decision. */
export function SearchesPage() {
  const { t } = useI18n();
  const filters = useFilters();
  const list = useApi<SearchList>(searchesPath(filters));
  // "All" is written in the address as state=all, so that the default (pending) can be left.
  const go = (next: { state?: string; purpose?: string }) =>
    navigate("/biometrics/searches", {
      state: (next.state ?? filters.state) || "all",
      purpose: next.purpose ?? filters.purpose,
    });
  return (
    <>
      <div className="page-head">
        <h1>{t("bio.searches.title")}</h1>
        {list.data && (
          <span className="badge badge-h2 pending-count" data-testid="bio-pending-count">
            {t("bio.searches.pending", { n: list.data.pending })}
          </span>
        )}
      </div>
      <p className="muted">{t("bio.searches.intro")}</p>
      <div className="toolbar">
        <SelectField
          label={t("bio.searches.filterState")}
          value={filters.state}
          onChange={(e) => go({ state: e.target.value })}
          testId="bio-filter-state"
        >
          <option value="">{t("bio.searches.all")}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`bio.state.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("bio.searches.filterPurpose")}
          value={filters.purpose}
          onChange={(e) => go({ purpose: e.target.value })}
          testId="bio-filter-purpose"
        >
          <option value="">{t("bio.searches.all")}</option>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`bio.purpose.${p}`)}
            </option>
          ))}
        </SelectField>
        <Link to="/biometrics" className="btn btn-primary" data-testid="bio-new-search">
          {t("bio.searches.new")}
        </Link>
      </div>
      <DataState {...list}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t("bio.searches.empty")}</Empty>
          ) : (
            <SearchesTable items={data.items} />
          )
        }
      </DataState>
    </>
  );
}

function SearchesTable({ items }: { items: readonly SearchSummary[] }) {
  const { t, dateTime, num } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="bio-searches-table">
        <thead>
          <tr>
            <th scope="col">{t("bio.facts.when")}</th>
            <th scope="col">{t("bio.searches.col.modality")}</th>
            <th scope="col">{t("bio.field.reason")}</th>
            <th scope="col">{t("bio.facts.by")}</th>
            <th scope="col" className="num">
              {t("bio.searches.col.candidates")}
            </th>
            <th scope="col">{t("bio.searches.col.state")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id} data-testid="bio-search-row" data-state={s.state}>
              <td>
                <Link to={`/biometrics/searches/${segment(s.id)}`} data-testid="bio-search-link">
                  <time dateTime={s.at}>{dateTime(s.at)}</time>
                </Link>
              </td>
              <td>
                {t(`bio.kind.${s.modality}`)}
                {s.purpose === "screening" && (
                  <span className="badge badge-h1">{t("bio.purpose.screening")}</span>
                )}
              </td>
              <td>
                <bdi>{s.reason}</bdi>
                {s.location && (
                  <span className="muted">
                    {" "}
                    · <bdi>{s.location}</bdi>
                  </span>
                )}
              </td>
              <td>
                <bdi>{s.searchedBy}</bdi> (<CountryName code={s.country} />)
              </td>
              <td className="num">{num(s.candidateCount)}</td>
              <td>
                <span className={`badge state-${s.state}`}>{t(`bio.state.${s.state}`)}</span>
                {s.decision && <div className="small muted">{t(`bio.decision.${s.decision.decision}`)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
