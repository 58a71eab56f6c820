import { type ReactNode, useId } from "react";

interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface FormFieldProps {
  /** The field's name in the API: its error is found by it (data-testid "field-error-NAME"). */
  name: string;
  label: string;
  hint?: string;
  /** The server's problem with this field, as a sentence that names it. */
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error, both tied to it for screen readers. */
export function FormField({ name, label, hint, error, className, children }: FormFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(described ? { "aria-describedby": described } : {}),
        ...(error ? { "aria-invalid": true as const } : {}),
      })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error" data-testid={`field-error-${name}`}>
          <bdi>{error}</bdi>
        </small>
      )}
    </div>
  );
}
