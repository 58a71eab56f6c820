import { SelectField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import type { NoticeDraft } from "../../draft/types.ts";
import { Offences } from "./offences.tsx";
import { Group, type StepProps } from "./shared.tsx";

/** A red notice: prosecution or sentence, the offences, and the warrant or judicial decision. */
export function RedFields({ draft, update }: StepProps) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        label={t("wizard.redPurpose")}
        value={draft.purpose}
        onChange={(e) => update({ purpose: e.target.value as NoticeDraft["purpose"] })}
        testId="wizard-purpose"
      >
        <option value="prosecution">{t("wizard.prosecution")}</option>
        <option value="sentence">{t("wizard.sentence")}</option>
      </SelectField>
      <Offences draft={draft} update={update} />
      <Group legend={t("field.arrestWarrant")} testId="wizard-warrant">
        <SelectField
          label={t("wizard.warrantKind")}
          value={draft.warrant.kind}
          onChange={(e) => update({ warrant: { ...draft.warrant, kind: e.target.value } })}
        >
          <option value="arrest_warrant">{t("wizard.arrestWarrant")}</option>
          <option value="judicial_decision">{t("wizard.judicialDecision")}</option>
        </SelectField>
        <TextField
          label={t("wizard.issuingAuthority")}
          value={draft.warrant.issuingAuthority}
          onChange={(e) => update({ warrant: { ...draft.warrant, issuingAuthority: e.target.value } })}
          testId="wizard-warrant-authority"
        />
        <TextField
          label={t("wizard.issuedOn")}
          type="date"
          value={draft.warrant.issuedOn}
          onChange={(e) => update({ warrant: { ...draft.warrant, issuedOn: e.target.value } })}
          testId="wizard-warrant-date"
        />
        <TextField
          label={t("wizard.reference")}
          dir="ltr"
          value={draft.warrant.reference}
          onChange={(e) => update({ warrant: { ...draft.warrant, reference: e.target.value } })}
          testId="wizard-warrant-reference"
        />
      </Group>
    </>
  );
}
