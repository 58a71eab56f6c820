import type { ReactNode } from "react";
import { ApiError } from "../lib/api.ts";
import { hasOwnText, type I18n, type MessageKey, useI18n } from "../lib/i18n/index.tsx";

/**
 * The message for an error: the server's problem detail (or title); in a language other than English a
 * known problem code gets its translated message instead, since the server writes details in English.
 */
export function errorMessage(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    if (i18n.lang !== "en" && hasOwnText(i18n.lang, key)) return i18n.t(key as MessageKey);
    return error.problem.detail ?? error.problem.title ?? i18n.t("error.generic");
  }
  if (error instanceof TypeError) return i18n.t("error.network");
  return i18n.t("error.generic");
}

/** Field errors as the server may send them: [{ path, message }] or { field: message | messages }. */
function fieldErrors(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const errors = error.problem.errors;
  if (Array.isArray(errors)) {
    return errors.map((e: unknown) => {
      if (typeof e === "string") return e;
      const item = e as { path?: unknown; field?: unknown; message?: unknown };
      const where = Array.isArray(item.path) ? item.path.join(".") : (item.path ?? item.field);
      return where ? `${String(where)}: ${String(item.message ?? "")}` : String(item.message ?? "");
    });
  }
  if (errors && typeof errors === "object") {
    return Object.entries(errors).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  }
  return [];
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  if (error === undefined || error === null) return null;
  const details = fieldErrors(error);
  return (
    <div className="alert alert-error" role="alert" data-testid="error-alert">
      <p>
        <bdi>{errorMessage(error, i18n)}</bdi>
      </p>
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>
              <bdi>{d}</bdi>
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {i18n.t("common.retry")}
        </button>
      )}
    </div>
  );
}

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
