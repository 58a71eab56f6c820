import { SelectField, TextAreaField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { DOCUMENT_TYPES } from "../../types.ts";
import type { PartProps } from "./person-identity.tsx";
import { CountryField, Group } from "./shared.tsx";

/** A person's physical description and identity document. */

export function DescriptionGroup({ p, set }: PartProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.description")}>
      <TextField
        label={t("wizard.heightCm")}
        inputMode="numeric"
        dir="ltr"
        value={p.heightCm}
        onChange={(e) => set({ heightCm: e.target.value })}
        testId="wizard-height"
      />
      <TextField
        label={t("wizard.weightKg")}
        inputMode="numeric"
        dir="ltr"
        value={p.weightKg}
        onChange={(e) => set({ weightKg: e.target.value })}
      />
      <TextField
        label={t("wizard.eyes")}
        value={p.eyeColour}
        onChange={(e) => set({ eyeColour: e.target.value })}
      />
      <TextField
        label={t("wizard.hair")}
        value={p.hairColour}
        onChange={(e) => set({ hairColour: e.target.value })}
      />
      <TextAreaField
        label={t("wizard.marks")}
        className="span-all"
        rows={2}
        value={p.marks}
        onChange={(e) => set({ marks: e.target.value })}
      />
    </Group>
  );
}

export function DocumentGroup({ p, set }: PartProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("wizard.document")}>
      <SelectField
        label={t("wizard.docType")}
        value={p.docType}
        onChange={(e) => set({ docType: e.target.value })}
      >
        <option value="">{t("wizard.choose")}</option>
        {DOCUMENT_TYPES.map((d) => (
          <option key={d} value={d}>
            {t(`documentType.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("wizard.docNumber")}
        dir="ltr"
        value={p.docNumber}
        onChange={(e) => set({ docNumber: e.target.value })}
      />
      <CountryField
        label={t("wizard.docCountry")}
        value={p.docCountry}
        onChange={(v) => set({ docCountry: v })}
      />
    </Group>
  );
}
