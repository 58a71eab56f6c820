import { formatMessage, type Vars } from "./icu.ts";
import type { Lang } from "./languages.ts";
import { DICTIONARIES, en, type MessageKey, type Messages } from "./messages.ts";

const BY_LANG: Record<Lang, Partial<Messages>> = DICTIONARIES;

/** The message of `key` in `lang` (English where the language lacks it), formatted as ICU. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const english = en[key] ?? key;
  return formatMessage(lang, key, BY_LANG[lang][key] ?? english, english, vars);
}

/** True when the language has its own text for the key (not the English fallback). */
export const hasOwnText = (lang: Lang, key: string): boolean =>
  key in en && BY_LANG[lang][key as MessageKey] !== undefined;
