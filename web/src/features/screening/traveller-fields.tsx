import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { CheckRequest } from "./types.ts";

export const DOC_TYPES = [
  "passport",
  "id_card",
  "visa",
  "residence_permit",
  "travel_document",
  "other",
] as const;
const SEXES = ["M", "F", "X"] as const;

export type TravellerDraft = Required<
  Pick<
    CheckRequest,
    "name" | "dateOfBirth" | "nationality" | "sex" | "documentNumber" | "documentCountry" | "documentType"
  >
>;

export const EMPTY_TRAVELLER: TravellerDraft = {
  name: "",
  dateOfBirth: "",
  nationality: "",
  sex: "",
  documentNumber: "",
  documentCountry: "",
  documentType: "",
};

interface Props {
  value: TravellerDraft;
  onChange: (next: TravellerDraft) => void;
  errors: Record<string, string>;
}

/** The traveller as typed from the document: name in any script, date, nationality, sex, document. */
export function TravellerFields({ value, onChange, errors }: Props) {
  const { t } = useI18n();
  const set = (key: keyof TravellerDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  const text = (key: keyof TravellerDraft, label: string, hint?: string, extra: object = {}) => (
    <FormField name={key} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
      {(control) => (
        <input {...control} value={value[key]} onChange={set(key)} data-testid={`field-${key}`} {...extra} />
      )}
    </FormField>
  );
  return (
    <div className="form-grid" data-testid="traveller-fields">
      {text("name", t("scr.field.name"), t("scr.field.nameHint"), { dir: "auto", className: "wide" })}
      {text("dateOfBirth", t("scr.field.dateOfBirth"), t("scr.field.dateHint"), {
        dir: "ltr",
        inputMode: "numeric",
      })}
      {text("nationality", t("scr.field.nationality"), t("scr.field.countryHint"), {
        dir: "ltr",
        maxLength: 3,
      })}
      <FormField name="sex" label={t("scr.field.sex")} error={errors.sex}>
        {(control) => (
          <select {...control} value={value.sex} onChange={set("sex")} data-testid="field-sex">
            <option value="">{t("scr.sex.any")}</option>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`scr.sex.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {text("documentNumber", t("scr.field.documentNumber"), undefined, { dir: "ltr" })}
      {text("documentCountry", t("scr.field.documentCountry"), t("scr.field.countryHint"), {
        dir: "ltr",
        maxLength: 3,
      })}
      <FormField name="documentType" label={t("scr.field.documentType")} error={errors.documentType}>
        {(control) => (
          <select
            {...control}
            value={value.documentType}
            onChange={set("documentType")}
            data-testid="field-documentType"
          >
            <option value="">{t("scr.docType.any")}</option>
            {DOC_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`scr.docType.${d}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}
