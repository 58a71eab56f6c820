import { useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link, segment } from "../../lib/router.tsx";
import { useMe } from "../../lib/session.tsx";
import type { IntelRecord, Judgement, JudgementValue } from "./types.ts";

/** Bureau officers and admins and the Secretariat's analysts judge; reviewers oversee and do not. */
export const JUDGE_ROLES: ReadonlySet<string> = new Set(["ncb_officer", "ncb_admin", "gs_analyst"]);

const CHOICES: readonly { value: JudgementValue; label: "same" | "different" | "unsure" }[] = [
  { value: "positive", label: "same" },
  { value: "negative", label: "different" },
  { value: "unsure", label: "unsure" },
];

/** Undoes a judgement; an undone "same" splits the merge again. */
export function undoJudgement(id: number): Promise<Judgement> {
  return data(
    client.POST("/api/v1/resolution/judgements/{id}/undo", { params: { path: { id: String(id) } } }),
  );
}

/** Same, different or unsure, each confirmed with what it will do; then the outcome and its undo. */
export function JudgePanel({ left, right }: { left: IntelRecord; right: IntelRecord }) {
  const { t } = useI18n();
  const me = useMe();
  const [result, setResult] = useState<Judgement | null>(null);
  const [undone, setUndone] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [pending, setPending] = useState(false);

  const act = async (action: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const judge = (judgement: JudgementValue) =>
    act(async () => {
      const body = { left: left.id, right: right.id, judgement };
      setResult(await data(client.POST("/api/v1/resolution/judgements", { body })));
      setUndone(false);
    });
  const undo = (id: number) =>
    act(async () => {
      await undoJudgement(id);
      setUndone(true);
    });

  if (!JUDGE_ROLES.has(me.role))
    return (
      <section className="panel">
        <p className="muted">{t("persons.dup.readOnly")}</p>
      </section>
    );
  return (
    <section className="panel judge" aria-labelledby="judge-heading" data-testid="judge-panel">
      <h2 id="judge-heading">{t("persons.dup.judgeTitle")}</h2>
      <ErrorAlert error={error} />
      {result && !undone ? (
        <Outcome result={result} pending={pending} onUndo={() => undo(result.id)} />
      ) : (
        <>
          {undone && <Notice kind="success">{t("persons.dup.undone")}</Notice>}
          <div className="judge-buttons">
            {CHOICES.map((c) => (
              <ConfirmButton
                key={c.value}
                label={t(`persons.dup.${c.label}`)}
                question={t(`persons.dup.${c.label}.confirm`)}
                onConfirm={() => judge(c.value)}
                disabled={pending}
                danger={c.value === "positive"}
                testId={`judge-${c.label}`}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Outcome({ result, pending, onUndo }: { result: Judgement; pending: boolean; onUndo: () => void }) {
  const { t } = useI18n();
  const label =
    result.judgement === "positive" ? "same" : result.judgement === "negative" ? "different" : "unsure";
  return (
    <div data-testid="judge-outcome">
      <Notice kind="success">
        {t(`persons.dup.${label}.done`)}{" "}
        {result.canonicalId && (
          <Link to={`/entities/${segment(result.canonicalId)}`} data-testid="judge-merged-link">
            {t("persons.openMerged")}
          </Link>
        )}
      </Notice>
      <ConfirmButton
        label={t("persons.dup.undo")}
        question={t(
          result.judgement === "positive" ? "persons.dup.undoMerge.confirm" : "persons.dup.undo.confirm",
        )}
        onConfirm={onUndo}
        disabled={pending}
        testId="judge-undo"
      />
    </div>
  );
}
