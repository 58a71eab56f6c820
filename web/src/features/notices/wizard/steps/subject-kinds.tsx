import { SelectField, TextAreaField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { OBJECT_TYPES } from "../../types.ts";
import { CountryField, Group, type StepProps } from "./shared.tsx";

/** The subject kinds other than a person (person-fields.tsx), one group of fields each. */

export function EntityFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("subjectKind.entity")}>
      <TextField
        label={t("wizard.entityName")}
        value={draft.entity.name}
        onChange={(e) => update({ entity: { ...draft.entity, name: e.target.value } })}
        testId="wizard-entity-name"
      />
      <TextField
        label={t("wizard.aliases")}
        hint={t("wizard.listHint")}
        value={draft.entity.aliases}
        onChange={(e) => update({ entity: { ...draft.entity, aliases: e.target.value } })}
      />
      <CountryField
        label={t("wizard.registrationCountry")}
        value={draft.entity.registrationCountry}
        onChange={(v) => update({ entity: { ...draft.entity, registrationCountry: v } })}
      />
      <TextField
        label={t("wizard.registrationNumber")}
        value={draft.entity.registrationNumber}
        onChange={(e) => update({ entity: { ...draft.entity, registrationNumber: e.target.value } })}
      />
      <TextField
        label={t("wizard.address")}
        value={draft.entity.address}
        onChange={(e) => update({ entity: { ...draft.entity, address: e.target.value } })}
      />
    </Group>
  );
}

export function ObjectFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("subjectKind.object")}>
      <SelectField
        label={t("wizard.objectType")}
        value={draft.object.objectType}
        onChange={(e) => update({ object: { ...draft.object, objectType: e.target.value } })}
      >
        <option value="">{t("wizard.choose")}</option>
        {OBJECT_TYPES.map((o) => (
          <option key={o} value={o}>
            {t(`objectType.${o}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("wizard.description")}
        className="span-all"
        rows={3}
        value={draft.object.description}
        onChange={(e) => update({ object: { ...draft.object, description: e.target.value } })}
      />
    </Group>
  );
}

export function EventFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("subjectKind.event")}>
      <TextAreaField
        label={t("wizard.description")}
        className="span-all"
        rows={3}
        value={draft.event.description}
        onChange={(e) => update({ event: { ...draft.event, description: e.target.value } })}
      />
      <TextField
        label={t("wizard.expectedOn")}
        type="date"
        value={draft.event.expectedOn}
        onChange={(e) => update({ event: { ...draft.event, expectedOn: e.target.value } })}
      />
      <TextField
        label={t("wizard.place")}
        value={draft.event.place}
        onChange={(e) => update({ event: { ...draft.event, place: e.target.value } })}
      />
      <CountryField
        label={t("common.country")}
        value={draft.event.country}
        onChange={(v) => update({ event: { ...draft.event, country: v } })}
      />
    </Group>
  );
}

export function ModusOperandiFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("subjectKind.modus_operandi")}>
      <TextAreaField
        label={t("wizard.description")}
        className="span-all"
        rows={4}
        value={draft.moSubject}
        onChange={(e) => update({ moSubject: e.target.value })}
      />
    </Group>
  );
}
