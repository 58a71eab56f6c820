import type { Page } from "playwright-core";
import { DICTIONARIES, en } from "../../web/src/lib/i18n/messages.ts";
import type { Lang } from "./a11y.ts";

/**
 * What the language sweep looks for on a page: raw message keys, unformatted ICU messages, English
 * messages left in a page shown in another language, and (at phone width) content wider than the screen.
 * Each check returns the problems it found as sentences, so that one run lists all of them.
 */

// Bidi isolates and marks that `t()` and <bdi> put around values; they are invisible and not compared.
const INVISIBLE = /[\u061c\u200e\u200f\u2066-\u2069]/g;
export const normalise = (s: string): string => s.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();

const KEYS = new Set(Object.keys(en).filter((k) => k.includes(".")));
const TOKEN = /[A-Za-z][\w-]*(?:\.[\w-]+)+/g;
// A server validation path shown as it is ("body.request.offences.0.maxPenaltyMonths").
const RAW_PATH = /\b(?:body|query|params)\.[\w.]+/g;
// An ICU argument that was not formatted ("{count, plural, ...}", "{name}").
const RAW_ICU = /\{\s*[A-Za-z_]\w*\s*(?:\}|,\s*(?:plural|select|selectordinal|number|date|time)\b)/g;

/** Raw keys, raw validation paths and unformatted ICU arguments in a page's text. */
export function rawKeys(text: string): string[] {
  const found = new Set<string>();
  for (const token of text.match(TOKEN) ?? []) if (KEYS.has(token)) found.add(`raw key "${token}"`);
  for (const path of text.match(RAW_PATH) ?? []) found.add(`raw field path "${path}"`);
  for (const icu of text.match(RAW_ICU) ?? []) found.add(`unformatted message "${icu}"`);
  return [...found];
}

/** The literal text of an ICU message outside its arguments, in pieces ("Hello {name}, bye" -> 2). */
export function literalPieces(message: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of message) {
    if (ch === "{") {
      if (depth === 0) {
        pieces.push(current);
        current = "";
      }
      depth++;
    } else if (ch === "}") {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces.map(normalise).filter(Boolean);
}

// English shorter than this is too often shared with the other languages (names, codes, "Total").
const MIN_ENGLISH = 13;

const englishByLang = new Map<Lang, { key: string; text: string }[]>();

// The server's English country names (GET /api/v1/countries): a page must show a country through
// `country()` in the reader's language, never the name as the server sends it.
const serverCountries: { code: string; name: string }[] = [];
const LOCALES: Record<Lang, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES", ar: "ar" };
// Shorter names are too often part of other words or shared with the language ("Iran", "Chad").
const MIN_COUNTRY = 5;

export function knowServerCountries(items: readonly { code: string; name: string }[]): void {
  serverCountries.splice(0, serverCountries.length, ...items);
  englishByLang.clear();
}

function countryPieces(lang: Lang): { key: string; text: string }[] {
  const names = new Intl.DisplayNames([LOCALES[lang]], { type: "region", fallback: "none" });
  const dict = DICTIONARIES[lang] as Record<string, string | undefined>;
  const pieces: { key: string; text: string }[] = [];
  for (const { code, name } of serverCountries) {
    let translated = dict[`country.${code}`];
    try {
      translated ??= names.of(code);
    } catch {
      // an entity code that is no region
    }
    const english = normalise(name);
    if (english.length >= MIN_COUNTRY && translated && !normalise(translated).includes(english))
      pieces.push({ key: `server name of ${code}`, text: english });
  }
  return pieces;
}

/** English pieces that the language translates differently, so that seeing them is a leak. */
function englishPieces(lang: Lang): { key: string; text: string }[] {
  const cached = englishByLang.get(lang);
  if (cached) return cached;
  const dict = DICTIONARIES[lang] as Record<string, string | undefined>;
  const pieces: { key: string; text: string }[] = [];
  for (const [key, message] of Object.entries(en)) {
    const translated = normalise(dict[key] ?? "");
    for (const text of literalPieces(message))
      if (text.length >= MIN_ENGLISH && !translated.includes(text)) pieces.push({ key, text });
  }
  // The dictionary's international entities are also server names: keep one piece per text.
  const known = new Set(pieces.map((p) => p.text));
  pieces.push(...countryPieces(lang).filter((p) => !known.has(p.text)));
  englishByLang.set(lang, pieces);
  return pieces;
}

/** Whether `part` occurs in `text` not as a piece of a longer word ("Jordan" in "Jordanie"). */
function wholeWords(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + part.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** Known English messages visible in a page shown in another language (one line per text). */
export function englishLeaks(lang: Lang, text: string): { text: string; keys: string[] }[] {
  if (lang === "en") return [];
  const seen = normalise(text);
  const byText = new Map<string, string[]>();
  for (const p of englishPieces(lang))
    if (wholeWords(seen, p.text)) byText.set(p.text, [...(byText.get(p.text) ?? []), p.key]);
  return [...byText].map(([t, keys]) => ({ text: t, keys }));
}

/**
 * Where a text is on the page, to name in a report: the innermost element that shows it (or carries
 * it in an attribute), by its test id or that of its nearest ancestor that has one.
 */
export async function locate(page: Page, text: string): Promise<string> {
  return page.evaluate((wanted) => {
    const clean = (s: string) => s.replace(/[\u061c\u200e\u200f\u2066-\u2069]/g, "").replace(/\s+/g, " ");
    let best: Element | null = null;
    for (const el of document.body.querySelectorAll("*")) {
      const own = el instanceof HTMLElement ? el.innerText : (el.textContent ?? "");
      const attrs = ["aria-label", "title", "placeholder", "alt"]
        .map((a) => el.getAttribute(a) ?? "")
        .join(" ");
      if (clean(own).includes(wanted) || clean(attrs).includes(wanted)) best = el;
    }
    if (!best) return "somewhere";
    const tagged = best.closest("[data-testid]");
    const tag = best.tagName.toLowerCase();
    return tagged
      ? `${tag} in [data-testid=${tagged.getAttribute("data-testid")}]`
      : `${tag}#${best.id || "?"}`;
  }, text);
}

/**
 * The page's visible text with the accessible names and hints that are not in its text. What users
 * wrote in another language (a notice's summary in English, marked with its own `lang`) is data, not
 * a message the page forgot to translate, so it is left out.
 */
export async function pageText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) return "";
    const pageLang = document.documentElement.lang;
    let text = root.innerText;
    for (const authored of root.querySelectorAll<HTMLElement>("[lang]"))
      if (authored.lang !== pageLang) text = text.replace(authored.innerText, "");
    const attrs = ["aria-label", "title", "placeholder", "alt", "aria-description"];
    const extra: string[] = [];
    for (const el of root.querySelectorAll(attrs.map((a) => `[${a}]`).join(",")))
      for (const a of attrs) {
        const v = el.getAttribute(a);
        if (v) extra.push(v);
      }
    return `${text}\n${extra.join("\n")}`;
  }, selector);
}

/** `html[lang]` and `dir` as the language needs them. */
export async function documentLanguage(page: Page, lang: Lang): Promise<string[]> {
  const { l, d } = await page.evaluate(() => ({
    l: document.documentElement.lang,
    d: document.documentElement.dir,
  }));
  const dir = lang === "ar" ? "rtl" : "ltr";
  const problems: string[] = [];
  if (l !== lang) problems.push(`html[lang] is "${l}", not "${lang}"`);
  if (d !== dir) problems.push(`html[dir] is "${d}", not "${dir}"`);
  return problems;
}

/**
 * Content wider than the screen: the document scrolls sideways, or a control of the main region lies
 * (partly) outside the screen without being inside a region that scrolls on its own (a wide table).
 */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const scroll = document.scrollingElement?.scrollWidth ?? 0;
    if (scroll > width + 1) problems.push(`the page scrolls sideways (${scroll} px wide at ${width} px)`);
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement; e && e !== document.body; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === "auto" || o === "scroll") return true;
      }
      return false;
    };
    const controls = document.querySelectorAll<HTMLElement>(
      "#main a[href], #main button, #main input, #main select, #main textarea",
    );
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (el.closest(".visually-hidden") || scrolls(el)) continue;
      if (r.left < -1 || r.right > width + 1) {
        const name =
          el.dataset.testid ?? el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40);
        problems.push(
          `${el.tagName.toLowerCase()} "${name}" lies outside the screen (${Math.round(r.left)}..${Math.round(r.right)} px)`,
        );
      }
    }
    return problems;
  });
}
