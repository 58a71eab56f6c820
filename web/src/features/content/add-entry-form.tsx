import { useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { TextField } from "../../components/fields.tsx";
import { client, data } from "../../lib/api/client.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { SignalTypeField } from "./signal-type-field.tsx";
import { type Entry, hashProblem, parseLabels, type SignalType } from "./types.ts";

/** Adds one hash; a hash the bank already holds only gains the new labels (the server merges). */
export function AddEntryForm({ bankId, onAdded }: { bankId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [signalType, setSignalType] = useState<SignalType>("pdq");
  const [value, setValue] = useState("");
  const [quality, setQuality] = useState("");
  const [labels, setLabels] = useState("");
  const [unit, setUnit] = useState("");
  const [added, setAdded] = useState<Entry | null>(null);
  const { pending, error, handler } = useSubmit();
  const trimmed = value.trim();
  const problem = trimmed ? hashProblem(signalType, trimmed) : null;

  const submit = handler(async () => {
    setAdded(null);
    const body = {
      signalType,
      value: trimmed,
      labels: parseLabels(labels),
      ...(quality.trim() ? { quality: Number(quality) } : {}),
      ...(unit.trim() ? { contributedUnit: unit.trim() } : {}),
    };
    setAdded(
      await data(
        client.POST("/api/v1/content/banks/{id}/entries", { params: { path: { id: bankId } }, body }),
      ),
    );
    setValue("");
    setQuality("");
    onAdded();
  });

  return (
    <form
      className="panel form-grid"
      onSubmit={submit}
      aria-labelledby="add-entry-heading"
      data-testid="add-entry-form"
    >
      <h2 id="add-entry-heading">{t("content.addEntry")}</h2>
      <SignalTypeField value={signalType} onChange={setSignalType} testId="add-entry-signal-type" />
      <TextField
        label={t("content.hashValue")}
        hint={
          problem === "hex"
            ? t("content.hashNotHex")
            : problem === "length"
              ? t("content.hashLength", { type: signalType, count: trimmed.length })
              : undefined
        }
        className="mono-field"
        dir="ltr"
        required
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        testId="add-entry-value"
      />
      <TextField
        label={t("content.quality")}
        type="number"
        min={0}
        max={100}
        value={quality}
        onChange={(e) => setQuality(e.target.value)}
      />
      <TextField
        label={t("content.labels")}
        hint={t("content.labelsHint")}
        dir="ltr"
        value={labels}
        onChange={(e) => setLabels(e.target.value)}
        testId="add-entry-labels"
      />
      <TextField
        label={t("content.unit")}
        maxLength={200}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
      />
      <ErrorAlert error={error} />
      <div role="status" className="status-line">
        {added && <p className="alert alert-success">{t("content.entryAdded", { id: added.id })}</p>}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || !trimmed || problem !== null}
          data-testid="add-entry-submit"
        >
          {t("content.add")}
        </button>
      </div>
    </form>
  );
}
