import { errorMessage } from "../../components/alert.tsx";
import { type I18n, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { fieldSentences } from "../../lib/problems.ts";
import { ENVELOPE_LABELS } from "./envelope.tsx";

/** A field's problem as a sentence that names the field by its label, and where to show it. */
export interface FieldProblem {
  /** The field's name ("vin", "envelope.handlingNote"), or null for the form as a whole. */
  field: string | null;
  sentence: string;
}

/**
 * The server's field errors as sentences in the reader's language, each naming its field by the form's
 * label ("VIN: check digit (position 9) is X, expected 1."): the shared mapping (lib/problems.ts) with
 * this form's labels and the envelope's first.
 */
export function problemsOf(error: unknown, labels: Record<string, MessageKey>, i18n: I18n): FieldProblem[] {
  const envelope = Object.fromEntries(Object.entries(ENVELOPE_LABELS).map(([k, v]) => [`envelope.${k}`, v]));
  return fieldSentences(error, i18n, { ...envelope, ...labels }).map((f) => ({
    field: f.field,
    sentence: f.sentence,
  }));
}

/** The form's alert: the general message, then each problem as a sentence. */
export function FormErrors({ error, problems }: { error: unknown; problems: readonly FieldProblem[] }) {
  const i18n = useI18n();
  if (error === undefined && problems.length === 0) return null;
  return (
    <div className="alert alert-error span-all" role="alert" data-testid="form-errors">
      <p>
        <bdi>{error !== undefined ? errorMessage(error, i18n) : i18n.t("db.error.check")}</bdi>
      </p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.field}:${p.sentence}`}>
              <bdi>{p.sentence}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The sentence under one field, tied to nothing else: screen readers also get the alert above. */
export function FieldError({ problems, field }: { problems: readonly FieldProblem[]; field: string }) {
  const mine = problems.filter((p) => p.field === field);
  if (!mine.length) return null;
  return (
    <p className="field-error" data-testid={`field-error-${field}`}>
      {mine.map((p) => (
        <bdi key={p.sentence}>{p.sentence} </bdi>
      ))}
    </p>
  );
}
