import anyAscii from "any-ascii";
import {
  FILIATION,
  KUNYA,
  LEGAL_FORMS,
  LEGAL_PHRASES,
  NUMBER_WORDS,
  ORG_STOPWORDS,
  PARTICLES,
  SOFT_TITLES,
  TITLES,
  VESSEL_PREFIXES,
} from "./name-tables.ts";
import { fuzzyLegalForm, ORG_ABBREVIATIONS, romanNumeral } from "./org-words.ts";
import { type ReadWord, readWord, splitLatin } from "./read-script.ts";
import { collapse, latinSkeleton } from "./skeleton.ts";

/*
 * A name as written -> the parts that identify the person, in order, each with its consonant
 * skeleton. The rules are those of the names a border sees: titles dropped, particles kept but
 * weightless, "Abd al-X" / "Abdul X" / "Abdelx" made one part, "X ad-Din" / "Xuddin" one part,
 * "Abu X" one part, patronymics marked, initials marked.
 */

export type TokenKind = "word" | "initial" | "number" | "particle";

export type NameToken = {
  /** Canonical Latin form, lower-case ASCII. */
  text: string;
  skeleton: string;
  /** ISO 15924 code of the script it was written in. */
  script: string;
  /** Written without short vowels: compared by skeleton. */
  abjad: boolean;
  kind: TokenKind;
  /** A Slavic or Turkic patronymic (-ovich, -ovna, -ogly): missing on one side costs little. */
  patronymic: boolean;
  /** The name-part rule that joined it from several words, if any. */
  joined?: "abd" | "din" | "kunya" | "ullah";
  /** The characters as written, for scripts whose reading loses them (Chinese, Korean, Japanese). */
  original?: string;
  /** A title that is also a given name (Sayed, Hafiz): if left over it costs little. */
  softTitle?: boolean;
  /** Abjad words: the skeleton of another reading (Usman for Uthman, Gasmi for Qasimi). */
  skeleton2?: string;
};

export type DroppedWord = { word: string; why: "title" | "legal_form" | "stopword" };

export type ParsedName = {
  tokens: NameToken[];
  dropped: DroppedWord[];
  /** The script of the first non-Latin word, else "Latn". */
  script: string;
  /** Legal-form classes found (organisations). */
  legalForms: string[];
};

export type Schema = "Person" | "Organization" | "Company" | "LegalEntity" | "Vessel" | string;

const PATRONYMIC = /(?:ovich|evich|ovych|evych|ich|ovna|evna|ichna|ogly|oglu|ugli|uly|kyzy|qizi)$/;
/** "Abd" followed by its joining vowel and article, in every Latin spelling (abdul, abdel, abdur). */
/* The connector's consonant is consumed only when it is "l" or doubled (sun-letter assimilation:
 * Abdurrahman), so Abdurahman and Abdurrahman both give abd + rahman. */
const ABD_JOINED = /^abd(?:[aeiou](?:l|(r|s|n|d|t|z)(?=\1))?)?([a-z]{3,})$/;
const DIN_JOINED = /^([a-z]{3,}?)(?:[uea]d|[uea]dd|d)(?:i|ee|ii|y)ne?$/;
const ULLAH_JOINED = /^([a-z]{3,}?)[uoa]llah?$/;

const isOrg = (schema?: Schema) => schema !== undefined && schema !== "Person";

function token(w: ReadWord, kind?: TokenKind): NameToken {
  const k: TokenKind =
    kind ??
    (PARTICLES.has(w.text)
      ? "particle"
      : /^\d+$/.test(w.text)
        ? "number"
        : w.text.length === 1 && !w.original
          ? "initial"
          : "word");
  return {
    text: w.text,
    skeleton: w.abjad && w.skeleton !== undefined ? w.skeleton : latinSkeleton(w.text),
    script: w.script,
    abjad: w.abjad,
    kind: k,
    patronymic: !w.abjad && k === "word" && w.text.length > 6 && PATRONYMIC.test(w.text),
    ...(w.original ? { original: w.original } : {}),
    ...(w.skeleton2 ? { skeleton2: w.skeleton2 } : {}),
    ...(SOFT_TITLES.has(w.text) ? { softTitle: true } : {}),
  };
}

/** Concatenate two parts into one (Abd + Rahman), keeping the abjad skeleton when there is one. */
function join(a: NameToken, b: NameToken, rule: NameToken["joined"], text: string): NameToken {
  const abjad = a.abjad || b.abjad;
  const second =
    a.skeleton2 || b.skeleton2
      ? collapse((rule === "abd" ? "bd" : (a.skeleton2 ?? a.skeleton)) + (b.skeleton2 ?? b.skeleton))
      : undefined;
  return {
    text,
    // The parts' skeletons side by side: joining the Latin words would invent digraphs
    // (Abd + Hakim is not "dh") and keep a final h the part alone drops (Salah + Din).
    skeleton: collapse((rule === "abd" ? "bd" : a.skeleton) + b.skeleton),
    script: a.script === "Latn" ? b.script : a.script,
    abjad,
    kind: "word",
    patronymic: false,
    joined: rule,
    ...(second ? { skeleton2: second } : {}),
  };
}

/** Rewrites one Latin token that holds a joined form (Abdulrahman, Sirajuddin, Hamdullah). */
function canonicalJoined(t: NameToken): NameToken {
  if (t.abjad || t.kind !== "word") return t;
  const abd = ABD_JOINED.exec(t.text);
  if (abd) return { ...t, ...relabel("abd", abd[2] ?? ""), joined: "abd" };
  if (t.text.length >= 7) {
    const din = DIN_JOINED.exec(t.text);
    if (din) return { ...t, ...relabel(din[1] ?? "", "din"), joined: "din" };
    const ullah = ULLAH_JOINED.exec(t.text);
    if (ullah) return { ...t, ...relabel(ullah[1] ?? "", "ullah"), joined: "ullah" };
  }
  return t;
}
/** A joined form written as one word gets the text and skeleton it has written as two. */
const relabel = (head: string, tail: string) => ({
  text: head + tail,
  skeleton: collapse(latinSkeleton(head) + latinSkeleton(tail)),
});

/** Joins the multi-word forms: Abd al-X, X ad-Din, X Ullah, Abu X. */
function joinParts(tokens: NameToken[]): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as NameToken;
    const nextIndex =
      tokens[i + 1]?.kind === "particle" && !FILIATION.has(tokens[i + 1]?.text ?? "") ? i + 2 : i + 1;
    const next = tokens[nextIndex];
    const head = /^abd(?:[aeiou]?[lr]?)?$/.test(t.text) || t.text === "abdu" || t.text === "abdou";
    if (head && next && next.kind === "word") {
      out.push(join(t, next, "abd", `abd${next.text}`));
      i = nextIndex;
      continue;
    }
    if (KUNYA.has(t.text) && next && next.kind === "word") {
      out.push(
        join(
          t,
          next,
          "kunya",
          `${t.text.startsWith("u") || t.text.startsWith("o") ? "umm" : "abu"}${next.text}`,
        ),
      );
      i = nextIndex;
      continue;
    }
    const prev = out[out.length - 1];
    const suffix =
      t.text === "din" || t.text === "deen" || t.text === "dine" || t.text === "eddine" || t.text === "uddin";
    if (suffix && prev && prev.kind === "word") {
      out[out.length - 1] = join(prev, t, "din", `${prev.text}din`);
      continue;
    }
    if ((t.text === "ullah" || t.text === "allah" || t.text === "ulla") && prev && prev.kind === "word") {
      out[out.length - 1] = join(prev, t, "ullah", `${prev.text}ullah`);
      continue;
    }
    // A particle sitting between a word and "din"/"ullah" (ad-Din, al-Din) belongs to the join.
    const after = tokens[i + 1]?.text;
    if (
      t.kind === "particle" &&
      prev?.kind === "word" &&
      (after === "din" || after === "allah" || after === "ullah")
    )
      continue;
    out.push(canonicalJoined(t));
  }
  return out;
}

function readAll(text: string, schema?: Schema): ReadWord[] {
  let s = text.normalize("NFKC").trim();
  // "SURNAME, Given" as lists write it: the order is restored so the display reads naturally.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(s);
  if (comma && !isOrg(schema)) s = `${comma[2]} ${comma[1]}`;
  if (isOrg(schema)) {
    s = splitLatin(anyAscii(s))
      .map((w) => w.text)
      .join(" ");
    for (const [re, cls] of LEGAL_PHRASES) s = s.replace(re, cls);
  }
  const words = s.split(/[\s\-_/,;:()[\]{}"“”«»・·]+/).filter(Boolean);
  return words.flatMap((w) => readWord(w, words.length === 1));
}

/** Number words and ordinals to digits: "forty four" or "forty 4" -> 44, "1st" -> 1, "first" -> 1. */
function foldNumbers(words: ReadWord[]): ReadWord[] {
  const out: ReadWord[] = [];
  for (const w of words) {
    const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(w.text);
    const value = ordinal
      ? Number(ordinal[1])
      : (NUMBER_WORDS[w.text] ?? (/^\d$/.test(w.text) ? Number(w.text) : undefined));
    if (value === undefined) {
      out.push(w);
      continue;
    }
    const prev = out[out.length - 1];
    // "forty four": a unit after a round ten adds to it.
    if (prev && /^[2-9]0$/.test(prev.text) && value < 10) prev.text = String(Number(prev.text) + value);
    else out.push({ ...w, text: String(value) });
  }
  return out;
}

/** The last word of an organisation name that is not a legal form. */
function lastContentWord(words: ReadWord[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (!LEGAL_FORMS[words[i]?.text ?? ""]) return i;
  return -1;
}

const scriptOf = (words: ReadWord[]) => words.find((w) => w.script !== "Latn")?.script ?? "Latn";

export function parseName(text: string, schema?: Schema): ParsedName {
  let words = readAll(text, schema);
  if (isOrg(schema)) words = foldNumbers(words);
  if (schema === "Vessel" && words.length > 1 && VESSEL_PREFIXES.has(words[0]?.text ?? ""))
    words = words.slice(1);
  const dropped: DroppedWord[] = [];
  const legalForms: string[] = [];
  const tokens: NameToken[] = [];
  const org = isOrg(schema);
  const lastWord = org ? lastContentWord(words) : -1;
  for (const [i, w] of words.entries()) {
    if (org) {
      const abbreviation = ORG_ABBREVIATIONS[w.text];
      if (abbreviation) w.text = abbreviation;
      const legal = LEGAL_FORMS[w.text] ?? fuzzyLegalForm(w.text, i === words.length - 1);
      if (legal && words.length > 1) {
        legalForms.push(legal);
        dropped.push({ word: w.text, why: "legal_form" });
        continue;
      }
      if (ORG_STOPWORDS.has(w.text) && words.length > 2) {
        dropped.push({ word: w.text, why: "stopword" });
        continue;
      }
      // A Roman numeral closing the name numbers a series (Fund III, Trust XV).
      const roman = i === lastWord && i > 0 ? romanNumeral(w.text) : undefined;
      if (roman) w.text = String(roman);
      tokens.push(token(w, /^\d+$/.test(w.text) ? "number" : w.text.length === 1 ? "initial" : "word"));
      continue;
    }
    // An abjad reading has no vowels: عمر reads "mr", which is Omar, not Mister.
    if (TITLES.has(w.text) && words.length > 1 && !w.abjad) {
      dropped.push({ word: w.text, why: "title" });
      continue;
    }
    // "Ben" opening a name is the given name (Ben Netanyahu), not "son of".
    tokens.push(token(w, tokens.length === 0 && w.text === "ben" ? "word" : undefined));
  }
  if (!org) {
    return { tokens: joinParts(tokens), dropped, script: scriptOf(words), legalForms };
  }
  return { tokens, dropped, script: scriptOf(words), legalForms };
}

/** The parts that identify (particles removed). */
export const contentTokens = (p: ParsedName): NameToken[] => p.tokens.filter((t) => t.kind !== "particle");
