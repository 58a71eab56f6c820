import { hasOwnText, type I18n, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { localeOf } from "./format.ts";
import type { Explanation } from "./types.ts";

/** A score from 0 to 1 as a percentage in the reader's language. */
export function percent(score: number, i18n: I18n): string {
  return new Intl.NumberFormat(localeOf(i18n), { style: "percent", maximumFractionDigits: 0 }).format(score);
}

/** What a feature added to the score, signed: +0.25, −0.30. */
function weight(w: number, i18n: I18n): string {
  return new Intl.NumberFormat(localeOf(i18n), {
    signDisplay: "exceptZero",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(w);
}

const resultText = (result: string, i18n: I18n) => {
  const key = `persons.dup.result.${result}`;
  return hasOwnText("en", key) ? i18n.t(key as MessageKey) : result;
};

type Row = { feature: MessageKey; finding: string; weight: number; testId: string };

function rowsOf(e: Explanation, i18n: I18n): Row[] {
  const rows: Row[] = [];
  if (e.name)
    rows.push({
      feature: "persons.dup.feature.name",
      finding: i18n.t("persons.dup.nameFinding", {
        score: percent(e.name.score, i18n),
        left: e.name.left,
        right: e.name.right,
      }),
      // The name carries 0.6 of its similarity (src/search/resolution/score.ts).
      weight: Math.round(e.name.score * 0.6 * 1000) / 1000,
      testId: "name",
    });
  const results = [
    ["birthDate", "persons.dup.feature.birthDate", e.birthDate],
    ["nationality", "persons.dup.feature.nationality", e.nationality],
    ["gender", "persons.dup.feature.gender", e.gender],
  ] as const;
  for (const [id, feature, r] of results)
    if (r) rows.push({ feature, finding: resultText(r.result, i18n), weight: r.weight, testId: id });
  const lists = [
    ["identifiers", "persons.dup.feature.identifiers", e.identifiers],
    ["documents", "persons.dup.feature.documents", e.documents],
  ] as const;
  for (const [id, feature, r] of lists)
    if (r)
      rows.push({
        feature,
        finding: r.shared.length ? r.shared.join(", ") : i18n.t("persons.dup.noneShared"),
        weight: r.weight,
        testId: id,
      });
  return rows;
}

/** Why a pair was suggested: each feature, what was found and what it weighed. */
export function ExplanationTable({ explanation }: { explanation: Explanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table className="data explanation" data-testid="explanation">
      <caption className="visually-hidden">{t("persons.dup.why")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("persons.dup.feature")}</th>
          <th scope="col">{t("persons.dup.finding")}</th>
          <th scope="col">{t("persons.dup.weight")}</th>
        </tr>
      </thead>
      <tbody>
        {rowsOf(explanation, i18n).map((r) => (
          <tr key={r.testId} data-testid={`explain-${r.testId}`}>
            <th scope="row">{t(r.feature)}</th>
            <td>
              <bdi dir="auto">{r.finding}</bdi>
            </td>
            <td className={r.weight > 0 ? "num weight-plus" : r.weight < 0 ? "num weight-minus" : "num"}>
              <bdi dir="ltr">{weight(r.weight, i18n)}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A score as a bar and a number, for the list. */
export function ScoreMeter({ score }: { score: number }) {
  const i18n = useI18n();
  return (
    <span className="score" data-testid="score">
      <meter min={0} max={1} low={0.75} high={0.9} optimum={1} value={score} />{" "}
      <strong>{percent(score, i18n)}</strong>
    </span>
  );
}
