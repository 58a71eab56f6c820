import { CheckboxField, SelectField, TextAreaField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { CountryField, Group, type StepProps } from "./shared.tsx";

/** The fields of the yellow, black, orange and purple notices, one group each. */

export function MissingFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.missing")}>
      <TextField
        label={t("field.missing.since")}
        type="date"
        value={draft.missing.since}
        onChange={(e) => update({ missing: { ...draft.missing, since: e.target.value } })}
      />
      <TextField
        label={t("wizard.lastSeenPlace")}
        value={draft.missing.lastSeenPlace}
        onChange={(e) => update({ missing: { ...draft.missing, lastSeenPlace: e.target.value } })}
      />
      <TextAreaField
        label={t("field.missing.circumstances")}
        className="span-all"
        rows={3}
        value={draft.missing.circumstances}
        onChange={(e) => update({ missing: { ...draft.missing, circumstances: e.target.value } })}
      />
      <CheckboxField
        label={t("wizard.unableToIdentify")}
        checked={draft.missing.unable}
        onChange={(e) => update({ missing: { ...draft.missing, unable: e.target.checked } })}
      />
    </Group>
  );
}

export function BodyFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.body")}>
      <TextField
        label={t("field.body.foundOn")}
        type="date"
        value={draft.body.foundOn}
        onChange={(e) => update({ body: { ...draft.body, foundOn: e.target.value } })}
      />
      <TextField
        label={t("wizard.foundPlace")}
        value={draft.body.foundPlace}
        onChange={(e) => update({ body: { ...draft.body, foundPlace: e.target.value } })}
      />
      <CountryField
        label={t("field.body.foundCountry")}
        value={draft.body.foundCountry}
        onChange={(v) => update({ body: { ...draft.body, foundCountry: v } })}
      />
      <TextField
        label={t("wizard.ageFrom")}
        inputMode="numeric"
        dir="ltr"
        value={draft.body.ageFrom}
        onChange={(e) => update({ body: { ...draft.body, ageFrom: e.target.value } })}
      />
      <TextField
        label={t("wizard.ageTo")}
        inputMode="numeric"
        dir="ltr"
        value={draft.body.ageTo}
        onChange={(e) => update({ body: { ...draft.body, ageTo: e.target.value } })}
      />
      <TextField
        label={t("wizard.causeOfDeath")}
        value={draft.body.cause}
        onChange={(e) => update({ body: { ...draft.body, cause: e.target.value } })}
      />
    </Group>
  );
}

export function ThreatFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.threat")}>
      <TextAreaField
        label={t("field.threat.description")}
        className="span-all"
        rows={3}
        value={draft.threat.description}
        onChange={(e) => update({ threat: { ...draft.threat, description: e.target.value } })}
      />
      <SelectField
        label={t("field.threat.imminence")}
        value={draft.threat.imminence}
        onChange={(e) => update({ threat: { ...draft.threat, imminence: e.target.value } })}
      >
        <option value="">{t("wizard.choose")}</option>
        <option value="imminent">{t("imminence.imminent")}</option>
        <option value="likely">{t("imminence.likely")}</option>
        <option value="possible">{t("imminence.possible")}</option>
      </SelectField>
    </Group>
  );
}

export function ModusOperandiTypeFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("subjectKind.modus_operandi")}>
      <TextAreaField
        label={t("field.modusOperandi.description")}
        className="span-all"
        rows={4}
        value={draft.mo.description}
        onChange={(e) => update({ mo: { ...draft.mo, description: e.target.value } })}
      />
      <TextField
        label={t("wizard.concealment")}
        hint={t("wizard.listHint")}
        className="span-all"
        value={draft.mo.concealment}
        onChange={(e) => update({ mo: { ...draft.mo, concealment: e.target.value } })}
      />
    </Group>
  );
}
