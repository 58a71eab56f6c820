/**
 * Seeded, deterministic generator of realistic persons for the persons benchmarks (entity
 * resolution, search latency). The same (n, seed) always gives the same persons, in order.
 *
 * Names come from several naming cultures (Arabic, Russian/Caucasian, Western European, Turkish,
 * Somali, South Asian), each name part with its usual Latin spellings and, for Arabic and
 * Cyrillic, its spelling in the original script. A known fraction of the persons are cross-country
 * duplicates of an earlier person: entered by another bureau with the variations real submissions
 * show (another transliteration, the original script, swapped name order, a dropped middle name, a
 * year-only date of birth, a typo). Each duplicate names the person it duplicates (`duplicateOf`,
 * always the first person of its cluster), so the true pairs are known: `truePairKeys`.
 *
 * Memory stays bounded: duplicates are drawn from a window of the last 20,000 originals.
 */
import { seededRandom } from "../test/seeded-random.ts";
import { type Culture, cultures, type NamePart } from "./persons-names.ts";

export interface GeneratedPerson {
  /** Position in the stream, from 0. */
  index: number;
  /** The owner's own key, unique overall: `P0000042`. */
  reference: string;
  /** The bureau that entered the person (ISO alpha-2). */
  owner: string;
  /** The name as the owner wrote it (possibly Arabic or Cyrillic script). */
  name: string;
  aliases: string[];
  /** Weak aliases (a kunya such as "Abu Bilal"): shared by many, FtM `weakAlias`. */
  weakAliases: string[];
  /** `YYYY-MM-DD`, `YYYY`, or absent. */
  birthDate?: string;
  /** ISO alpha-2, upper case. */
  nationality: string[];
  sex: "M" | "F" | "U";
  passportNumbers: string[];
  idNumbers: string[];
  /** The reference of the cluster's first person when this person is a planted duplicate. */
  duplicateOf?: string;
}

/** Share of generated persons that duplicate an earlier one. */
export const DUPLICATE_RATE = 0.1;
const WINDOW = 20_000;

/** The unordered key of a pair of references, as `truePairKeys` returns it. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every true duplicate pair (all pairs within each cluster) of a generated stream. */
export function truePairKeys(persons: Iterable<GeneratedPerson>): Set<string> {
  const clusters = new Map<string, string[]>();
  for (const p of persons) {
    if (!p.duplicateOf) continue;
    const members = clusters.get(p.duplicateOf) ?? [p.duplicateOf];
    members.push(p.reference);
    clusters.set(p.duplicateOf, members);
  }
  const keys = new Set<string>();
  for (const members of clusters.values())
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++)
        keys.add(pairKey(members[i] as string, members[j] as string));
  return keys;
}

/** The person as FtM `Person` properties (FtM writes countries lower case). */
export function toFtmProperties(p: GeneratedPerson): Record<string, string[]> {
  const props: Record<string, string[]> = { name: [p.name] };
  if (p.aliases.length) props.alias = p.aliases;
  if (p.weakAliases.length) props.weakAlias = p.weakAliases;
  if (p.birthDate) props.birthDate = [p.birthDate];
  if (p.nationality.length) props.nationality = p.nationality.map((c) => c.toLowerCase());
  if (p.sex !== "U") props.gender = [p.sex === "M" ? "male" : "female"];
  if (p.passportNumbers.length) props.passportNumber = p.passportNumbers;
  if (p.idNumbers.length) props.idNumber = p.idNumbers;
  return props;
}

/** The parts a person is built from, kept for its duplicates to vary. */
interface Identity {
  reference: string;
  owner: string;
  culture: Culture;
  sex: "M" | "F";
  given: NamePart;
  middle?: NamePart;
  family: NamePart;
  year: number;
  month: number;
  day: number;
  nationality: string[];
  passport?: string;
  idNumber?: string;
}

type Rand = () => number;
const pickOf = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Generates `n` persons from `seed`; the signature is used by several benchmarks, keep it. */
export function* generatePersons(n: number, seed: number): Generator<GeneratedPerson> {
  const r = seededRandom(seed);
  const window: Identity[] = [];
  for (let index = 0; index < n; index++) {
    const reference = `P${pad(index, 7)}`;
    if (window.length > 100 && r() < DUPLICATE_RATE) {
      const original = pickOf(r, window);
      yield duplicate(r, original, index, reference);
      continue;
    }
    const id = newIdentity(r, reference);
    if (window.length < WINDOW) window.push(id);
    else window[index % WINDOW] = id;
    yield render(r, id, index, id.owner, false);
  }
}

function newIdentity(r: Rand, reference: string): Identity {
  const culture = pickOf(r, cultures);
  const sex = r() < 0.8 ? "M" : "F";
  const givens = sex === "M" ? culture.male : culture.female;
  const nationality = [pickOf(r, culture.countries)];
  if (r() < 0.08) nationality.push(pickOf(r, ["FR", "DE", "BE", "GB", "SE", "NL", "TR"]));
  const id: Identity = {
    reference,
    owner: r() < 0.5 ? (nationality[0] as string) : pickOf(r, culture.reporters),
    culture,
    sex,
    given: pickOf(r, givens),
    middle: undefined,
    family: feminise(pickOf(r, culture.family), sex, culture),
    year: 1960 + Math.floor(r() * 46),
    month: 1 + Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 28),
    nationality,
  };
  // A middle (or father's) name, never the given name again.
  const middle = r() < culture.middleRate ? pickOf(r, culture.middle ?? culture.male) : undefined;
  if (middle && middle !== id.given) id.middle = middle;
  if (r() < 0.35) id.passport = passportNumber(r);
  if (r() < 0.2) id.idNumber = `${pad(Math.floor(r() * 1e6), 6)}${pad(Math.floor(r() * 1e6), 6)}`;
  return id;
}

/** Russian-style surnames take a feminine ending (Ivanov -> Ivanova, Иванов -> Иванова). */
function feminise(part: NamePart, sex: "M" | "F", culture: Culture): NamePart {
  if (sex === "M" || !culture.feminine) return part;
  const latin = part.latin.map((s) => (/(ov|ev|in)$/.test(s) ? `${s}a` : s));
  const native = part.native && /(ов|ев|ин)$/.test(part.native) ? `${part.native}а` : part.native;
  return { latin, native };
}

function passportNumber(r: Rand): string {
  const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
  const prefix = r() < 0.6 ? `${pickOf(r, [...letters])}${pickOf(r, [...letters])}` : "";
  return `${prefix}${pad(Math.floor(r() * 1e7), prefix ? 7 : 9)}`;
}

/** How a bureau writes the identity: script, spelling, order, date precision, identifiers. */
interface Rendering {
  variant: boolean;
  native: boolean;
  swap: boolean;
  dropMiddle: boolean;
  yearOnly: boolean;
  noDate: boolean;
  typo: boolean;
}

function render(
  r: Rand,
  id: Identity,
  index: number,
  owner: string,
  dup: boolean,
  how?: Rendering,
): GeneratedPerson {
  const h = how ?? {
    variant: false,
    native: id.culture.script !== undefined && id.culture.countries.includes(owner) && r() < 0.5,
    swap: false,
    dropMiddle: false,
    yearOnly: r() < 0.15,
    noDate: r() < 0.05,
    typo: false,
  };
  const parts = [id.given, ...(id.middle && !h.dropMiddle ? [id.middle] : []), id.family];
  const spell = (p: NamePart) => {
    if (h.native && p.native) return p.native;
    return h.variant ? pickOf(r, p.latin) : (p.latin[0] as string);
  };
  let words = parts.map(spell);
  if (h.typo) words = typoIn(r, words);
  if (h.swap) words = [words[words.length - 1] as string, ...words.slice(0, -1)];
  const name = words.join(" ");
  const aliases: string[] = [];
  // A bureau writing the original script usually adds its Latin form, as an alias.
  if (h.native) aliases.push(parts.map((p) => p.latin[0]).join(" "));
  const weakAliases = r() < 0.15 ? [`Abu ${pickOf(r, id.culture.male).latin[0]}`] : [];
  const date = `${id.year}-${pad(id.month, 2)}-${pad(id.day, 2)}`;
  return {
    index,
    reference: `P${pad(index, 7)}`,
    owner,
    name,
    aliases,
    weakAliases,
    birthDate: h.noDate ? undefined : h.yearOnly ? String(id.year) : date,
    nationality: dup && r() < 0.2 ? [] : id.nationality,
    sex: dup && r() < 0.1 ? "U" : id.sex,
    passportNumbers:
      id.passport && (!dup || r() < 0.45) ? [dup && r() < 0.3 ? spaced(id.passport) : id.passport] : [],
    idNumbers: id.idNumber && (!dup || r() < 0.4) ? [id.idNumber] : [],
  };
}

/** A duplicate of `original`, entered by another bureau with one to three variations. */
function duplicate(r: Rand, original: Identity, index: number, reference: string): GeneratedPerson {
  let owner = pickOf(r, original.culture.reporters);
  if (owner === original.owner) owner = pickOf(r, ["FR", "DE", "TR", "IQ", "US", "GB", "BE", "RU"]);
  if (owner === original.owner) owner = original.owner === "CH" ? "AT" : "CH";
  const how: Rendering = {
    variant: r() < 0.6,
    native: original.culture.script !== undefined && r() < 0.3,
    swap: r() < 0.2,
    dropMiddle: r() < 0.5,
    yearOnly: r() < 0.3,
    noDate: r() < 0.05,
    typo: r() < 0.25,
  };
  const person = render(r, original, index, owner, true, how);
  return { ...person, reference, duplicateOf: original.reference };
}

/** One keyboard slip in a Latin word: a letter dropped, doubled, or two letters swapped. */
function typoIn(r: Rand, words: string[]): string[] {
  const i = Math.floor(r() * words.length);
  const w = words[i] as string;
  if (w.length < 4 || !/^[A-Za-z]/.test(w)) return words;
  const at = 1 + Math.floor(r() * (w.length - 2));
  const kind = r();
  const changed =
    kind < 0.4
      ? w.slice(0, at) + w.slice(at + 1)
      : kind < 0.7
        ? w.slice(0, at) + w[at] + w.slice(at)
        : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.map((x, j) => (j === i ? changed : x));
}

/** A passport number as some bureaus type it: with a space in the middle. */
function spaced(number: string): string {
  return `${number.slice(0, 4)} ${number.slice(4)}`;
}
