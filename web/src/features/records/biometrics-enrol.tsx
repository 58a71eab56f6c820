import { useState } from "react";
import { Notice } from "../../components/alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useI18n } from "../../lib/i18n/index.tsx";
import { useSubmit } from "../../lib/use-submit.ts";
import { enrolFace, enrolFingerprint } from "./biometrics/api.ts";
import { Choice } from "./biometrics/choice.tsx";
import { FaceInput, type FacePhoto } from "./biometrics/face-input.tsx";
import { TEMPLATE_FILES } from "./biometrics/search-page.tsx";
import { problemsOf } from "./biometrics/texts.ts";
import type { Modality } from "./biometrics/types.ts";

/**
 * The owner's enrolment: a fingerprint template file sent as it is, or a face photo (a file or a
 * webcam capture) in which the server must find exactly one face. Where it comes from is required.
 * A refused file stores nothing and its problem is shown under the file's label.
 */
export function BiometricsEnrolForm({ recordId, onEnrolled }: { recordId: string; onEnrolled: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [modality, setModality] = useState<Modality>("fingerprint");
  const [template, setTemplate] = useState<File | null>(null);
  const [face, setFace] = useState<FacePhoto | null>(null);
  const [source, setSource] = useState("");
  const [outcome, setOutcome] = useState<"created" | "known" | null>(null);
  // A new key empties the file input after a successful upload (a file input cannot be set).
  const [formKey, setFormKey] = useState(0);
  const { pending, error, handler } = useSubmit();

  const labels = {
    file: modality === "fingerprint" ? t("bio.field.templateFile") : t("bio.field.facePhoto"),
    source: t("bio.field.source"),
  };
  const problems = problemsOf(error, i18n, labels, "file");
  const byField = Object.fromEntries(problems.filter((p) => p.field).map((p) => [p.field, p.sentence]));
  const general = problems.filter((p) => p.field === null);

  const submit = handler(async () => {
    setOutcome(null);
    const file = modality === "fingerprint" ? template : (face?.file ?? null);
    // The button is disabled until a file is chosen.
    if (!file) return;
    const result =
      modality === "fingerprint"
        ? await enrolFingerprint(recordId, file, source)
        : await enrolFace(recordId, file, source);
    setOutcome(result.created ? "created" : "known");
    setTemplate(null);
    setFace(null);
    setFormKey((k) => k + 1);
    onEnrolled();
  });
  const missing = modality === "fingerprint" ? !template : !face;

  return (
    <form className="bio-form bio-enrol" onSubmit={submit} noValidate data-testid="enrol-form">
      <h3>{t("bio.enrol.heading")}</h3>
      {outcome && (
        <Notice kind="success">
          <span data-testid="enrol-done">
            {t(outcome === "created" ? "bio.enrol.created" : "bio.enrol.known")}
          </span>
        </Notice>
      )}
      {general.length > 0 && (
        <div className="alert alert-error" role="alert" data-testid="enrol-errors">
          {general.map((p) => (
            <p key={p.sentence}>
              <bdi>{p.sentence}</bdi>
            </p>
          ))}
        </div>
      )}
      <Choice
        legend={t("bio.enrol.what")}
        value={modality}
        options={[
          { value: "fingerprint", label: t("bio.modality.fingerprint") },
          { value: "face", label: t("bio.modality.face") },
        ]}
        onChange={(m) => {
          setModality(m);
          setOutcome(null);
        }}
        disabled={pending}
        testId="enrol-kind"
      />
      <div key={formKey}>
        {modality === "fingerprint" ? (
          <FormField name="file" label={labels.file} hint={t("bio.field.templateHint")} error={byField.file}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept={TEMPLATE_FILES}
                disabled={pending}
                onChange={(e) => setTemplate(e.target.files?.[0] ?? null)}
                data-testid="enrol-template-file"
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
      </div>
      <FormField name="source" label={labels.source} hint={t("bio.field.sourceHint")} error={byField.source}>
        {(control) => (
          <input
            {...control}
            className="wide"
            required
            maxLength={500}
            dir="auto"
            value={source}
            onChange={(e) => setSource(e.target.value)}
            disabled={pending}
            data-testid="enrol-source"
          />
        )}
      </FormField>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending || missing}
          data-testid="enrol-submit"
        >
          {pending ? t("bio.enrol.sending") : t("bio.enrol.submit")}
        </button>
      </div>
    </form>
  );
}
