import { CountryName } from "../../components/country-name.tsx";
import { Distribution, Evaluation, HandlingBadge } from "../../components/envelope.tsx";
import { DataState } from "../../components/states.tsx";
import { withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment, useLocation } from "../../lib/router.tsx";
import type { Page } from "../../lib/types.ts";
import { useApi } from "../../lib/use-api.ts";
import { ExplanationTable, ScoreMeter } from "./explanation.tsx";
import { byDisplayOrder, propLabel } from "./format.ts";
import { JudgePanel } from "./judge-panel.tsx";
import { NameWithReading } from "./latin.tsx";
import type { Candidate, IntelRecord } from "./types.ts";
import { Value } from "./values.tsx";
import "./records.css";

/** Two records side by side, the values that differ marked, and the analyst's judgement. */
export function PairPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const leftId = query.get("left") ?? "";
  const rightId = query.get("right") ?? "";
  const left = useApi<IntelRecord>(`/records/${segment(leftId)}`);
  const right = useApi<IntelRecord>(`/records/${segment(rightId)}`);
  // There is no read of one suggestion: its explanation is looked up among the listed ones.
  const candidates = useApi<Page<Candidate>>(
    withQuery("/resolution/candidates", { crossCountry: "false", pageSize: 200 }),
  );
  const candidate = candidates.data?.items.find(
    (c) =>
      (c.left.id === leftId && c.right.id === rightId) || (c.left.id === rightId && c.right.id === leftId),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/duplicates">{t("persons.dup.back")}</Link>
      </p>
      <h1>{t("persons.dup.pairTitle")}</h1>
      <DataState {...left}>
        {(l) => (
          <DataState {...right}>
            {(r) => (
              <>
                <Comparison left={l} right={r} />
                {candidate && (
                  <section className="panel" aria-labelledby="why-heading">
                    <h2 id="why-heading">
                      {t("persons.dup.why")} <ScoreMeter score={candidate.score} />
                    </h2>
                    <ExplanationTable explanation={candidate.explanation} />
                  </section>
                )}
                <JudgePanel left={l} right={r} />
              </>
            )}
          </DataState>
        )}
      </DataState>
    </>
  );
}

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

function Comparison({ left, right }: { left: IntelRecord; right: IntelRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  const props = [...new Set([...Object.keys(left.properties), ...Object.keys(right.properties)])].sort(
    byDisplayOrder,
  );
  return (
    <div className="table-wrap">
      <table className="data pair" data-testid="pair-table">
        <thead>
          <tr>
            <th scope="col">{t("records.property")}</th>
            {[left, right].map((r) => (
              <th scope="col" key={r.id}>
                <Link to={`/records/${segment(r.id)}`}>
                  <NameWithReading name={r.caption} latin={r.readings[r.caption]} />
                </Link>{" "}
                <CountryName code={r.envelope.owner} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.map((prop) => {
            const a = left.properties[prop] ?? [];
            const b = right.properties[prop] ?? [];
            const differ = !sameValues(a, b);
            return (
              <tr key={prop} className={differ ? "differs" : undefined} data-testid={`pair-row-${prop}`}>
                <th scope="row">
                  {propLabel(prop, i18n)}
                  {differ && <span className="badge badge-differs">{t("persons.dup.differs")}</span>}
                </th>
                {[a, b].map((values, side) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two fixed columns, left then right
                  <td key={side}>
                    <ul className="values">
                      {values.map((v) => (
                        <li key={v}>
                          <Value prop={prop} value={v} />
                        </li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t("records.envelope")}</th>
            {[left, right].map((r) => (
              <td key={r.id}>
                <Distribution envelope={r.envelope} /> <HandlingBadge envelope={r.envelope} />{" "}
                <Evaluation envelope={r.envelope} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
