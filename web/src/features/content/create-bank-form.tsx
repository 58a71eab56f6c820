import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import type { Bank } from "./types.ts";

const DISTRIBUTIONS = ["all", "only", "except"] as const;
const HANDLING = ["H0", "H1", "H2", "H3"] as const;
const RELIABILITY = ["A", "B", "C", "X"] as const;
const ACCURACY = [1, 2, 3, 4] as const;
const SOURCE_TYPES = ["police", "judicial", "military", "un", "open_source", "platform"] as const;

interface BankForm {
  name: string;
  description: string;
  distribution: (typeof DISTRIBUTIONS)[number];
  countries: string;
  handlingCode: (typeof HANDLING)[number];
  handlingNote: string;
  sourceReliability: (typeof RELIABILITY)[number];
  informationAccuracy: number;
  sourceType: (typeof SOURCE_TYPES)[number];
  sharedWithAllPlatforms: boolean;
}

export function CreateBankForm({
  onCreated,
  onCancel,
}: {
  onCreated: (b: Bank) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<BankForm>({
    name: "",
    description: "",
    distribution: "all",
    countries: "",
    handlingCode: "H0",
    handlingNote: "",
    sourceReliability: "B",
    informationAccuracy: 2,
    sourceType: "police",
    sharedWithAllPlatforms: false,
  });
  const { pending, error, handler } = useSubmit();
  const set = (key: keyof BankForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({
      ...f,
      [key]: key === "informationAccuracy" ? Number(e.target.value) : e.target.value,
    }));

  const submit = handler(async () => {
    const countries = form.countries
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const body = {
      name: form.name,
      description: form.description,
      sharedWithAllPlatforms: form.sharedWithAllPlatforms,
      envelope: {
        distribution: form.distribution,
        distributionCountries: form.distribution === "all" ? [] : countries,
        handlingCode: form.handlingCode,
        ...(form.handlingNote.trim() ? { handlingNote: form.handlingNote.trim() } : {}),
        sourceReliability: form.sourceReliability,
        informationAccuracy: form.informationAccuracy,
        sourceType: form.sourceType,
      },
    };
    onCreated(await data(client.POST("/api/v1/content/banks", { body })));
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="bank-form-heading"
      data-testid="bank-form"
    >
      <h2 id="bank-form-heading">{t("content.newBank")}</h2>
      <ErrorAlert error={error} />
      <TextField
        label={t("content.bankName")}
        required
        maxLength={200}
        autoComplete="off"
        value={form.name}
        onChange={set("name")}
        testId="bank-name"
      />
      <TextField
        label={t("content.description")}
        maxLength={2000}
        autoComplete="off"
        value={form.description}
        onChange={set("description")}
        testId="bank-description"
      />
      <SelectField label={t("records.distribution")} value={form.distribution} onChange={set("distribution")}>
        {DISTRIBUTIONS.map((d) => (
          <option key={d} value={d}>
            {t(`content.distribution.${d}`)}
          </option>
        ))}
      </SelectField>
      {form.distribution !== "all" && (
        <TextField
          label={t("content.countries")}
          hint={t("content.countriesHint")}
          required
          dir="ltr"
          value={form.countries}
          onChange={set("countries")}
        />
      )}
      <SelectField label={t("records.handling")} value={form.handlingCode} onChange={set("handlingCode")}>
        {HANDLING.map((h) => (
          <option key={h} value={h}>
            {h} — {t(`handling.${h}`)}
          </option>
        ))}
      </SelectField>
      {form.handlingCode === "H3" && (
        <TextField
          label={t("records.handlingNote")}
          required
          maxLength={500}
          value={form.handlingNote}
          onChange={set("handlingNote")}
        />
      )}
      <SelectField
        label={t("records.reliability")}
        value={form.sourceReliability}
        onChange={set("sourceReliability")}
      >
        {RELIABILITY.map((r) => (
          <option key={r} value={r}>
            {t(`reliability.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("records.accuracy")}
        value={String(form.informationAccuracy)}
        onChange={set("informationAccuracy")}
      >
        {ACCURACY.map((a) => (
          <option key={a} value={a}>
            {t(`accuracy.${a}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("records.sourceType")} value={form.sourceType} onChange={set("sourceType")}>
        {SOURCE_TYPES.map((s) => (
          <option key={s} value={s}>
            {t(`sourceType.${s}`)}
          </option>
        ))}
      </SelectField>
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={form.sharedWithAllPlatforms}
            onChange={(e) => setForm((f) => ({ ...f, sharedWithAllPlatforms: e.target.checked }))}
            data-testid="bank-share-platforms"
          />{" "}
          {t("content.shareWithPlatforms")}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="bank-submit">
          {t("common.create")}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
