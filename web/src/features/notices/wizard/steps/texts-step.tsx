import { SelectField, TextAreaField, TextField } from "../../../../components/fields.tsx";
import { type MessageKey, useI18n } from "../../../../lib/i18n/index.tsx";
import type { NoticeDraft, TextDraft } from "../../draft/types.ts";
import { LANGUAGES } from "../../types.ts";
import { LANGUAGE_NAMES, type StepProps } from "./shared.tsx";

/** Step 4: language, title, summary, charges and translations. */

type TextKey = "title" | "summary" | "charges";

export function TextsStep({ draft, update }: StepProps) {
  const { t } = useI18n();
  const keys: TextKey[] = draft.type === "red" ? ["title", "summary", "charges"] : ["title", "summary"];
  const setText = (key: TextKey, patch: Partial<TextDraft>) => update({ [key]: { ...draft[key], ...patch } });
  const labels: Record<TextKey, MessageKey> = {
    title: "field.title",
    summary: "field.summary",
    charges: "field.charges",
  };
  return (
    <>
      <SelectField
        label={t("wizard.language")}
        hint={t("wizard.languageHint")}
        value={draft.language}
        onChange={(e) => update({ language: e.target.value as NoticeDraft["language"] })}
        testId="wizard-language"
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </SelectField>
      <div lang={draft.language} dir={draft.language === "ar" ? "rtl" : "ltr"}>
        {keys.map((key) =>
          key === "title" ? (
            <TextField
              key={key}
              label={t(labels[key])}
              maxLength={8000}
              value={draft[key].text}
              onChange={(e) => setText(key, { text: e.target.value })}
              testId={`wizard-${key}`}
            />
          ) : (
            <TextAreaField
              key={key}
              label={t(labels[key])}
              rows={key === "summary" ? 4 : 2}
              maxLength={8000}
              value={draft[key].text}
              onChange={(e) => setText(key, { text: e.target.value })}
              testId={`wizard-${key}`}
            />
          ),
        )}
      </div>
      <h3>{t("wizard.translations")}</h3>
      <p className="hint">{t("wizard.translationsHint")}</p>
      {LANGUAGES.filter((l) => l !== draft.language).map((l) => (
        <details key={l} className="translation" data-testid={`wizard-translation-${l}`}>
          <summary>{t("wizard.translationIn", { language: LANGUAGE_NAMES[l] })}</summary>
          <div lang={l} dir={l === "ar" ? "rtl" : "ltr"}>
            {keys.map((key) => (
              <TextAreaField
                key={key}
                label={`${t(labels[key])} (${LANGUAGE_NAMES[l]})`}
                rows={key === "summary" ? 3 : 1}
                maxLength={8000}
                value={draft[key].translations[l]}
                onChange={(e) =>
                  setText(key, { translations: { ...draft[key].translations, [l]: e.target.value } })
                }
                testId={`wizard-${key}-${l}`}
              />
            ))}
          </div>
        </details>
      ))}
    </>
  );
}
