import { useId } from "react";

/** A row of radio buttons drawn as one switch ("Fingerprint template | Face photo | Webcam"). */
export function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
  disabled,
  testId,
}: {
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean | undefined;
  testId: string;
}) {
  const name = useId();
  return (
    <fieldset className="bio-choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? "is-active" : undefined}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
            disabled={disabled}
            data-testid={`${testId}-${o.value}`}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
