import { useState } from "react";
import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { CheckRequest } from "./types.ts";

export type ObjectDraft = Required<Pick<CheckRequest, "firearmSerialNumber" | "vehicleVin" | "vehiclePlate">>;

export const EMPTY_OBJECTS: ObjectDraft = { firearmSerialNumber: "", vehicleVin: "", vehiclePlate: "" };
export const OBJECT_FIELDS = Object.keys(EMPTY_OBJECTS) as (keyof ObjectDraft)[];

interface Props {
  value: ObjectDraft;
  onChange: (next: ObjectDraft) => void;
  errors: Record<string, string>;
}

/**
 * A firearm the traveller carries or the vehicle they drive, folded away: most checks have neither.
 * The section opens by itself when it holds a value or the server found a problem in it, so nothing
 * the check will send (or that was refused) is hidden from the officer.
 */
export function ObjectFields({ value, onChange, errors }: Props) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const filled = OBJECT_FIELDS.some((k) => value[k].trim() !== "" || errors[k]);
  const field = (key: keyof ObjectDraft) => (
    <FormField name={key} label={t(`scr.field.${key}`)} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={value[key]}
          onChange={(e) => onChange({ ...value, [key]: e.target.value })}
          data-testid={`field-${key}`}
        />
      )}
    </FormField>
  );
  return (
    <details
      className="objects"
      open={expanded || filled}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
      data-testid="objects-section"
    >
      <summary data-testid="objects-toggle">{t("scr.objects.summary")}</summary>
      <p className="hint">{t("scr.objects.hint")}</p>
      <div className="form-grid">
        {field("firearmSerialNumber")}
        {field("vehicleVin")}
        {field("vehiclePlate")}
      </div>
    </details>
  );
}
