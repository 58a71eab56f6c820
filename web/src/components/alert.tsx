import type { ReactNode } from "react";
import type { Labels } from "../lib/field-labels.ts";
import { type I18n, useI18n } from "../lib/i18n/index.tsx";
import { fieldSentences, isStale, problemSentence } from "../lib/problems.ts";

/**
 * The sentence for an error in the reader's language, by its problem code (lib/problems.ts): never
 * the server's English detail, never a path.
 */
export function errorMessage(error: unknown, i18n: Pick<I18n, "lang" | "t">): string {
  return problemSentence(error, i18n);
}

/**
 * An error as the reader can act on it: what went wrong, then each refused field as a sentence naming
 * it by its label ("Offence 1: Maximum penalty (months) must be a whole number."). `labels` gives a
 * form's own labels for its paths, before the shared registry. A stale write offers `onReload`.
 */
export function ErrorAlert({
  error,
  onRetry,
  onReload,
  labels,
}: {
  error: unknown;
  onRetry?: () => void;
  onReload?: () => void;
  labels?: Labels;
}) {
  const i18n = useI18n();
  if (error === undefined || error === null) return null;
  const details = fieldSentences(error, i18n, labels);
  const stale = isStale(error);
  return (
    <div className="alert alert-error" role="alert" data-testid="error-alert" data-code={codeOf(error)}>
      <p>
        <bdi>{errorMessage(error, i18n)}</bdi>
      </p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}:${d.sentence}`} data-testid="error-field" data-field={d.field}>
              <bdi>{d.sentence}</bdi>
            </li>
          ))}
        </ul>
      )}
      {stale && onReload && (
        <button type="button" className="btn btn-small" onClick={onReload} data-testid="error-reload">
          {i18n.t("stale.reload")}
        </button>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {i18n.t("common.retry")}
        </button>
      )}
    </div>
  );
}

const codeOf = (error: unknown): string | undefined =>
  error && typeof error === "object" && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;

/** A polite status message (success, information). */
export function Notice({
  kind = "info",
  children,
}: {
  kind?: "info" | "success" | "warning";
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}
