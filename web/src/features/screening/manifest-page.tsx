import { type FormEvent, useState } from "react";
import { ErrorAlert } from "../../components/alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { Link } from "../../lib/router.tsx";
import { screenManifest } from "./api.ts";
import { ManifestResults } from "./manifest-results.tsx";
import type { ManifestProgress, ManifestResult } from "./types.ts";
import "./screening.css";

type Phase =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "running"; progress: ManifestProgress; updates: number }
  | { kind: "done"; result: ManifestResult; updates: number; last: ManifestProgress | null }
  | { kind: "failed"; error: unknown };

const COLUMNS = "id,name,date_of_birth,nationality,sex,document_number,document_country";

export function ManifestPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [location, setLocation] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [missing, setMissing] = useState(false);
  const busy = phase.kind === "sending" || phase.kind === "running";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setMissing(true);
    setMissing(false);
    setPhase({ kind: "sending" });
    let updates = 0;
    let last: ManifestProgress | null = null;
    try {
      const result = await screenManifest(file, location, (progress) => {
        updates += 1;
        last = progress;
        setPhase({ kind: "running", progress, updates });
      });
      setPhase({ kind: "done", result, updates, last });
    } catch (error) {
      setPhase({ kind: "failed", error });
    }
  };

  return (
    <>
      <div className="page-head">
        <h1>{t("scr.manifest.title")}</h1>
        <Link to="/screening" className="btn">
          {t("nav.screening")}
        </Link>
      </div>
      <p className="muted">{t("scr.manifest.intro")}</p>
      <form className="panel form-grid" onSubmit={submit} noValidate data-testid="manifest-form">
        <FormField
          name="file"
          label={t("scr.manifest.file")}
          error={missing ? t("scr.manifest.noFile") : undefined}
          className="span-all"
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.json,.jsonl,.ndjson,.edi,.txt"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="manifest-file"
            />
          )}
        </FormField>
        <p className="hint span-all">
          {t("scr.manifest.formats")} <code dir="ltr">{COLUMNS}</code>. {t("scr.manifest.formatsMore")}
        </p>
        <FormField name="location" label={t("scr.manifest.location")}>
          {(control) => (
            <input
              {...control}
              dir="auto"
              value={location}
              onChange={(e) => setLocation(e.target.value)}
              data-testid="manifest-location"
            />
          )}
        </FormField>
        <div className="form-actions span-all">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="manifest-submit">
            {t("scr.manifest.submit")}
          </button>
        </div>
      </form>
      <ManifestState phase={phase} />
    </>
  );
}

function ManifestState({ phase }: { phase: Phase }) {
  const { t } = useI18n();
  if (phase.kind === "idle") return null;
  if (phase.kind === "failed") return <ErrorAlert error={phase.error} />;
  if (phase.kind === "sending")
    return (
      <p className="muted" role="status" aria-live="polite" data-testid="manifest-sending">
        {t("scr.manifest.sending")}
      </p>
    );
  if (phase.kind === "running") return <Progress progress={phase.progress} updates={phase.updates} />;
  return (
    <>
      {phase.last && <Progress progress={phase.last} updates={phase.updates} done />}
      <ManifestResults result={phase.result} />
    </>
  );
}

function Progress({
  progress: p,
  updates,
  done = false,
}: {
  progress: ManifestProgress;
  updates: number;
  done?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section
      className="panel manifest-progress"
      aria-labelledby="manifest-progress-heading"
      data-testid="manifest-progress"
      data-updates={updates}
      data-done={done}
    >
      <h2 id="manifest-progress-heading">{t(done ? "scr.manifest.progressDone" : "scr.manifest.running")}</h2>
      <progress max={Math.max(1, p.total)} value={p.screened} aria-label={t("scr.manifest.running")} />
      <p aria-live="polite" data-testid="manifest-progress-count">
        {t("scr.manifest.progressCount", { screened: p.screened, total: p.total })}
      </p>
    </section>
  );
}
