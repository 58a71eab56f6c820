import { type ReactNode, useId } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import { calendarDate, codeText } from "./texts.ts";
import type { MrzReading, MrzSummary } from "./types.ts";

/** What the zone says, for the officer to hold against the data page and the traveller. */
function ReadAs({ read: r }: { read: MrzReading }) {
  const i18n = useI18n();
  const { t } = i18n;
  const date = (value: string | null) =>
    value ? (
      <time dateTime={value}>{calendarDate(i18n, value)}</time>
    ) : (
      <span className="muted">{t("scr.mrz.notRead")}</span>
    );
  const rows: [string, string, ReactNode][] = [
    ["surname", t("scr.field.surname"), <bdi key="s">{r.surname}</bdi>],
    ["givenNames", t("scr.field.givenNames"), <bdi key="g">{r.givenNames}</bdi>],
    [
      "document",
      t("scr.ex.document"),
      <>
        {codeText(i18n, "scr.docType.", r.documentType)}{" "}
        <bdi dir="ltr">{[r.issuingState, r.documentNumber].filter(Boolean).join(" ")}</bdi>
      </>,
    ],
    ["nationality", t("scr.field.nationality"), <bdi key="n">{r.nationality}</bdi>],
    ["dateOfBirth", t("scr.field.dateOfBirth"), date(r.dateOfBirth)],
    ["sex", t("scr.field.sex"), r.sex ? codeText(i18n, "scr.sex.", r.sex) : t("scr.sex.any")],
    ["expiryDate", t("scr.mrz.check.expiryDate"), date(r.expiryDate)],
  ];
  return (
    <>
      <h4>{t("scr.mrz.readAs")}</h4>
      <dl className="kv mrz-read" data-testid="mrz-read">
        {rows.map(([id, label, value]) => (
          <div key={id} className="kv-row" data-testid={`mrz-read-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** What the zone said of itself: each check digit right or wrong, and whether the document expired. */
export function MrzPanel({ mrz }: { mrz: MrzSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  return (
    <section className="mrz-panel" aria-labelledby={headingId} data-testid="mrz-summary">
      <h3 id={headingId}>
        {t("scr.mrz.heading")} <span className="muted">({mrz.format})</span>
      </h3>
      <p className={`alert ${mrz.valid ? "alert-success" : "alert-error"}`} data-testid="mrz-validity">
        {t(mrz.valid ? "scr.mrz.valid" : "scr.mrz.invalid")}
      </p>
      <p className={`alert ${mrz.expired ? "alert-warning" : "alert-info"}`} data-testid="mrz-expiry">
        {t(mrz.expired ? "scr.mrz.expired" : "scr.mrz.inValidity")}
      </p>
      <ReadAs read={mrz.read} />
      <table className="data mrz-checks" data-testid="mrz-checks">
        <caption>{t("scr.mrz.checks")}</caption>
        <tbody>
          {mrz.checks.map((c) => (
            <tr key={c.field} data-testid={`mrz-check-${c.field}`} data-valid={c.valid}>
              <th scope="row">{codeText(i18n, "scr.mrz.check.", c.field)}</th>
              <td className={c.valid ? "check-ok" : "check-bad"}>
                <span aria-hidden="true">{c.valid ? "✓ " : "✗ "}</span>
                {t(c.valid ? "scr.mrz.checkOk" : "scr.mrz.checkBad")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
