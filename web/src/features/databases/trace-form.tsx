import { type FormEvent, useState } from "react";
import { TextAreaField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { FieldError, type FieldProblem, FormErrors, problemsOf } from "./form-errors.tsx";
import type { TraceRequest } from "./types.ts";

const LABELS = {
  addressedCountry: "db.trace.addressedCountry",
  question: "db.trace.question",
  deadline: "db.trace.deadline",
} as const;

/** Ask a bureau (the firearm's owner unless another is named) to trace this firearm. */
export function TraceRequestForm({
  firearmId,
  owner,
  onSent,
}: {
  firearmId: string;
  owner: string;
  onSent: (r: TraceRequest) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [to, setTo] = useState("");
  const [question, setQuestion] = useState("");
  const [deadline, setDeadline] = useState("");
  const [error, setError] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const missing: FieldProblem[] = [];
    if (!question.trim())
      missing.push({ field: "question", sentence: t("db.error.required", { label: t(LABELS.question) }) });
    if (!deadline)
      missing.push({ field: "deadline", sentence: t("db.error.required", { label: t(LABELS.deadline) }) });
    setProblems(missing);
    if (missing.length) return;
    setPending(true);
    try {
      const body = {
        firearmId,
        question: question.trim(),
        deadline,
        ...(to.trim() ? { addressedCountry: to.trim().toUpperCase() } : {}),
      };
      onSent(await data(client.POST("/api/v1/trace-requests", { body })));
    } catch (err) {
      setError(err);
      setProblems(problemsOf(err, LABELS, i18n));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="trace-heading">
      <h2 id="trace-heading">{t("db.trace.ask")}</h2>
      <form className="form-grid" onSubmit={submit} noValidate data-testid="trace-form">
        <FormErrors error={error} problems={problems} />
        <div>
          <TextField
            label={t(LABELS.addressedCountry)}
            hint={t("db.trace.addressedHint", { owner })}
            value={to}
            dir="ltr"
            onChange={(e) => setTo(e.target.value.toUpperCase())}
            testId="trace-to"
          />
          <FieldError problems={problems} field="addressedCountry" />
        </div>
        <div>
          <TextField
            label={t(LABELS.deadline)}
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            testId="trace-deadline"
          />
          <FieldError problems={problems} field="deadline" />
        </div>
        <div className="span-all">
          <TextAreaField
            label={t(LABELS.question)}
            value={question}
            rows={3}
            onChange={(e) => setQuestion(e.target.value)}
            testId="trace-question"
          />
          <FieldError problems={problems} field="question" />
        </div>
        <div className="form-actions span-all">
          <button type="submit" className="btn btn-primary" disabled={pending} data-testid="trace-submit">
            {t("db.trace.send")}
          </button>
        </div>
      </form>
    </section>
  );
}
