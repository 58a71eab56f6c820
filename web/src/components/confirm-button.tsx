import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../lib/i18n/index.tsx";

interface ConfirmButtonProps {
  label: string;
  /** The question shown once the first button is pressed. */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
}

/** A two-step button (no modal): the first press asks, the second acts; focus moves to the question. */
export function ConfirmButton({ label, question, onConfirm, disabled, danger, testId }: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) firstRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={firstRef}
        type="button"
        className={`btn btn-small${danger ? " btn-danger-outline" : ""}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm-question" id={questionId}>
        {question}
      </span>
      <button
        ref={confirmRef}
        type="button"
        aria-describedby={questionId}
        className={`btn btn-small${danger ? " btn-danger" : " btn-primary"}`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {t("common.confirm")}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
