/*
 * What a person typed in a search box of the lists (notices, records, the public pages), read once
 * the same way everywhere: either a reference (a notice number, a UN Security Council reference)
 * matched exactly, or names matched word by word in any order. Sources write a name in every
 * order ("BAGHDADI Abu Bakr", "Abu Bakr al-Baghdadi"), with or without articles and initials, so
 * each word of the query must appear somewhere among the subject's names and aliases, as a part of
 * a word or whole, and the articles and initials may be missing.
 */

/** Published notice numbers: "2024/12345", also written "2024-12345" in addresses. */
const NOTICE_NUMBER = /^(\d{4})\s*[/-]\s*(\d{5,})$/;
/** UN Security Council references: two letters of the regime, i (individual) or e (entity), a number. */
const UN_REFERENCE = /^([a-z]{2})\s*([ie])\s*\.?\s*(\d{1,4})$/i;

/**
 * Articles and particles that sources keep or drop ("al-", "bin", "van der"): a query word among
 * these need not be found. A query made of them alone still requires them.
 */
const PARTICLES = new Set(
  "a al an ar as ash at az ad ud ul el bin bint ibn ben de del della der den di da du la le van von y".split(
    " ",
  ),
);

/** At most this many words count: a longer query is not a name, and each word costs an index scan. */
export const MAX_QUERY_WORDS = 8;

export type NameQuery = {
  /** The query as typed, trimmed (an owner's own reference is compared with it whole). */
  raw: string;
  /** Words every match must contain, lower-case, without punctuation; empty for a reference. */
  words: string[];
  /** "2024/12345" when the query is a notice number. */
  noticeNumber?: string;
  /** "QDi.299" when the query is a UN reference (the UN's spelling: three digits at least). */
  unReference?: string;
};

/** Apostrophes and their look-alikes join a word ("Du'a", "Samarra’i"): the database drops them too. */
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC\u00B4`]/gu;

/** The words of a text as the database folds them (fusion_fold, migration 022) before accents go. */
export const queryWords = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .split(/[\p{P}\p{S}\p{Z}\s]+/u)
    .filter((w) => w !== "");

export function parseNameQuery(input: string): NameQuery {
  const raw = input.trim();
  const notice = NOTICE_NUMBER.exec(raw);
  if (notice) return { raw, words: [], noticeNumber: `${notice[1]}/${notice[2]}` };
  const un = UN_REFERENCE.exec(raw);
  if (un) {
    const [, regime = "", kind = "", n = ""] = un;
    return {
      raw,
      words: [],
      unReference: `${regime.toUpperCase()}${kind.toLowerCase()}.${n.padStart(3, "0")}`,
    };
  }
  const all = [...new Set(queryWords(raw))].slice(0, MAX_QUERY_WORDS);
  const required = all.filter((w) => w.length > 1 && !PARTICLES.has(w));
  return { raw, words: required.length > 0 ? required : all };
}
