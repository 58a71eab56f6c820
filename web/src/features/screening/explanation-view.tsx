import type { ReactNode } from "react";
import { type I18n, useI18n } from "../../lib/i18n/index.tsx";
import { ObjectFinding } from "./object-finding.tsx";
import { codeText } from "./texts.ts";
import type {
  BirthDateExplanation,
  DocumentExplanation,
  Explanation,
  NameExplanation,
  QualifierExplanation,
} from "./types.ts";

/*
 * A score's explanation as an officer and a lawyer read it: one row per feature (name, date of birth,
 * nationality, sex, place of birth, document, firearm, vehicle), what was found and what it did to the score. Values
 * from the traveller or the record keep their own direction (<bdi>), so Arabic text around them holds.
 */

/** A score (0.98) or, signed, a score effect (+0.07, −0.15), in the reader's language. */
export function scoreText(value: number, i18n: I18n, signed = false): string {
  const locale = i18n.lang === "ar" ? "ar-u-nu-latn" : i18n.lang;
  return new Intl.NumberFormat(locale, {
    signDisplay: signed ? "exceptZero" : "auto",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

const Values = ({ values }: { values: readonly string[] }) => (
  <>
    {values.map((v, i) => (
      <span key={`${v}-${i.toString()}`}>
        {i > 0 && ", "}
        <bdi>{v}</bdi>
      </span>
    ))}
  </>
);

function GivenListed({ given, listed }: { given?: string | undefined; listed?: ReactNode }) {
  const { t } = useI18n();
  if (!given && !listed) return null;
  return (
    <span className="given-listed">
      {given && (
        <span>
          {t("scr.ex.given")}: <bdi>{given}</bdi>
        </span>
      )}
      {listed && (
        <span>
          {t("scr.ex.listed")}: {listed}
        </span>
      )}
    </span>
  );
}

function NameFinding({ n }: { n: NameExplanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const script = n.scripts && (n.scripts.query !== "Latn" ? n.scripts.query : n.scripts.listed);
  return (
    <>
      <strong>{codeText(i18n, "scr.ex.name.", n.result)}</strong>
      <GivenListed given={n.query} listed={<bdi>{n.listed}</bdi>} />
      {n.parts.length > 0 && (
        <ul className="name-parts" aria-label={t("scr.ex.parts")}>
          {n.parts.map((p, i) => (
            <li key={`${p.query}-${i.toString()}`} data-how={p.how}>
              <bdi>{p.query}</bdi> ↔ <bdi>{p.listed}</bdi>: {codeText(i18n, "scr.ex.how.", p.how)}
              {p.joined ? ` (${t("scr.ex.joined")})` : ""}
            </li>
          ))}
        </ul>
      )}
      {script && <p>{t("scr.ex.script", { script: codeText(i18n, "scr.script.", script) })}</p>}
      {n.orderSwapped && <p>{t("scr.ex.orderSwapped")}</p>}
      {n.missing.length > 0 && (
        <p>
          {t("scr.ex.missing")}: <Values values={n.missing} />
        </p>
      )}
      {n.extra.length > 0 && (
        <p>
          {t("scr.ex.extra")}: <Values values={n.extra} />
        </p>
      )}
      {n.conflicting.length > 0 && (
        <p>
          {t("scr.ex.conflicting")}: <Values values={n.conflicting.map((c) => `${c.query} / ${c.listed}`)} />
        </p>
      )}
      {n.weakAlias && <p>{t("scr.ex.weakAlias")}</p>}
      {n.filiationMismatch && <p>{t("scr.ex.filiation")}</p>}
      {n.ignored.length > 0 && (
        <p>
          {t("scr.ex.ignored")}:{" "}
          {n.ignored.map((w, i) => (
            <span key={`${w.word}-${i.toString()}`}>
              {i > 0 && ", "}
              <bdi>{w.word}</bdi> ({codeText(i18n, "scr.ex.why.", w.why)})
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function DateFinding({ d }: { d: BirthDateExplanation }) {
  const i18n = useI18n();
  return (
    <>
      <strong>{codeText(i18n, "scr.ex.dob.", d.result)}</strong>
      <GivenListed given={d.query} listed={d.listed ? <bdi>{d.listed}</bdi> : undefined} />
      {d.queryReadAs && <span> ({i18n.t("scr.ex.readAs", { date: d.queryReadAs })})</span>}
    </>
  );
}

function QualifierFinding({ q }: { q: QualifierExplanation }) {
  const i18n = useI18n();
  return (
    <>
      <strong>{codeText(i18n, "scr.ex.q.", q.result)}</strong>
      <GivenListed given={q.query} listed={q.listed?.length ? <Values values={q.listed} /> : undefined} />
    </>
  );
}

function DocumentFinding({ d }: { d: DocumentExplanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <GivenListed given={d.given} listed={d.listed ? <bdi>{d.listed}</bdi> : undefined} />
      <ul className="name-parts">
        <li>{codeText(i18n, "scr.ex.doc.number.", d.number)}</li>
        <li>{codeText(i18n, "scr.ex.doc.country.", d.issuingCountry)}</li>
        {d.type && <li>{codeText(i18n, "scr.ex.doc.type.", d.type)}</li>}
        {d.status && <li>{t("scr.ex.doc.status", { status: codeText(i18n, "scr.category.", d.status) })}</li>}
        {d.heldByListedPerson && <li>{t("scr.ex.doc.held")}</li>}
      </ul>
    </>
  );
}

type Row = { id: string; label: string; finding: ReactNode; effect: number | null };

export function ExplanationView({ explanation: e }: { explanation: Explanation }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: Row[] = [];
  if (e.name)
    rows.push({
      id: "name",
      label: t("scr.ex.name"),
      finding: <NameFinding n={e.name} />,
      effect: e.name.score,
    });
  if (e.birthDate && e.birthDate.result !== "not_given")
    rows.push({
      id: "birthDate",
      label: t("scr.ex.birthDate"),
      finding: <DateFinding d={e.birthDate} />,
      effect: e.birthDate.effect,
    });
  const qualifiers = [
    ["nationality", "scr.ex.nationality", e.nationality],
    ["sex", "scr.ex.sex", e.sex],
    ["birthPlace", "scr.ex.birthPlace", e.birthPlace],
  ] as const;
  for (const [id, label, q] of qualifiers)
    if (q && q.result !== "not_given")
      rows.push({ id, label: t(label), finding: <QualifierFinding q={q} />, effect: q.effect });
  if (e.document)
    rows.push({
      id: "document",
      label: t("scr.ex.document"),
      finding: <DocumentFinding d={e.document} />,
      effect: null,
    });
  for (const kind of ["firearm", "vehicle"] as const)
    if (e[kind])
      rows.push({
        id: kind,
        label: t(kind === "firearm" ? "scr.ex.firearm" : "scr.ex.vehicle"),
        finding: <ObjectFinding explanation={e} kind={kind} />,
        effect: null,
      });
  if (e.modality)
    rows.push({
      id: "biometric",
      label: t(e.modality === "face" ? "scr.ex.biometric.face" : "scr.ex.biometric.fingerprint"),
      finding: e.decidedByCountry
        ? t("scr.ex.biometric.decided", { country: e.decidedByCountry })
        : t("scr.ex.biometric.reviewed"),
      effect: e.score ?? null,
    });
  return (
    <table className="data explanation" data-testid="explanation">
      <caption className="visually-hidden">{t("scr.result.why")}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`explain-${r.id}`}>
            <th scope="row">{r.label}</th>
            <td>{r.finding}</td>
            <td className="num" title={t("scr.ex.effect")}>
              {r.effect === null ? (
                ""
              ) : (
                <bdi>{scoreText(r.effect, i18n, r.id !== "name" && r.id !== "biometric")}</bdi>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
