import { errorMessage } from "../../components/alert.tsx";
import { ApiError } from "../../lib/api.ts";
import { type I18n, type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { ENVELOPE_LABELS } from "./envelope.tsx";

/** A field's problem as a sentence that names the field by its label, and where to show it. */
export interface FieldProblem {
  /** The field's name ("vin", "envelope.handlingNote"), or null for the form as a whole. */
  field: string | null;
  sentence: string;
}

const clean = (m: string) => m.trim().replace(/\.$/, "");

export const sentenceFor = (i18n: I18n, label: string, message: string): string =>
  i18n.t("db.error.field", { label, message: clean(message) });

/**
 * The server's field errors ([{ path, message }], path "vin" or "body.vin" or "envelope.x") as
 * sentences: "VIN: check digit (position 9) is X, expected 1." A path the form does not know keeps
 * its name, so nothing the server said is lost.
 */
export function problemsOf(error: unknown, labels: Record<string, MessageKey>, i18n: I18n): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.problem.errors)) return [];
  return error.problem.errors.map((e: unknown) => {
    const item = (e ?? {}) as { path?: unknown; message?: unknown };
    const path = String(item.path ?? "").replace(/^(body|querystring)\.?/, "");
    const message = String(item.message ?? "");
    const [head, sub] = path.split(".");
    const key = head === "envelope" && sub ? ENVELOPE_LABELS[sub] : labels[path];
    if (!path) return { field: null, sentence: clean(message) };
    return { field: path, sentence: sentenceFor(i18n, key ? i18n.t(key) : path, message) };
  });
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
