import { type FormEvent, type ReactNode, useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";
import { useSubmit } from "../lib/use-submit.ts";
import { ErrorAlert } from "./alert.tsx";
import { ConfirmDialog } from "./confirm-button.tsx";
import { TextAreaField } from "./fields.tsx";

/** The question a consequential act asks before it runs, and what will happen. */
export interface Confirmation {
  title: string;
  body: ReactNode;
  /** The confirming button's text, naming the act. */
  action: string;
}

/**
 * A button that opens a small form asking for written reasons (required or not) and then acts.
 * Used for refuse, return, cancel, withdraw, renew and the diffusion review. With `confirm`, sending
 * the reasons first asks in a dialog that says what will happen. A refused act (a stale page) keeps
 * the reasons typed, and `onReload` offers the current version.
 */
export function ReasonsAction({
  label,
  submitLabel,
  required,
  danger,
  testId,
  onSubmit,
  extra,
  confirm,
  onReload,
}: {
  label: string;
  submitLabel?: string;
  required: boolean;
  danger?: boolean;
  testId: string;
  onSubmit: (reasons: string) => Promise<void>;
  extra?: ReactNode;
  confirm?: Confirmation;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);
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
  const send = (e: FormEvent) => {
    if (!confirm) return void submit(e);
    e.preventDefault();
    setAsking(true);
  };
  return (
    <form className="reasons-form panel" onSubmit={send} data-testid={`${testId}-form`}>
      <ErrorAlert error={error} {...(onReload ? { onReload } : {})} />
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
      {confirm && (
        <ConfirmDialog
          open={asking}
          title={confirm.title}
          body={confirm.body}
          confirmLabel={confirm.action}
          {...(danger ? { danger } : {})}
          onConfirm={() => {
            setAsking(false);
            void submit();
          }}
          onCancel={() => setAsking(false)}
          testId={testId}
        />
      )}
    </form>
  );
}
