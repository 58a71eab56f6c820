import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import { api, withQuery } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n/index.tsx";
import { segment } from "../../lib/router.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { SignalTypeField } from "./signal-type-field.tsx";
import { EXCHANGE_FORMATS, type ExchangeFormat, type ImportResult, type SignalType } from "./types.ts";

const CONTENT_TYPES: Record<ExchangeFormat, string> = {
  plain: "text/plain",
  csv: "text/csv",
  json: "application/json",
};

/** The format a file's name suggests, if any. */
function formatOf(name: string): ExchangeFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".txt")) return "plain";
  return null;
}

/** Paste or choose a hash list; the server validates the whole file before storing anything. */
export function ImportPanel({ bankId, onImported }: { bankId: string; onImported: () => void }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ExchangeFormat>("plain");
  const [signalType, setSignalType] = useState<SignalType>("pdq");
  const [labels, setLabels] = useState("");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { pending, error, handler } = useSubmit();
  const textId = useId();
  const fileId = useId();

  const submit = handler(async () => {
    setResult(null);
    const body = file ? await file.text() : text;
    const query = {
      format,
      signalType: format === "plain" ? signalType : undefined,
      labels: labels.trim() || undefined,
    };
    const r = await api<ImportResult>(withQuery(`/content/banks/${segment(bankId)}/import`, query), {
      method: "POST",
      raw: { body, contentType: CONTENT_TYPES[format] },
    });
    setResult(r);
    setText("");
    setFile(null);
    if (fileRef.current) fileRef.current.value = "";
    onImported();
  });

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="import-heading" data-testid="import-form">
      <h2 id="import-heading">{t("content.import")}</h2>
      <p className="hint">{t("content.importHint")}</p>
      <div className="form-grid">
        <SelectField
          label={t("content.format")}
          value={format}
          onChange={(e) => setFormat(e.target.value as ExchangeFormat)}
          testId="import-format"
        >
          {EXCHANGE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`content.format.${f}`)}
            </option>
          ))}
        </SelectField>
        {format === "plain" && (
          <SignalTypeField value={signalType} onChange={setSignalType} testId="import-signal-type" />
        )}
        <TextField
          label={t("content.importLabels")}
          hint={t("content.labelsHint")}
          dir="ltr"
          value={labels}
          onChange={(e) => setLabels(e.target.value)}
          testId="import-labels"
        />
      </div>
      <div className="field">
        <label htmlFor={textId}>{t("content.paste")}</label>
        <textarea
          id={textId}
          dir="ltr"
          rows={5}
          spellCheck={false}
          className="mono"
          value={text}
          disabled={file !== null}
          onChange={(e) => setText(e.target.value)}
          data-testid="import-text"
        />
      </div>
      <div className="field">
        <label htmlFor={fileId}>{t("content.orFile")}</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".txt,.csv,.json,text/plain,text/csv,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            const guessed = f ? formatOf(f.name) : null;
            if (guessed) setFormat(guessed);
          }}
          data-testid="import-file"
        />
      </div>
      <ErrorAlert error={error} />
      <div role="status" className="status-line">
        {result && (
          <p className="alert alert-success" data-testid="import-result">
            {t("content.importResult", {
              received: result.received,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              duplicates: result.duplicatesInFile,
            })}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || (!file && text.trim() === "")}
          data-testid="import-submit"
        >
          {t("content.importSubmit")}
        </button>
      </div>
    </form>
  );
}
