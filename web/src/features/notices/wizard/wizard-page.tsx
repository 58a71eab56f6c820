import { useEffect, useRef, useState } from "react";
import { ErrorAlert, Notice as Status } from "../../../components/alert.tsx";
import { ConfirmDialog } from "../../../components/confirm-button.tsx";
import { DraftOffer } from "../../../components/draft-offer.tsx";
import { DataState } from "../../../components/states.tsx";
import { UnsavedGuard } from "../../../components/unsaved-guard.tsx";
import { useI18n } from "../../../lib/i18n/index.tsx";
import { plainLabel } from "../../../lib/problems.ts";
import { Link, navigate, segment } from "../../../lib/router.tsx";
import { useApi } from "../../../lib/use-api.ts";
import { createNotice, type NoticeBody, noticeAction, updateNotice } from "../api.ts";
import { useCatalogue } from "../catalogue.ts";
import { stepOfField, WIZARD_STEPS, type WizardStep } from "../draft/steps.ts";
import { toEnvelope, toRequest } from "../draft/to-request.ts";
import type { NoticeDraft } from "../draft/types.ts";
import { missingFields } from "../draft/validation.ts";
import { WizardPhotos } from "../photos/wizard-photos.tsx";
import type { Notice } from "../types.ts";
import { focusField } from "./focus-field.ts";
import { LiveCompliance } from "./live-compliance.tsx";
import { MissingFieldsPanel } from "./missing-fields.tsx";
import { DetailsStep } from "./steps/details-step.tsx";
import { EnvelopeStep } from "./steps/envelope-step.tsx";
import { ReviewStep } from "./steps/review-step.tsx";
import { SubjectStep } from "./steps/subject-step.tsx";
import { TextsStep } from "./steps/texts-step.tsx";
import { TypeStep } from "./steps/type-step.tsx";
import { useWizardDraft } from "./use-wizard-draft.ts";

const STEPS = WIZARD_STEPS;
type Step = WizardStep;

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
  const i18n = useI18n();
  const { t, lang } = i18n;
  // The draft, kept on this computer while unsaved, and the notice version it started from.
  const kept = useWizardDraft(notice, lang);
  const { draft, setDraft, step, setStep, savedId, version } = kept;
  const [saved, setSaved] = useState(false);
  const [asking, setAsking] = useState(false);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const index = STEPS.indexOf(step);
  const missing = missingFields(draft, useCatalogue()(draft.type));

  // Each step change moves focus to the step's heading, so keyboard and screen-reader users follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every step change
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  // After a link to a field: once its step is shown, the cursor goes into the field.
  useEffect(() => {
    if (focusPath === null) return;
    setFocusPath(null);
    const labelOf = (p: string) => plainLabel(`request.${p}`, i18n);
    if (!focusField(formRef.current, focusPath, labelOf)) headingRef.current?.focus();
  }, [focusPath, i18n]);

  /** Opens the step that has a field of the request ("subject.sex", "offences.0.category") and focuses it. */
  const goToField = (path: string) => {
    setStep(stepOfField(path));
    setFocusPath(path);
  };

  const update = (patch: Partial<NoticeDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const body = (): NoticeBody => ({
    request: toRequest(draft),
    envelope: toEnvelope(draft.envelope),
    publicExtract: draft.publicExtract,
  });

  /** Saves the draft; an edit names the version it started from, so a colleague's change is not overwritten. */
  const saveNotice = async () => {
    const sent = draft;
    const result = savedId
      ? await updateNotice(savedId, {
          ...body(),
          ...(version === undefined ? {} : { expectedVersion: version }),
        })
      : await createNotice(body());
    kept.saved(result, sent);
    return result;
  };
  const save = async (): Promise<string> => (await saveNotice()).id;

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
      const result = await saveNotice();
      await noticeAction(result.id, "submit", { expectedVersion: result.version });
      kept.clearKept();
      navigate(`/notices/${segment(result.id)}`, { submitted: 1 });
    });

  const go = (next: Step) => {
    setError(undefined);
    setStep(next);
  };

  return (
    <>
      <h1>{notice ? t("wizard.editTitle") : t("wizard.title")}</h1>
      <UnsavedGuard when={kept.dirty && !pending} />
      {kept.offer && <DraftOffer draft={kept.offer} onRestore={kept.restore} onDiscard={kept.discard} />}
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
          ref={formRef}
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
          {step === "review" && draft.subjectKind === "person" && (
            <WizardPhotos
              noticeId={savedId}
              save={save}
              canPublish={draft.publicExtract}
              name={[draft.person.forenames, draft.person.familyName].join(" ").trim()}
            />
          )}
          <ErrorAlert error={error} {...(savedId ? { onReload: () => void run(kept.loadCurrent) } : {})} />
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
                aria-haspopup="dialog"
                onClick={() => setAsking(true)}
                data-testid="wizard-submit"
              >
                {t("wizard.submit")}
              </button>
            )}
            <ConfirmDialog
              open={asking}
              title={t("confirm.submitNotice.title")}
              body={<p>{t("confirm.submitNotice.body")}</p>}
              confirmLabel={t("confirm.submitNotice.action")}
              onConfirm={() => {
                setAsking(false);
                void submit();
              }}
              onCancel={() => setAsking(false)}
              testId="wizard-submit"
            />
          </div>
        </form>
        {draft.type && (
          <aside className="wizard-aside">
            <MissingFieldsPanel
              fields={missing.flatMap((f) => (f.field ? [f.field] : []))}
              onGo={goToField}
            />
            <LiveCompliance draft={draft} onGo={goToField} />
            <p className="hint">{t("wizard.precheckHint")}</p>
          </aside>
        )}
      </div>
    </>
  );
}
