import { type FormEvent, useState } from "react";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { api } from "../../lib/api.ts";
import { type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { type EnvelopeDraft, EnvelopeFields, envelopeBody, newEnvelope } from "./envelope.tsx";
import { FieldError, type FieldProblem, FormErrors, problemsOf } from "./form-errors.tsx";
import { useFormat } from "./format.tsx";
import type { DbSpec, FieldSpec } from "./specs.ts";
import type { DbItem } from "./types.ts";

export type Values = Record<string, string | boolean>;

/** The form's values of an item (or empty ones), as the inputs hold them. */
export function valuesOf(spec: DbSpec, item?: DbItem, defaults: Values = {}): Values {
  const v: Values = {};
  for (const f of spec.fields) {
    const x = item?.[f.name];
    if (f.kind === "flag") v[f.name] = Boolean(x ?? defaults[f.name] ?? false);
    else if (x !== null && x !== undefined) v[f.name] = String(x);
    else v[f.name] = defaults[f.name] ?? (f.kind === "select" && f.required ? (f.options?.[0] ?? "") : "");
  }
  return v;
}

/** The request body: empty inputs are absent values, numbers are numbers, codes upper case. */
function bodyOf(spec: DbSpec, values: Values) {
  const body: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const x = values[f.name];
    if (f.kind === "flag") body[f.name] = Boolean(x);
    else if (typeof x === "string" && x.trim() !== "") {
      const s = f.upper ? x.trim().toUpperCase() : x.trim();
      body[f.name] = f.kind === "number" ? Number(s) : s;
    }
  }
  return body;
}

interface Props {
  spec: DbSpec;
  mode: "create" | "edit";
  initial: Values;
  initialEnvelope?: EnvelopeDraft;
  /** For an edit, the item's id. */
  id?: string;
  onSaved: (item: DbItem) => void;
  onCancel?: () => void;
}

export function ItemForm({ spec, mode, initial, initialEnvelope, id, onSaved, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Values>(initial);
  const [envelope, setEnvelope] = useState<EnvelopeDraft>(initialEnvelope ?? newEnvelope());
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const [pending, setPending] = useState(false);
  const labels = Object.fromEntries(spec.fields.map((f) => [f.name, f.label])) as Record<string, MessageKey>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    // Required fields are checked here first, so the sentence is in the reader's language.
    const missing = spec.fields
      .filter((f) => f.required && f.kind !== "flag" && String(values[f.name] ?? "").trim() === "")
      .map((f) => ({ field: f.name, sentence: t("db.error.required", { label: t(f.label) }) }));
    setProblems(missing);
    if (missing.length) return;
    setPending(true);
    try {
      const body = { ...bodyOf(spec, values), envelope: envelopeBody(envelope) };
      const saved =
        mode === "create"
          ? await api<DbItem>(spec.api, { method: "POST", body })
          : await api<DbItem>(`${spec.api}/${encodeURIComponent(id ?? "")}`, { method: "PATCH", body });
      onSaved(saved);
    } catch (err) {
      setError(err);
      setProblems(problemsOf(err, labels, i18n));
    } finally {
      setPending(false);
    }
  };

  const errorFor = (name: string) => <FieldError problems={problems} field={name} />;
  const envelopeError = (name: string) => errorFor(`envelope.${name}`);
  // Problems the fields below do not show (an unknown path) stay in the alert only.
  return (
    <form className="panel form-grid" onSubmit={submit} noValidate data-testid={`${spec.id}-form`}>
      <FormErrors error={error} problems={problems} />
      {spec.fields.map((f) => (
        <div key={f.name}>
          <ItemField
            field={f}
            value={values[f.name] ?? ""}
            invalid={problems.some((p) => p.field === f.name)}
            onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
          />
          {errorFor(f.name)}
        </div>
      ))}
      <EnvelopeFields value={envelope} onChange={setEnvelope} errorFor={envelopeError} />
      <div className="form-actions span-all">
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="item-submit">
          {mode === "create" ? t("db.form.create") : t("db.form.save")}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

interface FieldProps {
  field: FieldSpec;
  value: string | boolean;
  invalid: boolean;
  onChange: (v: string | boolean) => void;
}

/** One input of the form, by the field's kind. */
export function ItemField({ field: f, value, invalid, onChange }: FieldProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  const label = f.required ? t("db.form.requiredLabel", { label: t(f.label) }) : t(f.label);
  const common = {
    label,
    ...(f.hint ? { hint: t(f.hint) } : {}),
    testId: `field-${f.name}`,
    "aria-invalid": invalid || undefined,
  };
  if (f.kind === "flag")
    return (
      <CheckboxField {...common} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />
    );
  if (f.kind === "select")
    return (
      <SelectField {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {!f.required && <option value="">—</option>}
        {(f.options ?? []).map((o) => (
          <option key={o} value={o}>
            {fmt.option(f.optionPrefix, o)}
          </option>
        ))}
      </SelectField>
    );
  return (
    <TextField
      {...common}
      type={f.kind === "date" ? "date" : f.kind === "number" ? "number" : "text"}
      step={f.kind === "number" ? "any" : undefined}
      dir={f.code ? "ltr" : undefined}
      value={String(value)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
