import { TextAreaField, TextField } from "../../components/fields.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { FieldError, type SetForm } from "./form-parts.tsx";
import type { FieldProblem, RecordForm } from "./record-form-model.ts";

type Props = { form: RecordForm; set: SetForm; problems: readonly FieldProblem[] };
type TextKey = "birthPlace" | "height" | "weight" | "eyeColor" | "hairColor";

/** A person's place of birth, identity documents and physical description (FtM's own properties). */
export function DescriptionFields({ form, set, problems }: Props) {
  const { t } = useI18n();
  if (form.schema !== "Person") return null;
  const text = (key: TextKey, label: Parameters<typeof t>[0]) => (
    <>
      <TextField
        label={t(label)}
        value={form[key]}
        dir="auto"
        onChange={(e) => set({ [key]: e.target.value })}
        testId={`form-${key}`}
      />
      <FieldError problems={problems} field={`properties.${key}`} />
    </>
  );
  return (
    <fieldset className="form-grid" data-testid="form-description">
      <legend>{t("persons.form.description")}</legend>
      {text("birthPlace", "persons.prop.birthPlace")}
      <TextAreaField
        label={t("persons.prop.passportNumber")}
        hint={t("persons.field.onePerLine")}
        value={form.passportNumbers}
        onChange={(e) => set({ passportNumbers: e.target.value })}
        testId="form-passportNumbers"
      />
      <FieldError problems={problems} field="properties.passportNumber" />
      <TextAreaField
        label={t("persons.prop.idNumber")}
        hint={t("persons.field.onePerLine")}
        value={form.idNumbers}
        onChange={(e) => set({ idNumbers: e.target.value })}
        testId="form-idNumbers"
      />
      <FieldError problems={problems} field="properties.idNumber" />
      {text("height", "persons.prop.height")}
      {text("weight", "persons.prop.weight")}
      {text("eyeColor", "persons.prop.eyeColor")}
      {text("hairColor", "persons.prop.hairColor")}
      <TextAreaField
        label={t("persons.prop.appearance")}
        value={form.appearance}
        dir="auto"
        onChange={(e) => set({ appearance: e.target.value })}
        testId="form-appearance"
      />
      <FieldError problems={problems} field="properties.appearance" />
    </fieldset>
  );
}
