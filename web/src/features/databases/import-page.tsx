import { type FormEvent, useEffect, useMemo, useState } from "react";
import { ErrorAlert, Notice } from "../../components/alert.tsx";
import { SelectField } from "../../components/fields.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import type { Role } from "../../lib/roles.ts";
import { useMe } from "../../lib/session.tsx";
import { useFormat } from "./format.tsx";
import {
  formatOfName,
  IMPORTABLE,
  type Importable,
  type ImportFormat,
  rejectsCsv,
  runImport,
} from "./import-stream.ts";
import type { ImportProgress, ImportReport } from "./types.ts";
import "./databases.css";

const BUREAU: readonly Role[] = ["ncb_officer", "ncb_admin"];
const WRITERS: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_analyst"];

/** What a role may import (the server decides in the end): documents by their issuing bureau only. */
const importableBy = (role: Role): Importable[] =>
  (Object.keys(IMPORTABLE) as Importable[]).filter((k) =>
    (k === "documents" ? BUREAU : WRITERS).includes(role),
  );

type Phase =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "running"; progress: ImportProgress; updates: number }
  | { kind: "done"; report: ImportReport; updates: number; last: ImportProgress | null }
  | { kind: "failed"; error: unknown };

export function ImportPage() {
  const { t, country } = useI18n();
  const me = useMe();
  const choices = importableBy(me.role);
  const [what, setWhat] = useState<Importable>(choices[0] ?? "firearms");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"auto" | ImportFormat>("auto");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const formats = IMPORTABLE[what].formats as readonly ImportFormat[];
  const busy = phase.kind === "sending" || phase.kind === "running";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = format === "auto" ? (file ? formatOfName(file.name) : null) : format;
    if (!file) return setProblem(t("db.error.required", { label: t("db.import.file") }));
    if (!chosen || !formats.includes(chosen)) return setProblem(t("db.import.formatUnknown"));
    setProblem(null);
    setPhase({ kind: "sending" });
    let updates = 0;
    let last: ImportProgress | null = null;
    try {
      const report = await runImport(what, file, chosen, (progress) => {
        updates += 1;
        last = progress;
        setPhase({ kind: "running", progress, updates });
      });
      setPhase({ kind: "done", report, updates, last });
    } catch (error) {
      setPhase({ kind: "failed", error });
    }
  };

  return (
    <>
      <h1>{t("db.import.title")}</h1>
      <p className="muted">{t("db.import.intro", { country: country(me.country.code, me.country.name) })}</p>
      <form className="panel form-grid" onSubmit={submit} noValidate data-testid="import-form">
        {problem && (
          <div className="alert alert-error span-all" role="alert" data-testid="form-errors">
            <p>{problem}</p>
          </div>
        )}
        <SelectField
          label={t("db.import.database")}
          value={what}
          onChange={(e) => setWhat(e.target.value as Importable)}
          testId="import-database"
        >
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`db.import.db.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("db.import.format")}
          value={format}
          onChange={(e) => setFormat(e.target.value as ImportFormat)}
          testId="import-format"
        >
          <option value="auto">{t("db.import.format.auto")}</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              {t(`db.import.format.${f}`)}
            </option>
          ))}
        </SelectField>
        <div className="field span-all">
          <label htmlFor="import-file">{t("db.import.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,.json"
            aria-describedby="import-file-hint"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
          <small id="import-file-hint" className="hint">
            {t("db.import.columns")} <code dir="ltr">{IMPORTABLE[what].columns}</code>. {t("db.import.limit")}
          </small>
        </div>
        <div className="form-actions span-all">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="import-submit">
            {t("db.import.submit")}
          </button>
        </div>
      </form>
      <ImportState phase={phase} />
    </>
  );
}

function ImportState({ phase }: { phase: Phase }) {
  const { t } = useI18n();
  if (phase.kind === "idle") return null;
  if (phase.kind === "failed") return <ErrorAlert error={phase.error} />;
  if (phase.kind === "sending")
    return (
      <p className="muted" role="status" aria-live="polite" data-testid="import-sending">
        {t("db.import.sending")}
      </p>
    );
  if (phase.kind === "running") return <ProgressPanel progress={phase.progress} updates={phase.updates} />;
  // The last progress stays above the report: how far, how fast.
  return (
    <>
      {phase.last && <ProgressPanel progress={phase.last} updates={phase.updates} done />}
      <ReportPanel report={phase.report} updates={phase.updates} />
    </>
  );
}

function ProgressPanel({
  progress: p,
  updates,
  done = false,
}: {
  progress: ImportProgress;
  updates: number;
  done?: boolean;
}) {
  const { t, num } = useI18n();
  const f = useFormat();
  const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : 0;
  return (
    <section
      className="panel import-progress"
      aria-labelledby="progress-heading"
      data-testid="import-progress"
      data-updates={updates}
      data-done={done}
    >
      <h2 id="progress-heading">{t(done ? "db.import.progressDone" : "db.import.running")}</h2>
      <progress max={p.totalBytes} value={p.bytes} aria-label={t("db.import.read")}>
        {f.percent(share)}
      </progress>
      <dl className="kv" aria-live="polite">
        <dt>{t("db.import.read")}</dt>
        <dd data-testid="progress-share">{f.percent(share)}</dd>
        <dt>{t("db.import.rows")}</dt>
        <dd data-testid="progress-rows">{num(p.rows)}</dd>
        <dt>{t("db.import.rejected")}</dt>
        <dd>{num(p.rejected)}</dd>
        <dt>{t("db.import.rate")}</dt>
        <dd data-testid="progress-rate">{t("db.import.perSecond", { n: f.decimal(p.rowsPerSecond) })}</dd>
        <dt>{t("db.import.eta")}</dt>
        <dd data-testid="progress-eta">{p.etaSeconds === null ? "—" : f.duration(p.etaSeconds)}</dd>
      </dl>
    </section>
  );
}

function ReportPanel({ report: r, updates }: { report: ImportReport; updates: number }) {
  const { t, num } = useI18n();
  const f = useFormat();
  // The rejects file is made in the browser from the report: nothing is stored on the server for it.
  const url = useMemo(
    () => (r.rejects.length ? URL.createObjectURL(new Blob([rejectsCsv(r)], { type: "text/csv" })) : null),
    [r],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const rate = r.ms > 0 ? (r.rows * 1000) / r.ms : 0;
  return (
    <section
      className="panel"
      aria-labelledby="report-heading"
      data-testid="import-report"
      data-updates={updates}
    >
      <h2 id="report-heading">{t("db.import.done")}</h2>
      <Notice kind={r.rejected ? "warning" : "success"}>
        {t("db.import.summary", { rows: num(r.rows), accepted: num(r.accepted), rejected: num(r.rejected) })}
      </Notice>
      <dl className="kv" data-testid="import-counts">
        <dt>{t("db.import.created")}</dt>
        <dd>{num(r.created)}</dd>
        <dt>{t("db.import.updated")}</dt>
        <dd>{num(r.updated)}</dd>
        <dt>{t("db.import.unchanged")}</dt>
        <dd>{num(r.unchanged)}</dd>
        <dt>{t("db.import.time")}</dt>
        <dd>{f.duration(r.ms / 1000)}</dd>
        <dt>{t("db.import.rate")}</dt>
        <dd>{t("db.import.perSecond", { n: f.decimal(rate) })}</dd>
      </dl>
      {url && (
        <>
          <h3>{t("db.import.rejects")}</h3>
          <p>
            <a className="btn" href={url} download="rejects.csv" data-testid="rejects-download">
              {t("db.import.download")}
            </a>
          </p>
          <div className="table-wrap">
            <table className="data" data-testid="rejects-table">
              <thead>
                <tr>
                  <th scope="col">{t("db.import.line")}</th>
                  <th scope="col">{t("db.import.reason")}</th>
                  <th scope="col">{t("db.import.raw")}</th>
                </tr>
              </thead>
              <tbody>
                {r.rejects.map((x) => (
                  <tr key={x.line}>
                    <td className="num">{num(x.line)}</td>
                    <td>
                      <bdi>{x.reason}</bdi>
                    </td>
                    <td>
                      <code dir="ltr" className="wrap">
                        {x.raw}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
