/**
 * Data for the screening speed benchmark (bench/screening.bench.ts): the listed persons (the
 * `bench/persons-data.ts` stream), generated travel document numbers in per-country formats, and
 * the travellers screened against them. Everything is a pure function of its index and seed, so
 * every part of the benchmark (in process, worker threads, PostgreSQL, HTTP) sees the same data.
 */
import { seededRandom } from "../test/seeded-random.ts";
import { type GeneratedPerson, generatePersons } from "./persons-data.ts";
import { cultures } from "./persons-names.ts";

export const PERSON_SEED = 20240926;
const TRAVELLER_SEED = 777;

/** Letters that no OCR folding changes (no O, I, L, S, B, Z, G): numbers stay distinct when folded. */
const LETTERS = "ACDEFHJKMNPRTUVWXY";
const ALNUM = `${LETTERS}0123456789`;
const digits = (v: number, w: number) => String(v).padStart(w, "0");
const letters = (v: number, w: number) => {
  let s = "";
  for (let k = 0, x = v; k < w; k++, x = Math.floor(x / LETTERS.length)) s = LETTERS[x % LETTERS.length] + s;
  return s;
};

/**
 * Issuing state and how its passport numbers look (nine characters, as most are). Each format is a
 * bijection of 0..999,999,999, so distinct values give distinct numbers within a country.
 */
const FORMATS: [country: string, render: (v: number) => string][] = [
  [
    "FRA",
    (v) =>
      `${digits(Math.floor(v / 1e5 / 324), 2)}${letters(Math.floor(v / 1e5) % 324, 2)}${digits(v % 1e5, 5)}`,
  ],
  [
    "DEU",
    (v) => {
      let s = LETTERS[v % 18] as string;
      for (let k = 0, x = Math.floor(v / 18); k < 8; k++, x = Math.floor(x / ALNUM.length))
        s += ALNUM[x % ALNUM.length];
      return s;
    },
  ],
  ["GBR", (v) => digits(v, 9)],
  ["USA", (v) => `${LETTERS[Math.floor(v / 1e8)]}${digits(v % 1e8, 8)}`],
  ["ESP", (v) => `${letters(Math.floor(v / 1e6), 3)}${digits(v % 1e6, 6)}`],
  ["ITA", (v) => `${letters(Math.floor(v / 1e7), 2)}${digits(v % 1e7, 7)}`],
  ["RUS", (v) => digits(v, 9)],
  ["TUR", (v) => `U${digits(v % 1e8, 8)}${LETTERS[Math.floor(v / 1e8)]}`],
];

/** The i-th reported document: its number and issuing state. i below 1.1e9. */
export function documentAt(i: number): { number: string; country: string } {
  // i * 7654321 stays under 2^53; the multiplier is prime to 10, so i -> v is one to one below 1e9.
  const v = (i * 7654321) % 1_000_000_000;
  const [country, render] = FORMATS[i % FORMATS.length] as (typeof FORMATS)[number];
  return { number: render(v), country };
}

/** A document reader's slip: the first character that has a look-alike read as that look-alike. */
function misread(number: string): string {
  const swap: Record<string, string> = { "0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G" };
  const i = [...number].findIndex((c) => c in swap);
  return i < 0 ? number : number.slice(0, i) + swap[number[i] as string] + number.slice(i + 1);
}

export type TravellerKind =
  | "listed, exact"
  | "listed, misspelled"
  | "listed, reordered"
  | "listed, other script or spelling"
  | "not listed";

export type Traveller = {
  kind: TravellerKind;
  /** The listed person's index (the one queried), or -1. */
  person: number;
  name: string;
  birthDate?: string;
  nationality?: string;
  sex?: "M" | "F";
  documentNumber: string;
  documentCountry: string;
  /** The number is a reported document's (possibly misread). */
  stolen: boolean;
};

/** Latin spelling -> original script, from the name tables (Arabic and Cyrillic parts). */
const nativeOf = new Map<string, string>();
for (const c of cultures)
  for (const list of [c.male, c.female, c.middle ?? [], c.family])
    for (const p of list) if (p.native) for (const l of p.latin) nativeOf.set(l.toLowerCase(), p.native);
/** Any spelling -> the other Latin spellings of the same part. */
const spellingsOf = new Map<string, string[]>();
for (const c of cultures)
  for (const list of [c.male, c.female, c.middle ?? [], c.family])
    for (const p of list) for (const l of p.latin) spellingsOf.set(l.toLowerCase(), p.latin);

const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);

/** Reads a Latin name word by word (two-word parts such as "Abd Allah" first) into another form. */
function rewrite(name: string, map: (part: string) => string | undefined): string | null {
  const words = name.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const two = i + 1 < words.length ? map(`${words[i]} ${words[i + 1]}`.toLowerCase()) : undefined;
    if (two) {
      out.push(two);
      i++;
      continue;
    }
    const one = map((words[i] as string).toLowerCase());
    if (!one) return null;
    out.push(one);
  }
  return out.join(" ");
}

/** The same person written in the original script, or with other Latin spellings of each part. */
function otherForm(p: GeneratedPerson, r: () => number): string {
  const latin = isLatin(p.name) ? p.name : (p.aliases.find(isLatin) ?? p.name);
  if (isLatin(p.name)) {
    const native = rewrite(latin, (w) => nativeOf.get(w));
    if (native) return native;
  }
  const respelled = rewrite(latin, (w) => {
    const options = spellingsOf.get(w);
    return options
      ? (options[Math.floor(r() * options.length)] as string)
      : w.replace(/^./, (c) => c.toUpperCase());
  });
  return respelled ?? latin;
}

/** Two adjacent letters of the longest Latin word swapped. */
function misspelled(p: GeneratedPerson): string {
  const latin = isLatin(p.name) ? p.name : (p.aliases.find(isLatin) ?? p.name);
  const words = latin.split(" ");
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const i = Math.max(1, Math.floor(longest.length / 2));
  const slipped = longest.slice(0, i - 1) + longest[i] + longest[i - 1] + longest.slice(i + 1);
  return words.map((w) => (w === longest ? slipped : w)).join(" ");
}

const reordered = (name: string) => {
  const w = name.split(" ");
  return w.length < 2 ? name : [w[w.length - 1], ...w.slice(0, -1)].join(" ");
};

/**
 * `count` travellers: half of them listed persons (exact, misspelled, reordered, another script or
 * spelling; drawn from the first `persons` of the stream), half travellers nobody listed (a fresh
 * stream, names from the same tables, so common names still meet listed ones); each with a document
 * number, `stolenShare` of them one of the `documents` reported (a third of those misread).
 */
export function makeTravellers(
  persons: number,
  documents: number,
  count: number,
  stolenShare = 0.03,
): Traveller[] {
  const r = seededRandom(TRAVELLER_SEED);
  const wanted = new Map<number, number>();
  const listedCount = Math.ceil(count / 2);
  while (wanted.size < Math.min(listedCount, persons)) wanted.set(Math.floor(r() * persons), wanted.size);
  const listed: Traveller[] = new Array(wanted.size);
  const kinds: TravellerKind[] = [
    "listed, exact",
    "listed, misspelled",
    "listed, reordered",
    "listed, other script or spelling",
  ];
  for (const p of generatePersons(persons, PERSON_SEED)) {
    const slot = wanted.get(p.index);
    if (slot === undefined) continue;
    const kind = kinds[slot % kinds.length] as TravellerKind;
    const name =
      kind === "listed, exact"
        ? p.name
        : kind === "listed, misspelled"
          ? misspelled(p)
          : kind === "listed, reordered"
            ? reordered(p.name)
            : otherForm(p, r);
    listed[slot] = {
      ...facts(p, r),
      kind,
      person: p.index,
      name,
      ...document(r, documents, count, slot, stolenShare, p.passportNumbers[0]),
    };
  }
  const strangers: Traveller[] = [];
  for (const p of generatePersons(count - listed.length, TRAVELLER_SEED)) {
    const slot = listed.length + strangers.length;
    strangers.push({
      ...facts(p, r),
      kind: "not listed",
      person: -1,
      name: p.name,
      ...document(r, documents, count, slot, stolenShare),
    });
  }
  // Interleaved, so any prefix of the list is the same mix.
  const out: Traveller[] = [];
  for (let i = 0; i < Math.max(listed.length, strangers.length); i++) {
    if (listed[i]) out.push(listed[i] as Traveller);
    if (strangers[i]) out.push(strangers[i] as Traveller);
  }
  return out;
}

function facts(p: GeneratedPerson, r: () => number) {
  const birthDate = p.birthDate && r() < 0.2 ? p.birthDate.slice(0, 4) : p.birthDate;
  return {
    ...(birthDate ? { birthDate } : {}),
    ...(p.nationality[0] ? { nationality: p.nationality[0] } : {}),
    ...(p.sex !== "U" ? { sex: p.sex } : {}),
  };
}

function document(
  r: () => number,
  documents: number,
  count: number,
  slot: number,
  stolenShare: number,
  own?: string,
): { documentNumber: string; documentCountry: string; stolen: boolean } {
  if (documents > 0 && r() < stolenShare) {
    const d = documentAt(Math.floor(r() * documents));
    return {
      documentNumber: r() < 1 / 3 ? misread(d.number) : d.number,
      documentCountry: d.country,
      stolen: true,
    };
  }
  // A listed person sometimes travels on the passport the listing names.
  if (own && r() < 0.2) return { documentNumber: own, documentCountry: "FRA", stolen: false };
  // Numbers past the reported ones: same formats, never reported.
  const d = documentAt(documents + (slot % Math.max(1, count)));
  return { documentNumber: d.number, documentCountry: d.country, stolen: false };
}

/** Each listed person's cluster (a planted duplicate's original, else itself), for "found" counts. */
export function clusterRoots(persons: number): Int32Array {
  const root = new Int32Array(persons);
  for (const p of generatePersons(persons, PERSON_SEED))
    root[p.index] = p.duplicateOf ? Number(p.duplicateOf.slice(1)) : p.index;
  return root;
}

/** The person index of a generated reference (`P0000042` -> 42). */
export const indexOfReference = (reference: string) => Number(reference.slice(1));

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number) : Number.NaN;
export const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

/** p50 and p99 (ms) of a list of durations in ms. */
export function latency(ms: readonly number[]): { p50: number; p99: number; n: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 0.5), p99: percentile(s, 0.99), n: s.length };
}
