import { errorMessage } from "../../components/alert.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { FieldProblem, RecordForm } from "./record-form-model.ts";

export type SetForm = (patch: Partial<RecordForm>) => void;

/** The form's alert: the general message, then each field's problem as a sentence. */
export function FormErrors({ error, problems }: { error: unknown; problems: readonly FieldProblem[] }) {
  const i18n = useI18n();
  if (error === undefined) return null;
  return (
    <div className="alert alert-error span-all" role="alert" data-testid="form-errors">
      <p>
        <bdi>{errorMessage(error, i18n)}</bdi>
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

/** The sentence under one field (the alert above also carries it for screen readers). */
export function FieldError({ problems, field }: { problems: readonly FieldProblem[]; field: string }) {
  const mine = problems.filter((p) => p.field === field || p.field?.startsWith(`${field}.`));
  if (!mine.length) return null;
  return (
    <p className="field-error span-all" data-testid={`field-error-${field}`}>
      {mine.map((p) => (
        <bdi key={p.sentence}>{p.sentence} </bdi>
      ))}
    </p>
  );
}
