import { useI18n } from "../../lib/i18n/index.tsx";
import type { BiometricOutcome } from "./types.ts";

/**
 * What the traveller's biometrics gave. A possible match is a referral and nothing more: the
 * officer is not told who or how close, because a candidate list is not an identification until a
 * person at the bureau has compared it and decided.
 */
export function BiometricFinding({ outcome }: { outcome: BiometricOutcome }) {
  const { t } = useI18n();
  const refer = outcome.status === "refer";
  return (
    <div
      className={`alert ${refer ? "alert-warning" : "alert-info"}`}
      role="status"
      data-testid="biometric-outcome"
      data-status={outcome.status}
    >
      <p>
        <strong>{t(refer ? "scr.bio.refer" : "scr.bio.none")}</strong>
      </p>
      {refer && <p>{t("scr.bio.referNote")}</p>}
    </div>
  );
}
