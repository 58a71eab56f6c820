import { IntlMessageFormat } from "intl-messageformat";
import { isRtl, type Lang, localeOf } from "./languages.ts";

/*
 * ICU messages (FormatJS intl-messageformat): parsed once per (language, key), then formatted with the
 * reader's locale so plural categories, `{n, number}` and `select` follow that language's rules.
 *
 * Interpolated text is bidi-isolated (FSI ... PDI): in a right-to-left message every text value, in a
 * left-to-right one every value that holds right-to-left letters. "1963–1968", a notice number or a
 * Latin name inside an Arabic sentence then keeps its own order instead of taking the sentence's.
 */

export type Vars = Record<string, string | number>;
export type Ast = ReturnType<IntlMessageFormat["getAst"]>;

/** First strong isolate and pop directional isolate (Unicode bidi algorithm, UAX #9). */
export const FSI = "\u2068";
export const PDI = "\u2069";

export const isolate = (text: string): string => `${FSI}${text}${PDI}`;

/** Hebrew, Arabic, Syriac, Thaana, N'Ko... and the Arabic presentation forms. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/** The AST element kinds we look at (values of the parser's TYPE enum). */
export const EL = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7 };

/** The structural view of an AST element that the helpers below need. */
export interface Element {
  type: number;
  value?: unknown;
  pluralType?: "cardinal" | "ordinal";
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

/** How each argument of a message is used: shown as given, formatted (number/date), or selected on. */
export interface ArgUse {
  plain: Set<string>;
  formatted: Set<string>;
  select: Set<string>;
  plural: Set<string>;
}

export function argumentUses(ast: Ast): ArgUse {
  const use: ArgUse = { plain: new Set(), formatted: new Set(), select: new Set(), plural: new Set() };
  const walk = (els: Element[]): void => {
    for (const el of els) {
      const name = typeof el.value === "string" ? el.value : "";
      if (el.type === EL.argument) use.plain.add(name);
      else if (el.type === EL.number || el.type === EL.date || el.type === EL.time) use.formatted.add(name);
      else if (el.type === EL.select) use.select.add(name);
      else if (el.type === EL.plural) use.plural.add(name);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast as unknown as Element[]);
  return use;
}

/** Every argument name a message uses. */
export function argumentNames(ast: Ast): Set<string> {
  const u = argumentUses(ast);
  return new Set([...u.plain, ...u.formatted, ...u.select, ...u.plural]);
}

/** Tags are not used: `<` and `>` in a message are plain text. */
const OPTIONS = { ignoreTag: true };

/** Parses a message for a language; throws the parser's error on bad syntax. */
export function compileMessage(text: string, lang: Lang): IntlMessageFormat {
  return new IntlMessageFormat(text, localeOf(lang), undefined, OPTIONS);
}

interface Compiled {
  mf: IntlMessageFormat;
  use: ArgUse;
}

const cache = new Map<string, Compiled | null>();
const warned = new Set<string>();

function warnOnce(id: string, message: string, error: unknown): void {
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(`[i18n] ${message}`, error);
}

/** The compiled message, or null (logged once) when its text does not parse. */
function compiled(lang: Lang, key: string, text: string): Compiled | null {
  const id = `${lang}\u0000${key}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  let entry: Compiled | null = null;
  try {
    const mf = compileMessage(text, lang);
    entry = { mf, use: argumentUses(mf.getAst()) };
  } catch (error) {
    warnOnce(id, `message "${key}" (${lang}) is not valid ICU; falling back`, error);
  }
  cache.set(id, entry);
  return entry;
}

/**
 * The values as the message needs them: numbers for plural selectors, text as given (numbers too: an
 * identifier or a year passed to `{n}` is not regrouped; write `{n, number}` to format a number), and
 * text isolated where the surrounding direction could reorder it.
 */
function prepare(lang: Lang, key: string, use: ArgUse, vars: Vars): Record<string, string | number> {
  const rtl = isRtl(lang);
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) {
    if (use.plural.has(name) || use.formatted.has(name)) {
      const n = typeof value === "number" ? value : Number(value);
      if (Number.isNaN(n))
        warnOnce(`${lang}\u0000${key}\u0000${name}`, `"${key}" needs a number for {${name}}`, value);
      out[name] = Number.isNaN(n) ? value : n;
    } else if (use.select.has(name)) {
      out[name] = String(value);
    } else {
      const text = String(value);
      out[name] = text !== "" && (rtl || RTL_LETTER.test(text)) ? isolate(text) : text;
    }
  }
  return out;
}

/** The pre-ICU behaviour, kept as the last resort so that a broken message never breaks a screen. */
const substitute = (text: string, vars?: Vars): string =>
  vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;

/** No braces and no doubled apostrophe: nothing for ICU to do. */
const isPlain = (text: string): boolean => !/[{}]|''/.test(text);

/**
 * Formats `text` (the message of `key` in `lang`), falling back to `fallback` (the English text) when
 * the translation does not parse or cannot be formatted with these values.
 */
export function formatMessage(lang: Lang, key: string, text: string, fallback: string, vars?: Vars): string {
  const attempts: Array<[Lang, string]> =
    lang === "en" || text === fallback
      ? [[lang, text]]
      : [
          [lang, text],
          ["en", fallback],
        ];
  for (const [l, t] of attempts) {
    if (isPlain(t)) return t;
    const c = compiled(l, key, t);
    if (!c) continue;
    try {
      return String(c.mf.format(vars ? prepare(lang, key, c.use, vars) : undefined));
    } catch (error) {
      warnOnce(`${l}\u0000${key}\u0000format`, `message "${key}" (${l}) could not be formatted`, error);
    }
  }
  return substitute(text, vars);
}
