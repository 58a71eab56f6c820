import { useEffect, useRef, useState } from "react";
import { ErrorAlert, Notice as Status } from "../../../components/alert.tsx";
import { DataState } from "../../../components/states.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { Link, navigate, segment } from "../../../lib/router.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { createNotice, type NoticeBody, noticeAction, updateNotice } from "../api.ts";
import { emptyDraft } from "../draft/defaults.ts";
import { fromRequest } from "../draft/from-request.ts";
import { toEnvelope, toRequest } from "../draft/to-request.ts";
import type { NoticeDraft } from "../draft/types.ts";
import { missingFields } from "../draft/validation.ts";
import { FindingsPanel } from "../parts.tsx";
import type { Notice } from "../types.ts";
import { LiveCompliance } from "./live-compliance.tsx";
import { DetailsStep } from "./steps/details-step.tsx";
import { EnvelopeStep } from "./steps/envelope-step.tsx";
import { ReviewStep } from "./steps/review-step.tsx";
import { SubjectStep } from "./steps/subject-step.tsx";
import { TextsStep } from "./steps/texts-step.tsx";
import { TypeStep } from "./steps/type-step.tsx";

const STEPS = ["type", "subject", "details", "texts", "envelope", "review"] as const;
type Step = (typeof STEPS)[number];

/** A new request, or the owner's draft (returned by the General Secretariat, for instance) to continue. */
export function NoticeWizardPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const state = useApi<Notice>(id ? `/notices/${segment(id)}` : null);
  if (!id) return <Wizard />;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/notices/${segment(id)}`}>{t("notices.backToNotice")}</Link>
      </p>
      <DataState {...state}>{(notice) => <Wizard notice={notice} />}</DataState>
    </>
  );
}

function Wizard({ notice }: { notice?: Notice }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<NoticeDraft>(() =>
    notice
      ? fromRequest(notice.request, { ...notice.envelope }, notice.publicExtract, lang)
      : emptyDraft(lang),
  );
  const [step, setStep] = useState<Step>(notice ? "review" : "type");
  const [savedId, setSavedId] = useState<string | undefined>(notice?.id);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const index = STEPS.indexOf(step);
  const missing = missingFields(draft);

  // Each step change moves focus to the step's heading, so keyboard and screen-reader users follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every step change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const update = (patch: Partial<NoticeDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const body = (): NoticeBody => ({
    request: toRequest(draft),
    envelope: toEnvelope(draft.envelope),
    publicExtract: draft.publicExtract,
  });

  const save = async (): Promise<string> => {
    const result = savedId ? await updateNotice(savedId, body()) : await createNotice(body());
    setSavedId(result.id);
    return result.id;
  };

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const saveDraft = () =>
    run(async () => {
      await save();
      setSaved(true);
    });

  const submit = () =>
    run(async () => {
      const noticeId = await save();
      await noticeAction(noticeId, "submit");
      navigate(`/notices/${segment(noticeId)}`, { submitted: 1 });
    });

  const go = (next: Step) => {
    setError(undefined);
    setStep(next);
  };

  return (
    <>
      <h1>{notice ? t("wizard.editTitle") : t("wizard.title")}</h1>
      <nav aria-label={t("wizard.steps")}>
        <ol className="stepper" data-testid="wizard-steps">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="step-link"
                aria-current={s === step ? "step" : undefined}
                disabled={!draft.type && i > 0}
                onClick={() => go(s)}
                data-testid={`wizard-step-${s}`}
              >
                <span className="step-number">{i + 1}</span> {t(`wizard.step.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="wizard">
        <form
          className="wizard-main panel"
          onSubmit={(e) => {
            e.preventDefault();
            const next = STEPS[index + 1];
            if (next) go(next);
          }}
          data-testid="wizard-form"
          noValidate
        >
          <h2 ref={headingRef} tabIndex={-1}>
            {t("wizard.stepOf", { n: index + 1, total: STEPS.length })} · {t(`wizard.step.${step}`)}
          </h2>
          {step === "type" && <TypeStep draft={draft} update={update} />}
          {step === "subject" && <SubjectStep draft={draft} update={update} />}
          {step === "details" && <DetailsStep draft={draft} update={update} />}
          {step === "texts" && <TextsStep draft={draft} update={update} />}
          {step === "envelope" && <EnvelopeStep draft={draft} update={update} />}
          {step === "review" && <ReviewStep draft={draft} />}
          <ErrorAlert error={error} />
          {saved && (
            <Status kind="success">
              <span data-testid="wizard-saved">{t("wizard.saved")}</span>{" "}
              {savedId && (
                <Link to={`/notices/${segment(savedId)}`} data-testid="wizard-open-notice">
                  {t("wizard.openNotice")}
                </Link>
              )}
            </Status>
          )}
          <div className="form-actions wizard-actions">
            {index > 0 && (
              <button
                type="button"
                className="btn"
                onClick={() => go(STEPS[index - 1] ?? "type")}
                data-testid="wizard-back"
              >
                {t("wizard.back")}
              </button>
            )}
            {step !== "review" && (
              <button
                type="submit"
                className="btn btn-primary"
                disabled={!draft.type}
                data-testid="wizard-next"
              >
                {t("wizard.next")}
              </button>
            )}
            {draft.type && (
              <button
                type="button"
                className="btn"
                disabled={pending}
                onClick={() => void saveDraft()}
                data-testid="wizard-save"
              >
                {t("wizard.saveDraft")}
              </button>
            )}
            {step === "review" && (
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending}
                onClick={() => void submit()}
                data-testid="wizard-submit"
              >
                {t("wizard.submit")}
              </button>
            )}
          </div>
        </form>
        {draft.type && (
          <aside className="wizard-aside">
            <FindingsPanel findings={missing} heading={t("wizard.precheck")} local testId="wizard-precheck" />
            <LiveCompliance draft={draft} />
            <p className="hint">{t("wizard.precheckHint")}</p>
          </aside>
        )}
      </div>
    </>
  );
}
