import { useI18n } from "../../../../lib/i18n/index.tsx";
import { useCatalogue } from "../../catalogue.ts";
import { withType } from "../../draft/defaults.ts";
import { TypeBadge } from "../../parts.tsx";
import { REQUESTABLE_TYPES } from "../../types.ts";
import type { StepProps } from "./shared.tsx";

/** Step 1: the notice type, each with what it is for and what it asks of member countries. */
export function TypeStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  return (
    <fieldset className="type-choice">
      <legend>{t("wizard.chooseType")}</legend>
      <ul className="type-cards">
        {REQUESTABLE_TYPES.map((type) => (
          <li key={type}>
            <label className={`type-card${draft.type === type ? " selected" : ""}`}>
              <input
                type="radio"
                name="notice-type"
                value={type}
                checked={draft.type === type}
                onChange={() => update(withType(draft, type, catalogue(type)))}
                data-testid={`wizard-type-${type}`}
              />
              <span className="type-card-body">
                <TypeBadge type={type} />
                <span className="type-card-text">
                  <strong>{t("wizard.purpose")}</strong> {t(`noticeType.${type}.purpose`)}
                </span>
                <span className="type-card-text">
                  <strong>{t("wizard.action")}</strong> {t(`noticeType.${type}.action`)}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">{t("wizard.unSpecialNote")}</p>
    </fieldset>
  );
}
