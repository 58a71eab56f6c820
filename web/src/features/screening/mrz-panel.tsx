import { useId } from "react";
import { useI18n } from "../../lib/i18n/index.tsx";
import { codeText } from "./texts.ts";
import type { MrzSummary } from "./types.ts";

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
