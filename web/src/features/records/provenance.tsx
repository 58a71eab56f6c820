import type { ReactNode } from "react";
import { sourceTypeLabel } from "../../components/envelope.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { countryName } from "./format.ts";
import type { Capture } from "./types.ts";

/** What a statement records besides its value (a record's history and a merged entity share it). */
export interface ProvenanceFields {
  source: string;
  statedBy: string;
  sourceType: string;
  statedAt: string;
  capture: Capture | null;
  recordedAt: string;
}

/** One key per distinct provenance: values entered together share one source entry. */
export const provenanceKey = (p: ProvenanceFields): string =>
  JSON.stringify([p.source, p.statedBy, p.sourceType, p.statedAt, p.capture, p.recordedAt]);

/** Numbers the distinct provenances in order of first appearance ("source 1", "source 2"). */
export function numberSources<T extends ProvenanceFields>(
  items: readonly T[],
): Map<string, { n: number; p: T }> {
  const out = new Map<string, { n: number; p: T }>();
  for (const p of items) {
    const key = provenanceKey(p);
    if (!out.has(key)) out.set(key, { n: out.size + 1, p });
  }
  return out;
}

/** Who said it: a country code is named (FR is France), a unit's name stays as written. */
export function StatedBy({ value }: { value: string }) {
  const i18n = useI18n();
  if (/^[A-Z]{2}$/.test(value))
    return (
      <span>
        {countryName(value, i18n)} (<code>{value}</code>)
      </span>
    );
  return <bdi dir="auto">{value}</bdi>;
}

/** The short line under a value: who stated it, when, what kind of source, and its source number. */
export function ProvenanceLine({ p, n }: { p: ProvenanceFields; n: number | undefined }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  return (
    <span className="provenance" data-testid="provenance">
      {t("persons.statedByOn", { date: date(p.statedAt) })} <StatedBy value={p.statedBy} />
      {" · "}
      <span className={`badge badge-source-${p.sourceType}`}>{sourceTypeLabel(t, p.sourceType)}</span>
      {n !== undefined && (
        <>
          {" · "}
          <span className="source-ref">{t("persons.sourceN", { n })}</span>
        </>
      )}
    </span>
  );
}

/** Battlefield data: the capture stands out, since it decides how the value may be used. */
export function CaptureBox({ capture }: { capture: Capture }) {
  const { t, date } = useI18n();
  return (
    <section className="capture" data-testid="capture" aria-label={t("persons.capture.title")}>
      <p className="capture-title">{t("persons.capture.title")}</p>
      <dl className="kv">
        <dt>{t("persons.capture.unit")}</dt>
        <dd>
          <bdi dir="auto">{capture.unit}</bdi>
        </dd>
        <dt>{t("persons.capture.place")}</dt>
        <dd>
          <bdi dir="auto">{capture.place}</bdi>
        </dd>
        <dt>{t("persons.capture.date")}</dt>
        <dd>
          <time dateTime={capture.date}>{date(capture.date)}</time>
        </dd>
        <dt>{t("persons.capture.context")}</dt>
        <dd>
          <bdi dir="auto">{capture.context}</bdi>
        </dd>
      </dl>
    </section>
  );
}

/** The numbered sources of a page: what each says, who said it, when it was recorded, its capture. */
export function SourcesList<T extends ProvenanceFields>({
  sources,
  extra,
}: {
  sources: Map<string, { n: number; p: T }>;
  extra?: (p: T) => ReactNode;
}) {
  const { t, date, dateTime } = useI18n();
  return (
    <ol className="sources" data-testid="sources">
      {[...sources.values()].map(({ n, p }) => (
        <li key={n} value={n}>
          <p>
            <strong>{t("persons.sourceN", { n })}</strong>{" "}
            <bdi dir="auto" className="source-text">
              {p.source}
            </bdi>
          </p>
          <p className="muted">
            {t("persons.statedByOn", { date: date(p.statedAt) })} <StatedBy value={p.statedBy} />
            {" · "}
            {sourceTypeLabel(t, p.sourceType)}
            {" · "}
            {t("persons.recordedAt", { when: dateTime(p.recordedAt) })}
          </p>
          {extra?.(p)}
          {p.capture && <CaptureBox capture={p.capture} />}
        </li>
      ))}
    </ol>
  );
}
