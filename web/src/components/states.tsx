import type { ReactNode } from "react";
import { useI18n } from "../lib/i18n/index.tsx";
import { ErrorAlert } from "./alert.tsx";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="muted loading" role="status" aria-live="polite">
      {label ?? t("common.loading")}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="empty" data-testid="empty">
      {children}
    </p>
  );
}

interface DataStateProps<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload?: () => void;
  children: (data: T) => ReactNode;
}

/** Loading, error and data in one place; data already shown stays visible while it reloads. */
export function DataState<T>({ data, error, loading, reload, children }: DataStateProps<T>) {
  if (error !== undefined) return <ErrorAlert error={error} {...(reload ? { onRetry: reload } : {})} />;
  if (data === undefined) return loading ? <Loading /> : null;
  return <div aria-busy={loading}>{children(data)}</div>;
}
