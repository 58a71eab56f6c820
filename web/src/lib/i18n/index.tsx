import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { DICTIONARIES, en, type MessageKey, type Messages } from "./messages.ts";

export type { MessageKey };

export const LANGUAGES = [
  { code: "en", label: "English", locale: "en-GB", dir: "ltr" },
  { code: "fr", label: "Français", locale: "fr-FR", dir: "ltr" },
  { code: "es", label: "Español", locale: "es-ES", dir: "ltr" },
  // Latin digits keep identifiers, counts and dates comparable with what other bureaus see.
  { code: "ar", label: "العربية", locale: "ar-u-nu-latn", dir: "rtl" },
] as const;

export type Lang = (typeof LANGUAGES)[number]["code"];
type Vars = Record<string, string | number>;

const BY_LANG: Record<Lang, Partial<Messages>> = DICTIONARIES;
const STORAGE_KEY = "fusion.lang";

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = BY_LANG[lang][key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** True when the language has its own text for the key (not the English fallback). */
export const hasOwnText = (lang: Lang, key: string): boolean =>
  key in en && BY_LANG[lang][key as MessageKey] !== undefined;

const isLang = (v: unknown): v is Lang => LANGUAGES.some((l) => l.code === v);

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
  t: (key: MessageKey, vars?: Vars) => string;
  /** A date or instant, formatted for the language ("" for null). */
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** To the second, for audit entries. */
  instant: (iso: string | null | undefined) => string;
  num: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const f = new Intl.DateTimeFormat(locale, options);
  return (iso: string | null | undefined): string => {
    if (!iso) return "";
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
}

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
    const numbers = new Intl.NumberFormat(meta.locale);
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      date: formatter(meta.locale, { dateStyle: "medium" }),
      dateTime: formatter(meta.locale, { dateStyle: "short", timeStyle: "short" }),
      instant: formatter(meta.locale, { dateStyle: "short", timeStyle: "medium" }),
      num: (n) => numbers.format(n),
    };
  }, [lang, meta.locale, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
