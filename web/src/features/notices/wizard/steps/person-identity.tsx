import { SelectField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import type { PersonDraft } from "../../draft/types.ts";
import { CountryField, Group } from "./shared.tsx";

/** One group of a person's fields, given the person and a way to change some of its fields. */
export interface PartProps {
  p: PersonDraft;
  set: (patch: Partial<PersonDraft>) => void;
}

export function IdentityGroup({ p, set }: PartProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.identity")}>
      <TextField
        label={t("field.subject.familyName")}
        value={p.familyName}
        onChange={(e) => set({ familyName: e.target.value })}
        testId="wizard-family-name"
      />
      <TextField
        label={t("field.subject.forenames")}
        value={p.forenames}
        onChange={(e) => set({ forenames: e.target.value })}
        testId="wizard-forenames"
      />
      <TextField
        label={t("wizard.originalScript")}
        value={p.nameOriginalScript}
        onChange={(e) => set({ nameOriginalScript: e.target.value })}
      />
      <TextField
        label={t("wizard.aliases")}
        hint={t("wizard.listHint")}
        value={p.aliases}
        onChange={(e) => set({ aliases: e.target.value })}
      />
      <SelectField
        label={t("field.subject.sex")}
        value={p.sex}
        onChange={(e) => set({ sex: e.target.value as PersonDraft["sex"] })}
        testId="wizard-sex"
      >
        <option value="">{t("wizard.choose")}</option>
        <option value="F">{t("sex.F")}</option>
        <option value="M">{t("sex.M")}</option>
        <option value="U">{t("sex.U")}</option>
      </SelectField>
      <CountryField
        label={t("wizard.nationalities")}
        multiple
        value={p.nationalities}
        onChange={(v) => set({ nationalities: v })}
        testId="wizard-nationalities"
      />
    </Group>
  );
}

/** The date of birth as precise as it is known: a date, a year, or a range of years. */
function DobInputs({ p, set }: PartProps) {
  const { t } = useI18n();
  return (
    <>
      {p.dobPrecision === "date" && (
        <TextField
          label={t("wizard.dobDate")}
          type="date"
          value={p.dobDate}
          onChange={(e) => set({ dobDate: e.target.value })}
          testId="wizard-dob"
        />
      )}
      {p.dobPrecision === "year" && (
        <TextField
          label={t("wizard.dobYear")}
          inputMode="numeric"
          dir="ltr"
          value={p.dobYear}
          onChange={(e) => set({ dobYear: e.target.value })}
        />
      )}
      {p.dobPrecision === "range" && (
        <>
          <TextField
            label={t("wizard.fromYear")}
            inputMode="numeric"
            dir="ltr"
            value={p.dobFrom}
            onChange={(e) => set({ dobFrom: e.target.value })}
          />
          <TextField
            label={t("wizard.toYear")}
            inputMode="numeric"
            dir="ltr"
            value={p.dobTo}
            onChange={(e) => set({ dobTo: e.target.value })}
          />
        </>
      )}
    </>
  );
}

export function BirthGroup({ p, set }: PartProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("field.subject.dateOfBirth")}>
      <SelectField
        label={t("wizard.dobPrecision")}
        value={p.dobPrecision}
        onChange={(e) => set({ dobPrecision: e.target.value as PersonDraft["dobPrecision"] })}
        testId="wizard-dob-precision"
      >
        <option value="">{t("wizard.unknown")}</option>
        <option value="date">{t("wizard.dobDate")}</option>
        <option value="year">{t("wizard.dobYear")}</option>
        <option value="range">{t("wizard.dobRange")}</option>
      </SelectField>
      <DobInputs p={p} set={set} />
      <TextField
        label={t("wizard.birthPlace")}
        value={p.birthPlace}
        onChange={(e) => set({ birthPlace: e.target.value })}
      />
      <CountryField
        label={t("wizard.birthCountry")}
        value={p.birthCountry}
        onChange={(v) => set({ birthCountry: v })}
      />
    </Group>
  );
}
