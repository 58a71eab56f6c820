import anyAscii from "any-ascii";
import { doubleMetaphone } from "double-metaphone";
import { latinReading, scriptOf } from "../transliterate.ts";

/*
 * Name keys for entity resolution. A name is compared in three forms, because the same person
 * reaches the platform spelt by different bureaus in different ways:
 *  - the Latin tokens (diacritics folded, non-Latin scripts read through `latinReading`);
 *  - the consonant skeleton of each token: Arabic script is written without short vowels, so its
 *    Latin reading is "mhmd" where a French file says "Mohammed"; dropping vowels and doubled
 *    letters makes both "md", and Youssef / Yusuf / يوسف all "sf";
 *  - a phonetic key (Double Metaphone, from the maintained `double-metaphone` package), which
 *    catches the spellings that keep their vowels but change consonants (Khaled / Chaled).
 */

/** Particles that do not identify anyone: Arabic articles and filiation words, Dutch/German ones. */
const PARTICLES = new Set([
  "al",
  "el",
  "ul",
  "bin",
  "ben",
  "ibn",
  "bint",
  "van",
  "von",
  "der",
  "de",
  "da",
  "la",
]);

export type NameForm = {
  /** Latin tokens, lower case, particles removed. */
  tokens: string[];
  /** Consonant skeleton of each token (same order). */
  skeletons: string[];
  /** Double Metaphone primary key of each token (same order). */
  phonetic: string[];
  /** Each token's number in the shared vocabulary (-1 past its cap), for the similarity cache. */
  ids: number[];
};

/*
 * Names repeat: a million persons use a few hundred thousand distinct tokens. Token pairs are
 * numbered and their similarity computed once (the cache is bounded and simply restarts when full).
 */
const VOCABULARY_CAP = 2 ** 21;
const vocabulary = new Map<string, number>();
const CACHE_CAP = 4_000_000;
let similarityCache = new Map<number, number>();
function tokenId(token: string): number {
  const known = vocabulary.get(token);
  if (known !== undefined) return known;
  if (vocabulary.size >= VOCABULARY_CAP) return -1;
  vocabulary.set(token, vocabulary.size);
  return vocabulary.size - 1;
}

/** The Latin reading of a name: non-Latin scripts transliterated, Latin diacritics folded. */
export function latinForm(name: string): string {
  if (scriptOf(name) === "Arab") {
    // The article "al-" is written joined to its word; cut it before reading, as the Latin
    // spellings either drop it or write it apart (Al-Hashimi, El Hachemi, Hashimi).
    const bare = name.replace(/(^|\s)ال(?=\S{2,})/gu, "$1");
    return (latinReading(bare) ?? bare).replace(/'/g, "");
  }
  return latinReading(name) ?? anyAscii(name);
}

/** Consonants only, repeats collapsed, a few equivalent letters folded. */
export function skeleton(token: string): string {
  const folded = token
    .replace(/kh|ch|q|c/g, "k")
    .replace(/sh/g, "x")
    .replace(/ph/g, "f")
    .replace(/([tdg])h/g, "$1")
    .replace(/[aeiouyw'`]/g, "");
  let out = "";
  for (const ch of folded) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

export function nameForm(name: string): NameForm {
  const tokens = latinForm(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !PARTICLES.has(t));
  return {
    tokens,
    skeletons: tokens.map(skeleton),
    phonetic: tokens.map((t) => doubleMetaphone(t)[0]),
    ids: tokens.map(tokenId),
  };
}

/** Jaro-Winkler similarity of two strings (0..1), with the usual prefix scale 0.1 up to 4 letters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedB = new Uint8Array(lb);
  const matchedA = new Uint8Array(la);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** How alike two tokens are, taking the best of the three forms (cached by token numbers). */
function tokenSimilarity(a: NameForm, i: number, b: NameForm, j: number): number {
  const x = a.ids[i] as number;
  const y = b.ids[j] as number;
  if (x < 0 || y < 0) return computeSimilarity(a, i, b, j);
  const key = x < y ? x * VOCABULARY_CAP + y : y * VOCABULARY_CAP + x;
  const cached = similarityCache.get(key);
  if (cached !== undefined) return cached;
  const s = computeSimilarity(a, i, b, j);
  if (similarityCache.size >= CACHE_CAP) similarityCache = new Map();
  similarityCache.set(key, s);
  return s;
}

function computeSimilarity(a: NameForm, i: number, b: NameForm, j: number): number {
  const jw = jaroWinkler(a.tokens[i] as string, b.tokens[j] as string);
  if (jw >= 0.95) return jw;
  const sa = a.skeletons[i] as string;
  // A skeleton of one letter says too little (Ali, Ola, Eli all "l").
  if (sa.length >= 2 && sa === b.skeletons[j]) return Math.max(jw, 0.92);
  if (a.phonetic[i] && a.phonetic[i] === b.phonetic[j]) return Math.max(jw, 0.9);
  return jw;
}

/**
 * Similarity of two names regardless of token order (0..1): each token of the shorter name is
 * paired with its best match in the other, and a missing token (a dropped middle name) costs a
 * little, not the whole match.
 */
export function nameSimilarity(a: NameForm, b: NameForm): number {
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (short.tokens.length === 0) return 0;
  const used = new Uint8Array(long.tokens.length);
  let sum = 0;
  for (let i = 0; i < short.tokens.length; i++) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < long.tokens.length; j++) {
      if (used[j]) continue;
      const s = tokenSimilarity(short, i, long, j);
      if (s > best) {
        best = s;
        at = j;
      }
    }
    if (at >= 0) used[at] = 1;
    sum += best;
  }
  const coverage = short.tokens.length / long.tokens.length;
  // One token alone ("Ali") proves little: cap it below any full-name match.
  const single = short.tokens.length === 1 ? 0.8 : 1;
  return (sum / short.tokens.length) * (0.85 + 0.15 * coverage) * single;
}
