import { type FormEvent, type ReactNode, useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";
import { useSubmit } from "../lib/use-submit.ts";
import { ErrorAlert } from "./alert.tsx";
import { TextAreaField } from "./fields.tsx";

/**
 * A button that opens a small form asking for written reasons (required or not) and then acts.
 * Used for refuse, return, cancel, withdraw, renew and the diffusion review.
 */
export function ReasonsAction({
  label,
  submitLabel,
  required,
  danger,
  testId,
  onSubmit,
  extra,
}: {
  label: string;
  submitLabel?: string;
  required: boolean;
  danger?: boolean;
  testId: string;
  onSubmit: (reasons: string) => Promise<void>;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState("");
  const { pending, error, handler } = useSubmit();

  if (!open) {
    return (
      <button
        type="button"
        className={`btn btn-small${danger ? " btn-danger-outline" : ""}`}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  const submit = handler(async () => {
    await onSubmit(reasons.trim());
    setOpen(false);
    setReasons("");
  });
  return (
    <form
      className="reasons-form panel"
      onSubmit={(e: FormEvent) => void submit(e)}
      data-testid={`${testId}-form`}
    >
      <ErrorAlert error={error} />
      {extra}
      <TextAreaField
        label={required ? t("action.reasonsRequired") : t("action.reasonsOptional")}
        required={required}
        rows={3}
        maxLength={4000}
        autoFocus
        value={reasons}
        onChange={(e) => setReasons(e.target.value)}
        testId={`${testId}-reasons`}
      />
      <div className="form-actions">
        <button
          type="submit"
          className={`btn ${danger ? "btn-danger" : "btn-primary"}`}
          disabled={pending || (required && reasons.trim() === "")}
          data-testid={`${testId}-submit`}
        >
          {submitLabel ?? label}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
