import { useState } from "react";
import { FormField } from "../../../components/form-field.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../../lib/router.tsx";
import { useSubmit } from "../../../lib/use-submit.ts";
import { runSearch } from "./api.ts";
import { Choice } from "./choice.tsx";
import { FaceInput, type FacePhoto } from "./face-input.tsx";
import { problemsOf } from "./texts.ts";
import type { Modality } from "./types.ts";
import "./biometrics.css";

export const TEMPLATE_FILES = ".dat,.ist,.iso,.ansi,.bin,.fmr,application/octet-stream";

/**
 * A 1:N search: the probe (a fingerprint template file, a face photo or a webcam capture) and the
 * case it is for. The search is stored with its candidates; its review page opens once it is done.
 */
export function SearchPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [modality, setModality] = useState<Modality>("fingerprint");
  const [template, setTemplate] = useState<File | null>(null);
  const [face, setFace] = useState<FacePhoto | null>(null);
  const [reason, setReason] = useState("");
  const { pending, error, handler } = useSubmit();

  const labels = {
    file: modality === "fingerprint" ? t("bio.field.templateFile") : t("bio.field.facePhoto"),
    reason: t("bio.field.reason"),
  };
  const problems = problemsOf(error, i18n, labels, "file");
  const byField = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.sentence]));
  const general = problems.filter((p) => p.field === null);

  const submit = handler(async () => {
    const probe =
      modality === "fingerprint"
        ? template && { kind: "fingerprint" as const, file: template, name: template.name }
        : face && { kind: "face" as const, file: face.file, name: face.name };
    // The button is disabled until a probe is chosen.
    if (!probe) return;
    const search = await runSearch(probe, reason);
    navigate(`/biometrics/searches/${segment(search.id)}`);
  });
  const missing = modality === "fingerprint" ? !template : !face;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/biometrics/searches">{t("bio.review.back")}</Link>
      </p>
      <h1>{t("bio.search.title")}</h1>
      <p className="muted">{t("bio.search.intro")}</p>
      <form className="panel bio-form" onSubmit={submit} noValidate data-testid="bio-search-form">
        {general.length > 0 && (
          <div className="alert alert-error" role="alert" data-testid="bio-search-errors">
            {general.map((p) => (
              <p key={p.sentence}>
                <bdi>{p.sentence}</bdi>
              </p>
            ))}
          </div>
        )}
        <Choice
          legend={t("bio.search.probe")}
          value={modality}
          options={[
            { value: "fingerprint", label: t("bio.modality.fingerprint") },
            { value: "face", label: t("bio.modality.face") },
          ]}
          onChange={setModality}
          disabled={pending}
          testId="probe-kind"
        />
        {modality === "fingerprint" ? (
          <FormField name="file" label={labels.file} hint={t("bio.field.templateHint")} error={byField.file}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept={TEMPLATE_FILES}
                disabled={pending}
                onChange={(e) => setTemplate(e.target.files?.[0] ?? null)}
                data-testid="probe-template-file"
              />
            )}
          </FormField>
        ) : (
          <FormField name="file" label={labels.file} hint={t("bio.field.faceHint")} error={byField.file}>
            {(control) => (
              <FaceInput
                value={face}
                onChange={setFace}
                controlId={control.id}
                describedBy={control["aria-describedby"]}
                disabled={pending}
              />
            )}
          </FormField>
        )}
        <FormField
          name="reason"
          label={labels.reason}
          hint={t("bio.field.reasonHint")}
          error={byField.reason}
        >
          {(control) => (
            <input
              {...control}
              className="wide"
              required
              maxLength={500}
              dir="auto"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              disabled={pending}
              data-testid="probe-reason"
            />
          )}
        </FormField>
        <div className="form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={pending || missing}
            data-testid="probe-submit"
          >
            {pending ? t("bio.search.searching") : t("bio.search.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
