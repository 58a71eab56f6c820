import { useId } from "react";
import { LANGUAGES, type Lang, useI18n } from "../lib/i18n/index.tsx";

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="lang-switcher">
      <label htmlFor={id}>{t("header.language")}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => setLang(e.target.value as Lang)}
        data-testid="lang-select"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
