import { useI18n } from "../../lib/i18n/index.tsx";
import { byDisplayOrder, propLabel } from "./format.ts";
import { numberSources, ProvenanceLine, provenanceKey, SourcesList } from "./provenance.tsx";
import type { IntelRecord, Statement } from "./types.ts";
import { Value } from "./values.tsx";

/** Statements grouped by property, in display order. */
function byProp(statements: readonly Statement[]): [string, Statement[]][] {
  const groups = new Map<string, Statement[]>();
  for (const s of statements) groups.set(s.prop, [...(groups.get(s.prop) ?? []), s]);
  return [...groups].sort(([a], [b]) => byDisplayOrder(a, b));
}

/**
 * Every value the record holds, each with who stated it, when and from what kind of source; the
 * sources are numbered below (a battlefield capture with its unit, place, date and context); values
 * no longer held are kept as history.
 */
export function StatementsPanel({ record, history }: { record: IntelRecord; history: Statement[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const current = history.filter((s) => s.retractedAt === null);
  const retracted = history.filter((s) => s.retractedAt !== null);
  const sources = numberSources(current);
  // Values the record holds without a statement (written before provenance was kept).
  const stated = new Set(current.map((s) => `${s.prop}\u0000${s.value}`));
  const bare = Object.entries(record.properties).flatMap(([prop, values]) =>
    values.filter((v) => !stated.has(`${prop}\u0000${v}`)).map((value) => ({ prop, value })),
  );
  return (
    <section className="panel" aria-labelledby="values-heading">
      <h2 id="values-heading">{t("persons.values")}</h2>
      {current.length === 0 && bare.length === 0 ? (
        <p className="empty">{t("records.noProperties")}</p>
      ) : (
        <table className="data values-table" data-testid="record-properties">
          <thead>
            <tr>
              <th scope="col">{t("records.property")}</th>
              <th scope="col">{t("persons.valueAndProvenance")}</th>
            </tr>
          </thead>
          <tbody>
            {byProp(current).map(([prop, list]) => (
              <PropRow key={prop} prop={prop} list={list} sources={sources} />
            ))}
            {bare.map(({ prop, value }) => (
              <tr key={`${prop}:${value}`}>
                <th scope="row">{propLabel(prop, i18n)}</th>
                <td>
                  <Value prop={prop} value={value} />{" "}
                  <span className="muted">{t("persons.noProvenance")}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources.size > 0 && (
        <>
          <h3>{t("persons.sources")}</h3>
          <SourcesList sources={sources} />
        </>
      )}
      {retracted.length > 0 && <RetractedValues list={retracted} />}
    </section>
  );
}

function PropRow({
  prop,
  list,
  sources,
}: {
  prop: string;
  list: Statement[];
  sources: ReturnType<typeof numberSources<Statement>>;
}) {
  const i18n = useI18n();
  return (
    <tr data-prop={prop}>
      <th scope="row">{propLabel(prop, i18n)}</th>
      <td>
        <ul className="values">
          {list.map((s) => (
            <li key={`${s.value}:${provenanceKey(s)}`} data-testid={`value-${prop}`}>
              <Value prop={prop} value={s.value} latin={s.latin} />
              {s.script && (
                <span className="script-tag" title={i18n.t("persons.script")}>
                  {s.script}
                </span>
              )}
              <br />
              <ProvenanceLine p={s} n={sources.get(provenanceKey(s))?.n} />
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/** Values the record no longer holds: who stated them, and when they were withdrawn. */
function RetractedValues({ list }: { list: Statement[] }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  return (
    <details className="history" data-testid="retracted">
      <summary>{t("persons.retracted", { n: list.length })}</summary>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("records.property")}</th>
            <th scope="col">{t("persons.value")}</th>
            <th scope="col">{t("persons.provenance")}</th>
            <th scope="col">{t("persons.retractedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={`${s.prop}:${s.value}:${s.recordedAt}`}>
              <th scope="row">{propLabel(s.prop, i18n)}</th>
              <td>
                <del>
                  <Value prop={s.prop} value={s.value} latin={s.latin} />
                </del>
              </td>
              <td>
                <ProvenanceLine p={s} n={undefined} />
                <div className="muted">
                  <bdi dir="auto">{s.source}</bdi>
                </div>
              </td>
              <td>{dateTime(s.retractedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
