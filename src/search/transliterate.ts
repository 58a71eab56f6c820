import anyAscii from "any-ascii";

/*
 * Names arrive in the script their source wrote them in. The store keeps that original and puts
 * a Latin reading beside it, so a search typed on a Latin keyboard finds it and an officer can
 * read it. The reading comes from any-ascii's per-character tables (maintained, covering every
 * script); it is a reading aid and a search key, never a replacement for the original.
 */

/** ISO 15924 codes of the scripts a name may be written in, by Unicode script property. */
const scripts: readonly [code: string, pattern: RegExp][] = [
  ["Arab", /\p{Script=Arabic}/u],
  ["Cyrl", /\p{Script=Cyrillic}/u],
  ["Grek", /\p{Script=Greek}/u],
  ["Hebr", /\p{Script=Hebrew}/u],
  ["Geor", /\p{Script=Georgian}/u],
  ["Armn", /\p{Script=Armenian}/u],
  ["Hani", /\p{Script=Han}/u],
  ["Hira", /\p{Script=Hiragana}/u],
  ["Kana", /\p{Script=Katakana}/u],
  ["Hang", /\p{Script=Hangul}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Deva", /\p{Script=Devanagari}/u],
  ["Ethi", /\p{Script=Ethiopic}/u],
];

/** The first non-Latin script a text uses (ISO 15924), or "Latn" when it has none. */
export function scriptOf(text: string): string {
  for (const [code, pattern] of scripts) if (pattern.test(text)) return code;
  return "Latn";
}

/**
 * A Latin reading of `text`, or undefined when it is already Latin (with or without diacritics:
 * "Müller" needs no reading). Whitespace is collapsed; nothing but letters, digits, spaces,
 * hyphens and apostrophes survives, so the reading is a clean search key.
 */
export function latinReading(text: string): string | undefined {
  if (scriptOf(text) === "Latn") return undefined;
  const reading = anyAscii(text)
    .replace(/[^A-Za-z0-9' -]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return reading === "" ? undefined : reading;
}
