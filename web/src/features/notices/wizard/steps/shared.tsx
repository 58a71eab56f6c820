import type { ReactNode } from "react";
import { TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import type { NoticeDraft } from "../../draft/types.ts";

/** What every step gets: the draft, and a way to change part of it. */
export interface StepProps {
  draft: NoticeDraft;
  update: (patch: Partial<NoticeDraft>) => void;
}

export const LANGUAGE_NAMES = { en: "English", fr: "Français", es: "Español", ar: "العربية" } as const;

export function Group({
  legend,
  children,
  testId,
}: {
  legend: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <fieldset className="group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}

/** Two-letter country codes: typed as is, shown in Latin script and left to right even in Arabic. */
export function CountryField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
  multiple?: boolean;
}) {
  const { t } = useI18n();
  return (
    <TextField
      label={props.label}
      hint={props.multiple ? t("wizard.countriesHint") : t("wizard.countryHint")}
      dir="ltr"
      autoCapitalize="characters"
      maxLength={props.multiple ? 800 : 2}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.toUpperCase())}
      {...(props.testId ? { testId: props.testId } : {})}
    />
  );
}
