import { useState } from "react";
import { Notice } from "../../../components/alert.tsx";
import { ConfirmButton } from "../../../components/confirm-button.tsx";
import { FormField } from "../../../components/form-field.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { useMe } from "../../../lib/session.tsx";
import { decide } from "./api.ts";
import { problemsOf } from "./texts.ts";
import {
  type BiometricSearch,
  type Candidate,
  DECISIONS,
  type Decision,
  type DecisionKind,
} from "./types.ts";

const DECIDERS = new Set(["ncb_officer", "ncb_admin"]);
const SECRETARIAT = "XG";

/**
 * Whether the reader may decide: the searching country's bureau, or the Secretariat for its own
 * searches. The server checks it again; this only decides what the page offers.
 */
export function mayDecide(me: { role: string; country: { code: string } }, search: BiometricSearch): boolean {
  if (search.country !== me.country.code) return false;
  return DECIDERS.has(me.role) || me.country.code === SECRETARIAT;
}

const candidateLabel = (c: Candidate) => `#${c.rank} ${c.caption}`;

/**
 * The three decisions. A potential candidate names one candidate (the one being compared, unless
 * another is chosen); the note is optional. A later decision supersedes the current one, which
 * stays in the history.
 */
export function DecisionPanel({
  search,
  selected,
  onDecided,
}: {
  search: BiometricSearch;
  selected: string | null;
  onDecided: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [candidateId, setCandidateId] = useState<string>("");
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<DecisionKind | null>(null);
  const chosen = candidateId || selected || "";

  const labels = {
    candidateId: t("bio.decision.candidate"),
    note: t("bio.decision.note"),
    decision: t("bio.decision.heading"),
  };
  const problems = problemsOf(error, i18n, labels, null);
  const byField = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.sentence]));
  const general = problems.filter((p) => !p.field || !(p.field in labels) || p.field === "decision");

  const send = async (kind: DecisionKind) => {
    setPending(true);
    setError(undefined);
    setDone(null);
    try {
      await decide(search.id, kind, kind === "potential_candidate" ? chosen || null : null, note);
      setDone(kind);
      setNote("");
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  if (!mayDecide(me, search))
    return (
      <section className="panel" aria-labelledby="decision-heading" data-testid="bio-decision">
        <h2 id="decision-heading">{t("bio.decision.heading")}</h2>
        <p className="muted" data-testid="decision-not-yours">
          {t("bio.decision.notYours", { country: search.country })}
        </p>
      </section>
    );

  return (
    <section className="panel bio-form" aria-labelledby="decision-heading" data-testid="bio-decision">
      <h2 id="decision-heading">{t("bio.decision.heading")}</h2>
      <p className="muted">{t("bio.decision.intro")}</p>
      {search.decision && <p className="muted">{t("bio.decision.supersedes")}</p>}
      {done && (
        <Notice kind="success">
          <span data-testid="decision-done">
            {t("bio.decision.recorded", { decision: t(`bio.decision.${done}`) })}
          </span>
        </Notice>
      )}
      {general.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="decision-errors">
          {general.map((p) => (
            <p key={p.sentence}>
              <bdi>{p.sentence}</bdi>
            </p>
          ))}
        </div>
      )}
      <FormField
        name="candidateId"
        label={labels.candidateId}
        hint={t("bio.decision.candidateHint")}
        error={byField.candidateId}
      >
        {(control) => (
          <select
            {...control}
            value={chosen}
            onChange={(e) => setCandidateId(e.target.value)}
            disabled={pending || search.candidates.length === 0}
            data-testid="decision-candidate"
          >
            <option value="">{t("bio.decision.noCandidateChosen")}</option>
            {search.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {candidateLabel(c)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField name="note" label={labels.note} hint={t("bio.decision.noteHint")} error={byField.note}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={2000}
            dir="auto"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            disabled={pending}
            data-testid="decision-note"
          />
        )}
      </FormField>
      <div className="form-actions">
        {DECISIONS.map((kind) => (
          <ConfirmButton
            key={kind}
            label={t(`bio.decision.${kind}`)}
            question={t(`bio.decision.${kind}.question`)}
            onConfirm={() => void send(kind)}
            disabled={pending || (kind === "potential_candidate" && !chosen)}
            danger={kind === "no_candidate"}
            testId={`decide-${kind}`}
          />
        ))}
      </div>
    </section>
  );
}

/** Every decision, oldest first; the newest is the search's current one. */
export function DecisionHistory({ search }: { search: BiometricSearch }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const byId = new Map(search.candidates.map((c) => [c.id, c]));
  const current = search.decision?.id ?? null;
  const candidateOf = (d: Decision) => {
    if (!d.candidateId) return null;
    const c = byId.get(d.candidateId);
    // A candidate the reader may no longer see (its distribution narrowed) is not named.
    return c ? candidateLabel(c) : t("bio.history.hiddenCandidate");
  };
  return (
    <section className="panel" aria-labelledby="history-heading" data-testid="decision-history">
      <h2 id="history-heading">{t("bio.history.heading")}</h2>
      {search.decisions.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t("bio.history.empty")}
        </p>
      ) : (
        <ol className="decision-history">
          {search.decisions.map((d) => (
            <li
              key={d.id}
              data-testid="history-item"
              data-decision={d.decision}
              aria-current={d.id === current ? "true" : undefined}
            >
              <strong>{t(`bio.decision.${d.decision}`)}</strong>
              {candidateOf(d) && (
                <>
                  {" · "}
                  <bdi>{candidateOf(d)}</bdi>
                </>
              )}
              {d.id === current ? (
                <span className="badge state-decided">{t("bio.history.current")}</span>
              ) : (
                <span className="badge state-superseded">{t("bio.history.superseded")}</span>
              )}
              <div className="muted small">
                <bdi>{d.decidedBy}</bdi> · <time dateTime={d.decidedAt}>{dateTime(d.decidedAt)}</time>
              </div>
              {d.note && (
                <p className="decision-note">
                  <bdi>{d.note}</bdi>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
