import { doubleMetaphone } from "double-metaphone";
import { NICKNAME_GROUP, VARIANT_GROUP } from "./name-tables.ts";
import type { NameToken } from "./parse-name.ts";

/*
 * How alike two name parts are, and why: the reason is what the explanation shows. The score
 * scale is shared by every rule so the name score can average them: 1 is the same part, about 0.9
 * the same part spelt otherwise, 0.8 a likely but uncertain match, below 0.75 not the same part.
 */

export type TokenHow =
  | "exact"
  | "transliterated"
  | "variant"
  | "nickname"
  | "spelling"
  | "phonetic"
  | "typo"
  | "initial"
  | "article"
  | "acronym"
  | "similar"
  | "different";

export type TokenMatch = { score: number; how: TokenHow };

const DIFFERENT: TokenMatch = { score: 0, how: "different" };

/* Three rows reused by every call (the comparison runs thousands of times a query): no allocation. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Restricted Damerau-Levenshtein distance (a swap of neighbours costs one), stopped past `max`. */
export function editDistance(a: string, b: string, max = 8): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb + 1 > rows[0].length)
    rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
  let [prev2, prev, cur] = rows;
  prev2.fill(0, 0, lb + 1);
  cur.fill(0, 0, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb] as number;
}

const metaphoneCache = new Map<string, [string, string]>();
function metaphone(text: string): [string, string] {
  let m = metaphoneCache.get(text);
  if (!m) {
    if (metaphoneCache.size > 200_000) metaphoneCache.clear();
    m = doubleMetaphone(text);
    metaphoneCache.set(text, m);
  }
  return m;
}

/** The primary Double Metaphone key of a Latin token (a blocking key of the index). */
export const phoneticKey = (text: string): string => metaphone(text)[0];

function initialMatch(a: NameToken, b: NameToken): TokenMatch {
  if (a.kind === "initial" && b.kind === "initial")
    return a.text === b.text ? { score: 1, how: "exact" } : DIFFERENT;
  const [initial, full] = a.kind === "initial" ? [a, b] : [b, a];
  return full.text.startsWith(initial.text) ? { score: 0.85, how: "initial" } : DIFFERENT;
}

/*
 * An abjad reading (no vowels) against another reading: only the skeletons can agree, and a short
 * skeleton says little (Ali, Ola and Eli are all "l"), so agreement counts by skeleton length.
 */
const SKELETON_AGREES = [0, 0.8, 0.86, 0.9, 0.93];
function abjadMatch(a: NameToken, b: NameToken): TokenMatch {
  if (a.abjad && b.abjad) {
    if (a.text === b.text) return { score: 1, how: "exact" };
    if (a.skeleton === b.skeleton) return { score: 0.95, how: "spelling" };
    return a.skeleton.length >= 3 && editDistance(a.skeleton, b.skeleton, 1) <= 1
      ? { score: 0.8, how: "typo" }
      : DIFFERENT;
  }
  const [abjad, latin] = a.abjad ? [a, b] : [b, a];
  // Arabic has no p: a Western name is written with b (Pérez: بيريز), Persian keeps its own letter.
  const sl = latin.skeleton;
  const withB = abjad.script === "Arab" && sl.includes("p") ? sl.replace(/p/g, "b") : undefined;
  let best =
    withB && withB === abjad.skeleton && withB.length >= 3
      ? { score: 0.86, how: "transliterated" as const }
      : DIFFERENT;
  for (const sa of abjad.skeleton2 ? [abjad.skeleton, abjad.skeleton2] : [abjad.skeleton]) {
    if (sa === sl && sa.length > 0) {
      const score = SKELETON_AGREES[Math.min(4, sa.length)] as number;
      if (score > best.score) best = { score, how: "transliterated" };
    } else if (Math.min(sa.length, sl.length) >= 4 && editDistance(sa, sl, 1) <= 1 && best.score < 0.8)
      best = { score: 0.8, how: "transliterated" };
  }
  return best;
}

const stripArticle = (t: string) => (/^(?:al|el|ul)[a-z]{4,}$/.test(t) ? t.slice(2) : t);

function latinMatch(a: NameToken, b: NameToken): TokenMatch {
  const x = a.text;
  const y = b.text;
  const crossScript = a.script !== b.script;
  if (x === y) return { score: 1, how: crossScript ? "transliterated" : "exact" };
  const va = VARIANT_GROUP.get(x);
  if (va !== undefined && va === VARIANT_GROUP.get(y)) return { score: 0.93, how: "variant" };
  const m = Math.min(x.length, y.length);
  const l = Math.max(x.length, y.length);
  const d = editDistance(x, y, 4);
  const spelled = crossScript ? "transliterated" : undefined;
  if (d === 1 && m >= 4) return { score: 0.9, how: spelled ?? "typo" };
  const skeletonAgrees =
    a.skeleton === b.skeleton && (a.skeleton.length >= 3 || (a.skeleton.length === 2 && x[0] === y[0]));
  if (skeletonAgrees) return { score: 0.9, how: spelled ?? "spelling" };
  const ax = stripArticle(x);
  const by = stripArticle(y);
  if ((ax !== x || by !== y) && ax === by) return { score: 0.95, how: "article" };
  const na = NICKNAME_GROUP.get(x);
  if (na !== undefined && na === NICKNAME_GROUP.get(y)) return { score: 0.85, how: "nickname" };
  // Latvian, Lithuanian and Greek add -s to a man's name (Sergejs, Lavrovs, Giorgos): the stem decides.
  const [withS, without] = x.endsWith("s") ? [a, b] : [b, a];
  if (withS.text.length >= 6 && withS.text.endsWith("s") && !without.text.endsWith("s")) {
    const stem = withS.text.slice(0, -1);
    const group = VARIANT_GROUP.get(stem);
    if (
      editDistance(stem, without.text, 1) <= 1 ||
      (group !== undefined && group === VARIANT_GROUP.get(without.text))
    )
      return { score: 0.86, how: spelled ?? "spelling" };
  }
  if (d === 1 && m === 3) return { score: 0.8, how: spelled ?? "typo" };
  if (d === 2 && m >= 7) return { score: 0.86, how: spelled ?? "typo" };
  const ratio = 1 - d / l;
  // Double Metaphone alone is loose on short keys (Vita / Fuad are both FT): it must agree with
  // a fair share of the letters too.
  if (m >= 3 && ratio >= 0.5) {
    const [p1, s1] = metaphone(x);
    const [p2, s2] = metaphone(y);
    if (p1.length >= 3 && (p1 === p2 || p1 === s2 || s1 === p2))
      return { score: 0.84, how: spelled ?? "phonetic" };
  }
  if (ratio >= 0.7) return { score: ratio * 0.92, how: "similar" };
  return { score: Math.max(0, ratio) * 0.6, how: "different" };
}

/** Chinese, Japanese and Korean names read alike for different characters: compare what is written. */
export const IDEOGRAPHIC = new Set(["Hani", "Hang", "Hira", "Kana"]);

/*
 * A Chinese, Korean or Japanese reading against a Latin spelling. The reading is spelt with its
 * vowels, so a consonant skeleton would say far too much (Sangho and Song, Chen and Chun agree on
 * it); what differs between the Latin conventions is folded instead, and the rest must agree.
 * Korean: Revised Romanization (what the reading gives: Gang, Jeong, Seok) against
 * McCune-Reischauer as lists write it (Kang, Chong, Sok). Chinese: pinyin against Wade-Giles
 * (Hsi, Tse-tung, Chin-ping). Japanese: Hepburn against Kunrei (shi / si, tsu / tu, fu / hu).
 */
const FOLDS: Record<string, [RegExp, string][]> = {
  Hang: [
    [/yeo/g, "yo"],
    [/eo/g, "o"],
    [/eu/g, "u"],
    [/oo/g, "u"],
    // Myung, Jung, Sung: the popular spelling of myeong, jeong, seong.
    [/u(?=ng)/g, "o"],
    [/ou/g, "o"],
    [/ee/g, "i"],
    [/tch|ch|j/g, "c"],
    [/s?sh|ss/g, "s"],
    [/kk|gg|g/g, "k"],
    [/tt|dd|d/g, "t"],
    [/pp|bb|b/g, "p"],
    [/r/g, "l"],
  ],
  Hani: [
    [/hs/g, "x"],
    [/tz|ts|c(?!h)/g, "z"],
    [/zh|ch|j|q/g, "j"],
    [/g/g, "k"],
    [/d/g, "t"],
    [/b/g, "p"],
    [/ung/g, "ong"],
    [/ieh/g, "ie"],
    [/ien/g, "ian"],
    [/ih$/g, "i"],
  ],
  Kana: [
    [/ou|oo|oh/g, "o"],
    [/uu/g, "u"],
    [/sh/g, "s"],
    [/ch/g, "t"],
    [/ts/g, "t"],
    [/f/g, "h"],
    [/j/g, "z"],
    [/m(?=[bp])/g, "n"],
  ],
};
FOLDS.Hira = FOLDS.Kana as [RegExp, string][];

export function romanisationFold(text: string, script: string): string {
  let s = text;
  for (const [re, to] of FOLDS[script] ?? []) s = s.replace(re, to);
  return s;
}

function eastAsianMatch(a: NameToken, b: NameToken): TokenMatch {
  const script = a.original && IDEOGRAPHIC.has(a.script) ? a.script : b.script;
  if (a.text === b.text) return { score: 0.95, how: "transliterated" };
  const va = VARIANT_GROUP.get(a.text);
  if (va !== undefined && va === VARIANT_GROUP.get(b.text)) return { score: 0.93, how: "variant" };
  const x = romanisationFold(a.text, script);
  const y = romanisationFold(b.text, script);
  if (x === y) return { score: 0.92, how: "transliterated" };
  if (Math.min(x.length, y.length) >= 6 && editDistance(x, y, 1) <= 1)
    return { score: 0.8, how: "transliterated" };
  // Katakana spells foreign names with vowels of its own (Barack: baraku): their consonants agree.
  if ((script === "Kana" || script === "Hira") && a.skeleton === b.skeleton && a.skeleton.length >= 3)
    return { score: 0.86, how: "transliterated" };
  return DIFFERENT;
}

export function tokenSimilarity(a: NameToken, b: NameToken): TokenMatch {
  if (a.script === b.script && IDEOGRAPHIC.has(a.script) && a.original && b.original)
    return a.original === b.original ? { score: 1, how: "exact" } : { score: 0, how: "different" };
  if ((a.original || b.original) && a.script !== b.script && a.kind === "word" && b.kind === "word")
    return eastAsianMatch(a, b);
  if (a.kind === "initial" || b.kind === "initial") return initialMatch(a, b);
  if (a.kind === "number" || b.kind === "number")
    return a.text === b.text ? { score: 1, how: "exact" } : { score: 0, how: "different" };
  if (a.abjad || b.abjad) return abjadMatch(a, b);
  return latinMatch(a, b);
}
