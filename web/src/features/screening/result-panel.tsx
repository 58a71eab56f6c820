import { useI18n } from "../../lib/i18n/index.tsx";
import { BiometricFinding } from "./biometric-finding.tsx";
import { ExplanationView, scoreText } from "./explanation-view.tsx";
import { MrzPanel } from "./mrz-panel.tsx";
import { actionText, contactText, kindLabel, overallAction, problemSentence } from "./texts.ts";
import type { MatchView, TravellerResult } from "./types.ts";

/*
 * The answer at the border: a banner that cannot be misread (HIT / NO HIT), the one action to take and
 * whom to call, then each match with its reasons. A discreet result shows the instruction and nothing
 * else: the officer must not learn, nor let the traveller guess, that anything was found.
 */

function MatchCard({ m }: { m: MatchView }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <article
      className={`match-card${m.match ? " is-match" : ""}`}
      data-testid="match-card"
      data-kind={m.kind}
    >
      <header className="match-head">
        <span className="match-score" title={t("scr.result.score")}>
          <bdi>{scoreText(m.score, i18n)}</bdi>
        </span>
        <span className="match-caption">
          <bdi>{m.caption}</bdi>
        </span>
        <span className="badge badge-h1">{kindLabel(i18n, m.kind, m.category)}</span>
      </header>
      <dl className="kv">
        <dt>{t("scr.result.reference")}</dt>
        <dd data-testid="match-reference">
          <bdi dir="ltr">{m.reference}</bdi>
        </dd>
        <dt>{t("scr.result.action")}</dt>
        <dd>{actionText(i18n, m.action, m.kind, m.category)}</dd>
        <dt>{t("scr.result.contact")}</dt>
        <dd>
          <bdi>{contactText(i18n, m.contact)}</bdi>
        </dd>
      </dl>
      <h4>{t("scr.result.why")}</h4>
      <ExplanationView explanation={m.explanation} />
    </article>
  );
}

export function ResultPanel({ result: r, headingId }: { result: TravellerResult; headingId?: string }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const matches = r.hits.filter((h) => h.match);
  const possible = r.hits.filter((h) => !h.match);
  const action = overallAction(i18n, r);
  const contacts = [...new Map(matches.map((m) => [m.contact.country, m.contact])).values()];
  // A possible biometric match without a name hit is a referral: never "no hit, proceed as usual".
  const refer = r.biometric?.status === "refer";
  const outcome = r.discreet ? "instruction" : r.hit ? "hit" : refer ? "refer" : "clear";
  return (
    <section className="panel screening-result" aria-labelledby={headingId} data-testid="screening-result">
      <div
        className={`result-banner result-${outcome}`}
        role="status"
        data-testid="result-banner"
        data-outcome={outcome}
      >
        <span className="result-word" id={headingId}>
          {t(
            outcome === "instruction"
              ? "scr.result.instruction"
              : outcome === "hit"
                ? "scr.result.hit"
                : outcome === "refer"
                  ? "scr.result.refer"
                  : "scr.result.noHit",
          )}
        </span>
        {!r.discreet && (
          <span className="result-lead">
            {r.hit
              ? t("scr.result.hitLead", { n: num(matches.length) })
              : refer
                ? t("scr.bio.refer")
                : t("scr.result.noHitLead")}
          </span>
        )}
      </div>
      <div className="result-action" data-testid="result-action">
        <h3>{t("scr.result.action")}</h3>
        <p className="action-text">{action ?? t(refer ? "scr.bio.referNote" : "scr.result.noAction")}</p>
        {!r.discreet && contacts.length > 0 && (
          <>
            <h3>{t("scr.result.contact")}</h3>
            <ul data-testid="result-contacts">
              {contacts.map((c) => (
                <li key={c.country}>
                  <bdi>{contactText(i18n, c)}</bdi> (<bdi>{c.country}</bdi>)
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {!r.discreet && matches.length > 0 && (
        <>
          <h3>{t("scr.result.matches")}</h3>
          <div className="match-list" data-testid="matches">
            {matches.map((m) => (
              <MatchCard key={`${m.kind}:${m.reference}`} m={m} />
            ))}
          </div>
        </>
      )}
      {!r.discreet && possible.length > 0 && (
        <details className="possible" data-testid="possible-matches">
          <summary>
            {t("scr.result.possible")} ({num(possible.length)})
          </summary>
          <p className="muted">{t("scr.result.possibleNote")}</p>
          <div className="match-list">
            {possible.map((m) => (
              <MatchCard key={`${m.kind}:${m.reference}`} m={m} />
            ))}
          </div>
        </details>
      )}
      {r.biometric && <BiometricFinding outcome={r.biometric} />}
      {r.mrz && <MrzPanel mrz={r.mrz} />}
      {r.warnings.length > 0 && (
        <div className="alert alert-warning" data-testid="result-warnings">
          <p>
            <strong>{t("scr.result.warnings")}</strong>
          </p>
          <ul>
            {r.warnings.map((w) => (
              <li key={`${w.field}:${w.message}`}>
                <bdi>{problemSentence(i18n, w.field, w.message)}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
