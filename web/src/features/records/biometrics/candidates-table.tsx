import { useMemo, useState } from "react";
import { CountryName } from "../../../components/country-name.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, segment } from "../../../lib/router.tsx";
import { fingersText, scoreText } from "./texts.ts";
import type { Candidate } from "./types.ts";

type SortKey = "rank" | "score";

/**
 * The ranked candidates, sortable by rank or score; those that reached the threshold are marked in
 * words, not by colour alone. "Compare" puts a candidate beside the probe; the one chosen is marked.
 */
export function CandidatesTable({
  candidates,
  selected,
  onSelect,
  chosenId,
}: {
  candidates: readonly Candidate[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** The candidate named by the current decision, if any. */
  chosenId: string | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "rank", desc: false });
  const rows = useMemo(
    () =>
      [...candidates].sort((a, b) => {
        const cmp = sort.key === "rank" ? a.rank - b.rank : a.score - b.score || b.rank - a.rank;
        return sort.desc ? -cmp : cmp;
      }),
    [candidates, sort],
  );

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className="num" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}>
        <button
          type="button"
          className="sort"
          // Rank reads best first ascending; a score best first descending.
          onClick={() => setSort({ key, desc: active ? !sort.desc : key === "score" })}
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
    <div className="table-wrap">
      <table className="data candidates" data-testid="candidates-table">
        <caption className="visually-hidden">{t("bio.candidates.heading")}</caption>
        <thead>
          <tr>
            {header("rank", t("bio.candidates.rank"))}
            <th scope="col">{t("bio.candidates.person")}</th>
            <th scope="col">{t("bio.candidates.owner")}</th>
            <th scope="col">{t("bio.candidates.fingers")}</th>
            {header("score", t("bio.candidates.score"))}
            <th scope="col">{t("bio.candidates.threshold")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr
              key={c.id}
              className={c.aboveThreshold ? "above" : undefined}
              aria-current={c.id === selected ? "true" : undefined}
              data-testid="candidate-row"
              data-rank={c.rank}
              data-above={c.aboveThreshold ? "true" : "false"}
            >
              <td className="num" data-testid="candidate-rank">
                {c.rank}
              </td>
              <td>
                <Link to={`/records/${segment(c.recordId)}`} data-testid="candidate-link">
                  <bdi>{c.caption}</bdi>
                </Link>
                {c.reference && (
                  <span className="muted">
                    {" "}
                    <bdi dir="ltr">{c.reference}</bdi>
                  </span>
                )}
                {c.id === chosenId && (
                  <span className="badge state-decided" data-testid="candidate-chosen">
                    {t("bio.candidates.chosen")}
                  </span>
                )}
              </td>
              <td>
                <CountryName code={c.owner} />
              </td>
              <td>{fingersText(i18n, c.fingers)}</td>
              <td className="num" data-testid="candidate-score">
                <bdi>{scoreText(i18n, c.score)}</bdi>
              </td>
              <td>
                {c.aboveThreshold ? (
                  <span className="badge badge-above" data-testid="candidate-above">
                    {t("bio.candidates.above")}
                  </span>
                ) : (
                  <span className="muted">{t("bio.candidates.below")}</span>
                )}
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-pressed={c.id === selected}
                  onClick={() => onSelect(c.id)}
                  data-testid="candidate-compare"
                >
                  {t("bio.candidates.compare")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
