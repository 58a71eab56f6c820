import { useI18n } from "../../../lib/i18n/index.tsx";
import { fieldLabel } from "../../../lib/problems.ts";
import { stepOfField, WIZARD_STEPS } from "../draft/steps.ts";

/** A field of the request ("subject.sex", "offences.0.category") and what to say about it. */
export interface FieldNote {
  path: string;
  text: string;
}

/**
 * Fields of the request named by their labels, each a link to the step that has it: following it
 * opens the step and puts the cursor in the field.
 */
export function FieldLinks({
  fields,
  onGo,
  testId,
}: {
  fields: readonly FieldNote[];
  onGo: (path: string) => void;
  testId: string;
}) {
  const { t } = useI18n();
  if (fields.length === 0) return null;
  return (
    <ul className="compliance-links" data-testid={testId}>
      {fields.map(({ path, text }) => {
        const step = stepOfField(path);
        const where = t("compliance.inStep", {
          n: WIZARD_STEPS.indexOf(step) + 1,
          step: t(`wizard.step.${step}`),
        });
        return (
          <li key={`${path}:${text}`}>
            <button
              type="button"
              className="btn-link"
              onClick={() => onGo(path)}
              data-testid={`${testId}-link`}
              data-field={path}
              data-step={step}
            >
              <bdi>{text}</bdi> <span className="step-hint">({where})</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The required fields still missing (a local preview of the server's check), as links to their steps. */
export function MissingFieldsPanel({
  fields,
  onGo,
}: {
  fields: readonly string[];
  onGo: (path: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const notes = fields.map((path) => ({
    path,
    text: t("findings.missing", { field: fieldLabel(`request.${path}`, i18n) }),
  }));
  return (
    <section
      className="panel findings"
      aria-labelledby="wizard-precheck-heading"
      data-testid="wizard-precheck"
    >
      <h2 id="wizard-precheck-heading">{t("wizard.precheck")}</h2>
      {fields.length === 0 ? (
        <p className="muted" data-testid="wizard-precheck-none">
          {t("findings.none")}
        </p>
      ) : (
        <FieldLinks fields={notes} onGo={onGo} testId="wizard-precheck-block" />
      )}
    </section>
  );
}
