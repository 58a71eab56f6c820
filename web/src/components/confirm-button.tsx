import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";

interface ConfirmDialogProps {
  open: boolean;
  /** The question, as the dialog's heading and accessible name ("Submit this request for review?"). */
  title: string;
  /** What will happen, as its description: the reader decides on this. */
  body?: ReactNode;
  /** The confirming button's text, naming the act ("Submit for review"); "Confirm" by default. */
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The dialog is `${testId}-dialog`, its buttons `${testId}-confirm` and `${testId}-cancel`. */
  testId?: string;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex="0"]';

/**
 * A modal question before a consequential act. The browser's modal dialog makes the page behind it
 * inert; Tab also cycles within it, Escape cancels, the heading names it and the consequence
 * describes it, and focus returns to where it was. A dangerous act starts on "Cancel".
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
      const start = dialog.querySelector<HTMLButtonElement>(danger ? "[data-cancel]" : "[data-confirm]");
      start?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
    }
  }, [open, danger]);

  // Tab and Shift+Tab wrap around inside the dialog.
  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={open ? titleId : undefined}
      aria-describedby={open && body ? bodyId : undefined}
      onCancel={(e) => {
        // Escape: the dialog closes through our state, so that it can return focus.
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={trap}
      data-testid={testId ? `${testId}-dialog` : undefined}
    >
      {open && (
        <>
          <h2 id={titleId} className="confirm-question">
            {title}
          </h2>
          {body && (
            <div id={bodyId} className="confirm-dialog-body">
              {body}
            </div>
          )}
          <div className="form-actions">
            <button
              type="button"
              data-confirm
              className={`btn ${danger ? "btn-danger" : "btn-primary"}`}
              onClick={onConfirm}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel ?? t("common.confirm")}
            </button>
            <button
              type="button"
              data-cancel
              className="btn"
              onClick={onCancel}
              data-testid={testId ? `${testId}-cancel` : undefined}
            >
              {cancelLabel ?? t("common.cancel")}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

interface ConfirmButtonProps {
  label: string;
  /** The question the dialog asks (its heading). */
  question: string;
  /** What will happen if the reader confirms. */
  consequence?: ReactNode;
  /** The confirming button's text; "Confirm" by default. */
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
  /** The opening button's accessible name, when the label alone does not say which row it acts on. */
  ariaLabel?: string;
}

/** A button that asks in a dialog before it acts: the question, what will happen, confirm or cancel. */
export function ConfirmButton({
  label,
  question,
  consequence,
  confirmLabel,
  onConfirm,
  disabled,
  danger,
  testId,
  ariaLabel,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`btn btn-small${danger ? " btn-danger-outline" : ""}`}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
      <ConfirmDialog
        open={asking}
        title={question}
        body={consequence}
        {...(confirmLabel ? { confirmLabel } : {})}
        {...(danger ? { danger } : {})}
        onConfirm={() => {
          setAsking(false);
          onConfirm();
        }}
        onCancel={() => setAsking(false)}
        {...(testId ? { testId } : {})}
      />
    </>
  );
}
