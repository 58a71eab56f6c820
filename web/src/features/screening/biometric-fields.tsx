import { useState } from "react";
import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";

/** The files a border post captured, as the check sends them (base64 inside the JSON). */
export type BiometricDraft = { fingerprintTemplate: File | null; facePhoto: File | null };
export const EMPTY_BIOMETRICS: BiometricDraft = { fingerprintTemplate: null, facePhoto: null };

/** A file's bytes as base64, without the data-URL prefix (the server accepts either). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In slices: String.fromCharCode with a whole photo's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Props {
  value: BiometricDraft;
  onChange: (next: BiometricDraft) => void;
  errors: Record<string, string>;
  /** Changing the key empties the file inputs (a browser keeps a chosen file otherwise). */
  resetKey: number;
}

/**
 * A fingerprint template or a face photo from the post's capture device, folded away like the
 * carried objects. What the officer will be told is said up front: a biometric match is never shown
 * here, only a referral to the bureau, which decides.
 */
export function BiometricFields({ value, onChange, errors, resetKey }: Props) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const filled =
    value.fingerprintTemplate || value.facePhoto || errors.fingerprintTemplate || errors.facePhoto;
  return (
    <details
      className="objects"
      open={expanded || Boolean(filled)}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
      data-testid="biometrics-section"
    >
      <summary data-testid="biometrics-toggle">{t("scr.bio.summary")}</summary>
      <p className="hint">{t("scr.bio.hint")}</p>
      <div className="form-grid" key={resetKey}>
        <FormField
          name="fingerprintTemplate"
          label={t("scr.bio.fingerprint")}
          error={errors.fingerprintTemplate}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".iso,.ist,.ansi,.bin,.fmr,application/octet-stream"
              onChange={(e) => onChange({ ...value, fingerprintTemplate: e.target.files?.[0] ?? null })}
              data-testid="field-fingerprintTemplate"
            />
          )}
        </FormField>
        <FormField name="facePhoto" label={t("scr.bio.face")} error={errors.facePhoto}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              onChange={(e) => onChange({ ...value, facePhoto: e.target.files?.[0] ?? null })}
              data-testid="field-facePhoto"
            />
          )}
        </FormField>
      </div>
    </details>
  );
}
