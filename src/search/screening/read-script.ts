import anyAscii from "any-ascii";
import { scriptOf } from "../transliterate.ts";
import { abjadSkeleton, secondSkeleton } from "./skeleton.ts";

/*
 * One written word to the Latin words it reads as. The Latin reading of every script comes from
 * any-ascii (maintained per-character tables); what is written here is what those tables cannot
 * know: that Arabic joins its article and "Abd" to the next word, that an abjad reading has no
 * vowels (so it is compared by skeleton), and how Chinese and Korean names split into family
 * name and given name once the syllables are read.
 */

export type ReadWord = {
  /** Lower-case ASCII reading. */
  text: string;
  /** ISO 15924 code of the script the word was written in. */
  script: string;
  /** Written without short vowels (Arabic script, Hebrew): only the skeleton is reliable. */
  abjad: boolean;
  /** The abjad skeleton, taken from the letters themselves (abjad words only). */
  skeleton?: string;
  /** The word was an Arabic article joined to its noun ("al-"), now cut off. */
  article?: boolean;
  /** The characters as written (Chinese, Japanese, Korean), whose reading loses distinctions. */
  original?: string;
  /** The skeleton of another reading (Persian s/z, qaf as g, Latin digraphs), when it differs. */
  skeleton2?: string;
};

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const HEBREW_MARKS = /[\u0591-\u05C7]/g;

/** Arabic-script words with a fixed Latin form that the name rules know. */
const ARABIC_WORDS: Record<string, string> = {
  عبد: "abd",
  أبو: "abu",
  ابو: "abu",
  أبي: "abu",
  ابي: "abu",
  بن: "bin",
  ابن: "bin",
  إبن: "bin",
  بنت: "bint",
  ولد: "ould",
  أم: "umm",
  ام: "umm",
  الدين: "din",
  الله: "allah",
};

const plain = (s: string) =>
  anyAscii(s)
    .toLowerCase()
    .replace(/['`]/g, "")
    .replace(/[^a-z0-9]+/g, "");

function readArabic(word: string): ReadWord[] {
  const bare = word.replace(ARABIC_MARKS, "");
  // Persian writes ya and kaf with its own letters: the fixed words are looked up in Arabic ones.
  const fixed = ARABIC_WORDS[bare.replace(/ی/g, "ي").replace(/ک/g, "ك")];
  if (fixed) return [{ text: fixed, script: "Arab", abjad: false }];
  // "Abd" written joined to the name it serves (عبدالله): read as the Latin rules expect it.
  if (bare.startsWith("عبد") && bare.length > 4) {
    const rest = bare.slice(3).replace(/^ال/, "");
    return [{ text: "abd", script: "Arab", abjad: false }, ...readArabic(rest)];
  }
  // A name run into the "Abd" that serves the next word (محمدعبد البصير): read apart.
  if (bare.endsWith("عبد") && bare.length > 4)
    return [...readArabic(bare.slice(0, -3)), { text: "abd", script: "Arab", abjad: false }];
  let core = bare;
  let article = false;
  if (/^(?:ال|آل)/.test(bare) && bare.length > 3) {
    core = bare.slice(2);
    article = true;
  }
  const text = plain(core);
  if (!text) return [];
  const skeleton2 = secondSkeleton(core);
  return [
    {
      text,
      script: "Arab",
      abjad: true,
      skeleton: abjadSkeleton(core),
      article,
      ...(skeleton2 ? { skeleton2 } : {}),
    },
  ];
}

/** Syllables of a Chinese or Korean reading: any-ascii capitalises each ("XiJinPing"). */
function familyAndGiven(word: string, script: string): ReadWord[] {
  const chars = [...word.replace(/[^\p{L}]/gu, "")];
  const read = (cs: string[]) =>
    anyAscii(cs.join(""))
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  if (chars.length < 2) return [{ text: read(chars), script, abjad: false, original: chars.join("") }];
  // One-character family name first, as Chinese and Korean write it; the given name is the rest.
  const [family = "", ...given] = chars;
  return [
    { text: read([family]), script, abjad: false, original: family },
    { text: read(given), script, abjad: false, original: given.join("") },
  ];
}

/**
 * The Latin words one written word (no spaces) reads as. `alone`: the word is the whole name, so a
 * Chinese or Korean name is split into family name and given name.
 */
export function readWord(word: string, alone = false): ReadWord[] {
  const script = scriptOf(word);
  switch (script) {
    case "Arab":
      return readArabic(word);
    case "Hebr": {
      const bare = word.replace(HEBREW_MARKS, "");
      const text = plain(bare);
      return text ? [{ text, script, abjad: true, skeleton: abjadSkeleton(bare) }] : [];
    }
    case "Hani":
    case "Hang":
      if (alone) return familyAndGiven(word, script);
      return [{ text: plain(word), script, abjad: false, original: word }];
    case "Hira":
    case "Kana": {
      const text = plain(word);
      return text ? [{ text, script, abjad: false, original: word }] : [];
    }
    default:
      return splitLatin(anyAscii(word), script);
  }
}

/** Latin (or Latin-read) text into lower-case words; dotted abbreviations (L.L.C.) are joined. */
export function splitLatin(text: string, script = "Latn"): ReadWord[] {
  const s = text
    .toLowerCase()
    .replace(/['’‘`´ʿʾ]/g, "")
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ""))
    .replace(/&/g, " and ");
  return s
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((text) => ({ text, script, abjad: false }));
}
