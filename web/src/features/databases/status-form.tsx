import { type FormEvent, useState } from "react";
import { api } from "../../lib/api.ts";
import { type MessageKey, useI18n } from "../../lib/i18n/index.tsx";
import { FieldError, type FieldProblem, FormErrors, problemsOf } from "./form-errors.tsx";
import { ItemField } from "./item-form.tsx";
import type { DbSpec } from "./specs.ts";
import type { DbItem } from "./types.ts";

/** A travel document's status change (PATCH /documents/{id}/status): the issuing country only. */
export function StatusForm({ spec, item, onSaved }: { spec: DbSpec; item: DbItem; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fields = spec.fields.filter((f) => ["status", "blank", "eventDate"].includes(f.name));
  const [values, setValues] = useState<Record<string, string | boolean>>({
    status: String(item.status ?? ""),
    blank: Boolean(item.blank),
    eventDate: String(item.eventDate ?? ""),
  });
  const [error, setError] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [pending, setPending] = useState(false);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label])) as Record<string, MessageKey>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    setProblems([]);
    try {
      await api(`${spec.api}/${encodeURIComponent(item.id)}/status`, {
        method: "PATCH",
        body: {
          status: values.status,
          blank: Boolean(values.blank),
          ...(values.eventDate ? { eventDate: values.eventDate } : {}),
        },
      });
      onSaved();
    } catch (err) {
      setError(err);
      setProblems(problemsOf(err, labels, i18n));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">{t("db.statusChange")}</h2>
      <form className="form-grid" onSubmit={submit} data-testid="status-form">
        <FormErrors error={error} problems={problems} />
        {fields.map((f) => (
          <div key={f.name}>
            <ItemField
              field={f}
              value={values[f.name] ?? ""}
              invalid={problems.some((p) => p.field === f.name)}
              onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
            />
            <FieldError problems={problems} field={f.name} />
          </div>
        ))}
        <div className="form-actions span-all">
          <button type="submit" className="btn btn-primary" disabled={pending} data-testid="status-submit">
            {t("db.form.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
