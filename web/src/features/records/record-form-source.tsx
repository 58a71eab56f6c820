import { sourceTypeLabel } from "../../components/envelope.tsx";
import { SelectField, TextAreaField, TextField } from "../../components/fields.tsx";
import { allOf } from "../../lib/api/schema.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { FieldError, type SetForm } from "./form-parts.tsx";
import type { FieldProblem, RecordForm, SourceType } from "./record-form-model.ts";

type Props = { form: RecordForm; set: SetForm; problems: readonly FieldProblem[] };
const SOURCE_TYPES = allOf<SourceType>()(["police", "judicial", "military", "un", "open_source", "platform"]);

/** Where the values come from; for military (battlefield) data, the capture they come from. */
export function SourceFields({ form, set, problems }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="form-grid">
      <legend>{t("persons.form.source")}</legend>
      <SelectField
        label={t("records.sourceType")}
        value={form.sourceType}
        onChange={(e) => set({ sourceType: e.target.value as SourceType })}
        testId="form-source-type"
      >
        {SOURCE_TYPES.map((s) => (
          <option key={s} value={s}>
            {sourceTypeLabel(t, s)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("persons.field.source")}
        hint={t("persons.field.sourceHint")}
        value={form.source}
        dir="auto"
        onChange={(e) => set({ source: e.target.value })}
        testId="form-source"
      />
      <FieldError problems={problems} field="source" />
      <TextField
        label={t("persons.field.statedBy")}
        hint={t("persons.field.statedByHint")}
        value={form.statedBy}
        dir="auto"
        onChange={(e) => set({ statedBy: e.target.value })}
        testId="form-stated-by"
      />
      <TextField
        label={t("persons.field.statedAt")}
        type="date"
        value={form.statedAt}
        onChange={(e) => set({ statedAt: e.target.value })}
        testId="form-stated-at"
      />
      <FieldError problems={problems} field="provenance.statedAt" />
      {form.sourceType === "military" && <CaptureFields form={form} set={set} problems={problems} />}
    </fieldset>
  );
}

function CaptureFields({ form, set, problems }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="group span-all capture-fields" data-testid="capture-fields">
      <legend>{t("persons.capture.title")}</legend>
      <p className="hint">{t("persons.capture.hint")}</p>
      <TextField
        label={t("persons.capture.unit")}
        value={form.captureUnit}
        dir="auto"
        required
        onChange={(e) => set({ captureUnit: e.target.value })}
        testId="form-capture-unit"
      />
      <TextField
        label={t("persons.capture.place")}
        value={form.capturePlace}
        dir="auto"
        required
        onChange={(e) => set({ capturePlace: e.target.value })}
        testId="form-capture-place"
      />
      <TextField
        label={t("persons.capture.date")}
        type="date"
        value={form.captureDate}
        required
        onChange={(e) => set({ captureDate: e.target.value })}
        testId="form-capture-date"
      />
      <TextAreaField
        label={t("persons.capture.context")}
        value={form.captureContext}
        dir="auto"
        rows={2}
        required
        onChange={(e) => set({ captureContext: e.target.value })}
        testId="form-capture-context"
      />
      <FieldError problems={problems} field="provenance.capture" />
    </fieldset>
  );
}

/** The owner's rules: distribution, handling, evaluation and the review date. */
export function EnvelopeFields({ form, set, problems }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="form-grid">
      <legend>{t("records.envelope")}</legend>
      <SelectField
        label={t("records.distribution")}
        value={form.distribution}
        onChange={(e) => set({ distribution: e.target.value as RecordForm["distribution"] })}
        testId="form-distribution"
      >
        <option value="all">{t("distribution.all")}</option>
        <option value="only">{t("persons.distribution.only")}</option>
        <option value="except">{t("persons.distribution.except")}</option>
      </SelectField>
      {form.distribution !== "all" && (
        <TextField
          label={t("persons.field.distributionCountries")}
          hint={t("persons.field.countriesHint")}
          value={form.distributionCountries}
          onChange={(e) => set({ distributionCountries: e.target.value })}
          testId="form-distribution-countries"
        />
      )}
      <FieldError problems={problems} field="envelope.distributionCountries" />
      <SelectField
        label={t("records.handling")}
        value={form.handlingCode}
        onChange={(e) => set({ handlingCode: e.target.value as RecordForm["handlingCode"] })}
        testId="form-handling"
      >
        {(["H0", "H1", "H2", "H3"] as const).map((h) => (
          <option key={h} value={h}>
            {h} — {t(`handling.${h}`)}
          </option>
        ))}
      </SelectField>
      {form.handlingCode === "H3" && (
        <TextField
          label={t("records.handlingNote")}
          value={form.handlingNote}
          dir="auto"
          onChange={(e) => set({ handlingNote: e.target.value })}
          testId="form-handling-note"
        />
      )}
      <FieldError problems={problems} field="envelope.handlingNote" />
      <SelectField
        label={t("records.reliability")}
        value={form.sourceReliability}
        onChange={(e) => set({ sourceReliability: e.target.value as RecordForm["sourceReliability"] })}
        testId="form-reliability"
      >
        {(["A", "B", "C", "X"] as const).map((r) => (
          <option key={r} value={r}>
            {t(`reliability.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("records.accuracy")}
        value={form.informationAccuracy}
        onChange={(e) => set({ informationAccuracy: e.target.value })}
        testId="form-accuracy"
      >
        {([1, 2, 3, 4] as const).map((a) => (
          <option key={a} value={String(a)}>
            {t(`accuracy.${a}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("records.review")}
        hint={t("persons.field.reviewHint")}
        type="date"
        value={form.reviewAt}
        onChange={(e) => set({ reviewAt: e.target.value })}
        testId="form-review"
      />
      <FieldError problems={problems} field="envelope.reviewAt" />
    </fieldset>
  );
}
