import { CheckboxField, SelectField, TextAreaField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { emptyOffence } from "../../draft/defaults.ts";
import type { OffenceDraft } from "../../draft/types.ts";
import { OFFENCE_CATEGORIES } from "../../types.ts";
import { CountryField, type StepProps } from "./shared.tsx";

/** The offences of a red, blue, green or silver notice, any number of them. */
export function Offences({ draft, update }: StepProps) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<OffenceDraft>) =>
    update({ offences: draft.offences.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  return (
    <section aria-label={t("field.offences")}>
      {draft.offences.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: offences have no identity of their own
        <fieldset key={i} className="group" data-testid={`wizard-offence-${i}`}>
          <legend>{t("wizard.offenceN", { n: i + 1 })}</legend>
          <OffenceFields
            o={o}
            i={i}
            sentence={draft.purpose === "sentence" && draft.type === "red"}
            set={(patch) => set(i, patch)}
          />
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => update({ offences: draft.offences.filter((_, j) => j !== i) })}
          >
            {t("wizard.removeOffence", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => update({ offences: [...draft.offences, emptyOffence()] })}
      >
        {t("wizard.addOffence")}
      </button>
    </section>
  );
}

/** One offence's fields; the sentence is asked for only on a red notice sought to enforce a sentence. */
function OffenceFields({
  o,
  i,
  sentence,
  set,
}: {
  o: OffenceDraft;
  i: number;
  sentence: boolean;
  set: (patch: Partial<OffenceDraft>) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-grid">
      <TextAreaField
        label={t("wizard.description")}
        className="span-all"
        rows={2}
        value={o.description}
        onChange={(e) => set({ description: e.target.value })}
        testId={`wizard-offence-${i}-description`}
      />
      <SelectField
        label={t("wizard.category")}
        value={o.category}
        onChange={(e) => set({ category: e.target.value })}
        testId={`wizard-offence-${i}-category`}
      >
        <option value="">{t("wizard.choose")}</option>
        {OFFENCE_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`offenceCategory.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("wizard.legalProvision")}
        value={o.legalProvision}
        onChange={(e) => set({ legalProvision: e.target.value })}
        testId={`wizard-offence-${i}-law`}
      />
      <TextField
        label={t("wizard.maxPenalty")}
        inputMode="numeric"
        dir="ltr"
        disabled={o.life}
        value={o.maxPenaltyMonths}
        onChange={(e) => set({ maxPenaltyMonths: e.target.value })}
        testId={`wizard-offence-${i}-penalty`}
      />
      <CheckboxField
        label={t("wizard.life")}
        checked={o.life}
        onChange={(e) => set({ life: e.target.checked })}
      />
      <TextField
        label={t("wizard.committedOn")}
        type="date"
        value={o.committedOn}
        onChange={(e) => set({ committedOn: e.target.value })}
      />
      <CountryField label={t("common.country")} value={o.country} onChange={(v) => set({ country: v })} />
      {sentence && (
        <>
          <TextField
            label={t("wizard.sentenceImposed")}
            inputMode="numeric"
            dir="ltr"
            value={o.sentenceImposed}
            onChange={(e) => set({ sentenceImposed: e.target.value })}
          />
          <TextField
            label={t("wizard.sentenceRemaining")}
            inputMode="numeric"
            dir="ltr"
            value={o.sentenceRemaining}
            onChange={(e) => set({ sentenceRemaining: e.target.value })}
          />
        </>
      )}
    </div>
  );
}
