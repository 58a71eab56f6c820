import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { VerifyResult } from "./types.ts";

export function VerifyChain() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const verify = async () => {
    setPending(true);
    setError(undefined);
    setResult(null);
    try {
      setResult(await data(client.POST("/api/v1/audit/verify")));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="verify">
      <button type="button" className="btn" onClick={verify} disabled={pending} data-testid="audit-verify">
        {pending ? t("audit.verifying") : t("audit.verify")}
      </button>
      <ErrorAlert error={error} />
      {/* The status region exists before the result arrives, so screen readers announce it. */}
      <div role="status">
        {result?.ok && (
          <p className="alert alert-success" data-testid="audit-verify-result">
            {t("audit.verifyOk", { checked: result.checked })}
          </p>
        )}
      </div>
      {result && !result.ok && (
        <div className="alert alert-error" role="alert" data-testid="audit-verify-result">
          {result.firstBrokenSeq !== null && (
            <p>{t("audit.verifyBroken", { seq: result.firstBrokenSeq, checked: result.checked })}</p>
          )}
          {/* Truncation, rewriting and bad checkpoints: the server's one-line diagnoses. */}
          <ul>
            {result.problems
              .filter((p) => p.kind !== "chain_broken")
              .map((p) => (
                <li key={p.kind}>{p.message}</li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
