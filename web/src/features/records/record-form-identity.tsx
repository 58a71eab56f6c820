import { CheckboxField, SelectField, TextAreaField, TextField } from "../../components/fields.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { FieldError, type SetForm } from "./form-parts.tsx";
import { topicLabel } from "./format.ts";
import { type DobMode, type FieldProblem, type RecordForm, TOPIC_CHOICES } from "./record-form-model.ts";

type Props = { form: RecordForm; set: SetForm; problems: readonly FieldProblem[] };

/** Who the person or group is: names in any script, aliases strong and weak, countries, topics. */
export function IdentityFields({ form, set, problems }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const person = form.schema === "Person";
  return (
    <fieldset className="form-grid">
      <legend>{t("persons.form.identity")}</legend>
      <SelectField
        label={t("records.schema")}
        value={form.schema}
        onChange={(e) => set({ schema: e.target.value as RecordForm["schema"] })}
        testId="form-schema"
      >
        <option value="Person">{t("persons.schema.Person")}</option>
        <option value="Organization">{t("persons.schema.Organization")}</option>
      </SelectField>
      <TextField
        label={t("persons.field.name")}
        hint={t("persons.field.nameHint")}
        value={form.name}
        dir="auto"
        required
        onChange={(e) => set({ name: e.target.value })}
        testId="form-name"
      />
      <FieldError problems={problems} field="properties.name" />
      <TextAreaField
        label={t("persons.field.otherNames")}
        hint={t("persons.field.onePerLine")}
        value={form.otherNames}
        dir="auto"
        rows={2}
        onChange={(e) => set({ otherNames: e.target.value })}
        testId="form-other-names"
      />
      <TextAreaField
        label={t("persons.field.alias")}
        hint={t("persons.field.aliasHint")}
        value={form.aliases}
        dir="auto"
        rows={2}
        onChange={(e) => set({ aliases: e.target.value })}
        testId="form-alias"
      />
      <FieldError problems={problems} field="properties.alias" />
      <TextAreaField
        label={t("persons.field.weakAlias")}
        hint={t("persons.field.weakAliasHint")}
        value={form.weakAliases}
        dir="auto"
        rows={2}
        onChange={(e) => set({ weakAliases: e.target.value })}
        testId="form-weak-alias"
      />
      <FieldError problems={problems} field="properties.weakAlias" />
      {person && <BirthFields form={form} set={set} problems={problems} />}
      <TextField
        label={t(person ? "persons.prop.nationality" : "persons.prop.country")}
        hint={t("persons.field.countriesHint")}
        value={form.countries}
        onChange={(e) => set({ countries: e.target.value })}
        testId="form-countries"
      />
      <FieldError problems={problems} field={person ? "properties.nationality" : "properties.country"} />
      <fieldset className="group span-all">
        <legend>{t("persons.prop.topics")}</legend>
        {TOPIC_CHOICES.map((topic) => (
          <CheckboxField
            key={topic}
            label={topicLabel(topic, i18n)}
            checked={form.topics.includes(topic)}
            onChange={(e) =>
              set({
                topics: e.target.checked ? [...form.topics, topic] : form.topics.filter((x) => x !== topic),
              })
            }
            testId={`form-topic-${topic}`}
          />
        ))}
      </fieldset>
    </fieldset>
  );
}

/** Date of birth (exact, about, or between two dates) and sex. */
function BirthFields({ form, set, problems }: Props) {
  const { t } = useI18n();
  const dateHint = t("persons.field.dateHint");
  return (
    <>
      <SelectField
        label={t("persons.field.dobMode")}
        value={form.dobMode}
        onChange={(e) => set({ dobMode: e.target.value as DobMode })}
        testId="form-dob-mode"
      >
        <option value="exact">{t("persons.dobMode.exact")}</option>
        <option value="about">{t("persons.dobMode.about")}</option>
        <option value="range">{t("persons.dobMode.range")}</option>
      </SelectField>
      {form.dobMode === "range" ? (
        <>
          <TextField
            label={t("persons.field.dobFrom")}
            hint={dateHint}
            value={form.dobFrom}
            dir="ltr"
            onChange={(e) => set({ dobFrom: e.target.value })}
            testId="form-dob-from"
          />
          <TextField
            label={t("persons.field.dobTo")}
            hint={dateHint}
            value={form.dobTo}
            dir="ltr"
            onChange={(e) => set({ dobTo: e.target.value })}
            testId="form-dob-to"
          />
        </>
      ) : (
        <TextField
          label={t("persons.prop.birthDate")}
          hint={dateHint}
          value={form.dob}
          dir="ltr"
          onChange={(e) => set({ dob: e.target.value })}
          testId="form-dob"
        />
      )}
      <FieldError problems={problems} field="properties.birthDate" />
      <SelectField
        label={t("persons.prop.gender")}
        value={form.gender}
        onChange={(e) => set({ gender: e.target.value })}
        testId="form-gender"
      >
        <option value="">{t("persons.gender.unknown")}</option>
        <option value="male">{t("persons.gender.male")}</option>
        <option value="female">{t("persons.gender.female")}</option>
        <option value="other">{t("persons.gender.other")}</option>
      </SelectField>
      <FieldError problems={problems} field="properties.gender" />
    </>
  );
}
