import { CheckboxField, SelectField, TextField } from "../../../../components/fields.tsx";
import { useI18n } from "../../../../lib/i18n/index.tsx";
import { useCatalogue } from "../../catalogue.ts";
import type { NoticeDraft } from "../../draft/types.ts";
import { CountryField, Group, type StepProps } from "./shared.tsx";

/** Step 5: the envelope (distribution, handling, evaluation) and the public extract. */
export function EnvelopeStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const e = draft.envelope;
  const set = (patch: Partial<NoticeDraft["envelope"]>) => update({ envelope: { ...e, ...patch } });
  const publicOnConsent = useCatalogue()(draft.type)?.publicExtract === "on_owner_consent";
  return (
    <>
      <DistributionGroup e={e} set={set} />
      <EvaluationGroup e={e} set={set} />
      {publicOnConsent ? (
        <CheckboxField
          label={t("wizard.publicExtract")}
          hint={t("wizard.publicExtractHint")}
          checked={draft.publicExtract}
          onChange={(ev) => update({ publicExtract: ev.target.checked })}
          testId="wizard-public-extract"
        />
      ) : (
        <p className="hint">{t("wizard.neverPublic")}</p>
      )}
    </>
  );
}

interface EnvelopeProps {
  e: NoticeDraft["envelope"];
  set: (patch: Partial<NoticeDraft["envelope"]>) => void;
}

/** Who may see the notice, and how they may handle it (H3: only as the note says). */
function DistributionGroup({ e, set }: EnvelopeProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("records.distribution")}>
      <SelectField
        label={t("records.distribution")}
        value={e.distribution}
        onChange={(ev) => set({ distribution: ev.target.value as NoticeDraft["envelope"]["distribution"] })}
        testId="wizard-distribution"
      >
        <option value="all">{t("distribution.all")}</option>
        <option value="only">{t("wizard.distributionOnly")}</option>
        <option value="except">{t("wizard.distributionExcept")}</option>
      </SelectField>
      {e.distribution !== "all" && (
        <CountryField
          label={t("wizard.countries")}
          multiple
          value={e.countries}
          onChange={(v) => set({ countries: v })}
          testId="wizard-distribution-countries"
        />
      )}
      <SelectField
        label={t("records.handling")}
        value={e.handlingCode}
        onChange={(ev) => set({ handlingCode: ev.target.value as NoticeDraft["envelope"]["handlingCode"] })}
        testId="wizard-handling"
      >
        {(["H0", "H1", "H2", "H3"] as const).map((h) => (
          <option key={h} value={h}>
            {h} — {t(`handling.${h}`)}
          </option>
        ))}
      </SelectField>
      {e.handlingCode === "H3" && (
        <TextField
          label={t("records.handlingNote")}
          required
          value={e.handlingNote}
          onChange={(ev) => set({ handlingNote: ev.target.value })}
        />
      )}
    </Group>
  );
}

/** How reliable the source is and how accurate the information, and where it comes from. */
function EvaluationGroup({ e, set }: EnvelopeProps) {
  const { t } = useI18n();
  return (
    <Group legend={t("records.evaluation")}>
      <SelectField
        label={t("records.reliability")}
        value={e.sourceReliability}
        onChange={(ev) =>
          set({ sourceReliability: ev.target.value as NoticeDraft["envelope"]["sourceReliability"] })
        }
      >
        {(["A", "B", "C", "X"] as const).map((r) => (
          <option key={r} value={r}>
            {t(`reliability.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("records.accuracy")}
        value={e.informationAccuracy}
        onChange={(ev) =>
          set({ informationAccuracy: ev.target.value as NoticeDraft["envelope"]["informationAccuracy"] })
        }
      >
        {(["1", "2", "3", "4"] as const).map((a) => (
          <option key={a} value={a}>
            {t(`accuracy.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("records.sourceType")}
        value={e.sourceType}
        onChange={(ev) => set({ sourceType: ev.target.value })}
      >
        {(["police", "judicial", "military", "un", "open_source", "platform"] as const).map((s) => (
          <option key={s} value={s}>
            {t(`sourceType.${s}`)}
          </option>
        ))}
      </SelectField>
    </Group>
  );
}
