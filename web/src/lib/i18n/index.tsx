import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { countryName } from "./countries.ts";
import { formatDate, formatDateRange, formatDateTime, formatInstant } from "./dates.ts";
import type { Vars } from "./icu.ts";
import { isLang, LANGUAGES, type Lang, localeOf } from "./languages.ts";
import type { MessageKey } from "./messages.ts";
import { hasOwnText, translate } from "./translate.ts";

export type { Lang, MessageKey, Vars };
export { hasOwnText, LANGUAGES, translate };

const STORAGE_KEY = "fusion.lang";

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage may be disabled; fall through
  }
  const browser = navigator.language.slice(0, 2);
  return isLang(browser) ? browser : "en";
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** An ICU message in the reader's language; text values are bidi-isolated (see docs/web-i18n.md). */
  t: (key: MessageKey, vars?: Vars) => string;
  /** A date in the language's one date format ("" for null); YYYY-MM-DD is read as a calendar date. */
  date: (iso: string | null | undefined) => string;
  /** Two calendar dates as one range ("1963–1968"), bidi-isolated so it never reads backwards. */
  dateRange: (from: string, to: string) => string;
  /** A date and time in the language's one date-time format. */
  dateTime: (iso: string | null | undefined) => string;
  /** The same date-time format to the second, for audit entries and timelines. */
  instant: (iso: string | null | undefined) => string;
  num: (n: number) => string;
  /**
   * A country's name in the reader's language from its code (ISO 3166 alpha-2, any case); an
   * international entity's code from the dictionary; else `fallback` (the server's name) or the code.
   */
  country: (code: string | null | undefined, fallback?: string | null) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const meta = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = meta.dir;
  }, [lang, meta.dir]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the choice still applies to this page
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(localeOf(lang));
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      date: (iso) => formatDate(lang, iso),
      dateRange: (from, to) => formatDateRange(lang, from, to),
      dateTime: (iso) => formatDateTime(lang, iso),
      instant: (iso) => formatInstant(lang, iso),
      num: (n) => numbers.format(n),
      country: (code, fallback) => countryName(lang, code, fallback),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
