import { jaroWinkler } from "../resolution/names.ts";
import { FILIATION } from "./name-tables.ts";
import { isRegionWord } from "./org-words.ts";
import type { NameToken, ParsedName } from "./parse-name.ts";
import { collapse, latinSkeleton } from "./skeleton.ts";
import {
  editDistance,
  IDEOGRAPHIC,
  type TokenHow,
  type TokenMatch,
  tokenSimilarity,
} from "./token-similarity.ts";

/*
 * Two names, each a list of parts, aligned part to part. Every pair (and every pair of one part
 * against two or three adjacent parts joined, for "Abubakar" / "Abu Bakr" and "Ramimakhlouf") is
 * scored, and pairs are taken best first while both sides are free. What is left over tells the
 * story: a part left on both sides is a conflict (Olaf / Octavian Scholz), a part left on one side
 * only is a missing or extra name (a dropped middle name), which costs little.
 */

export type PartMatch = { query: string; listed: string; how: TokenHow; score: number; joined: boolean };

export type Alignment = {
  score: number;
  parts: PartMatch[];
  /** Listed parts the query does not have. */
  missing: string[];
  /** Query parts the listed name does not have. */
  extra: string[];
  /** Parts present on both sides that do not agree. */
  conflicting: { query: string; listed: string }[];
  orderSwapped: boolean;
  /** Both names give a filiation (bin / ibn) and the person's own name is not the same part. */
  filiationMismatch: boolean;
};

/** Minimum part similarity for two parts to be taken as the same part. */
export const PART_MIN = 0.75;
/* Conflict factors. A conflicting word costs between 0.6 (nothing alike) and 0.79 (one stem), graded
 * by Jaro-Winkler, or 0.84 when it is a likely misspelling beyond the part rules (Merkel / Merkur). */
const CONFLICT = { floor: 0.6, ceiling: 0.79, alike: 0.84, initial: 0.7, number: 0.85 };
const EXTRA = { person: 0.965, org: 0.78, region: 0.95, light: 0.985 };
/** One identifying part against several: a surname alone proves little. */
const SINGLE_PART = 0.8;

type Candidate = { as: number[]; bs: number[]; m: TokenMatch };

const weight = (t: NameToken) => (t.kind === "initial" ? 0.4 : t.patronymic ? 0.7 : 1);

export function joinedToken(ts: NameToken[]): NameToken {
  const text = ts.map((t) => t.text).join("");
  const abjad = ts.some((t) => t.abjad);
  const first = ts[0] as NameToken;
  const second = ts.some((t) => t.skeleton2)
    ? collapse(ts.map((t) => t.skeleton2 ?? t.skeleton).join(""))
    : undefined;
  // Readings of Chinese, Korean or Japanese keep their characters, so they stay compared as such.
  const original = ts.every((t) => t.original) ? ts.map((t) => t.original).join("") : undefined;
  return {
    ...(second ? { skeleton2: second } : {}),
    ...(original ? { original } : {}),
    text,
    skeleton: abjad ? collapse(ts.map((t) => t.skeleton).join("")) : latinSkeleton(text),
    script: first.script,
    abjad,
    kind: "word",
    patronymic: false,
  };
}

export type PairScorer = (qi: number, b: NameToken, bi: number) => TokenMatch;

export function alignNames(
  query: ParsedName,
  listed: ParsedName,
  options: { org?: boolean; scorer?: PairScorer } = {},
): Alignment {
  const org = options.org ?? false;
  const A = query.tokens.filter((t) => t.kind !== "particle");
  const B = listed.tokens.filter((t) => t.kind !== "particle");
  const score: PairScorer = options.scorer ?? ((qi, b) => tokenSimilarity(A[qi] as NameToken, b));
  const candidates: Candidate[] = [];
  for (let i = 0; i < A.length; i++)
    for (let j = 0; j < B.length; j++) {
      const m = score(i, B[j] as NameToken, j);
      if (m.score >= PART_MIN) candidates.push({ as: [i], bs: [j], m });
    }
  const usedA = new Uint8Array(A.length);
  const usedB = new Uint8Array(B.length);
  const taken: Candidate[] = [];
  takeBestFirst(candidates, usedA, usedB, taken);
  // One part against two or three adjacent parts of the other name, joined: tried only among the
  // parts left over, since a part already matched alone needs no join.
  if (usedA.includes(0) && usedB.includes(0)) {
    const joins: Candidate[] = [];
    for (const [X, Y, usedX, usedY, flip] of [
      [A, B, usedA, usedB, false],
      [B, A, usedB, usedA, true],
    ] as const)
      for (let span = 2; span <= 4; span++)
        for (let j = 0; j + span <= Y.length; j++) {
          if (usedY.subarray(j, j + span).includes(1)) continue;
          let length = 0;
          for (let k = j; k < j + span; k++) length += (Y[k] as NameToken).text.length;
          if (length < 5 || (span === 4 && !X.some((x) => x.text.length === 4))) continue;
          // The joined part is built only when some part is long enough to be compared with it.
          let joined: NameToken | undefined;
          for (let i = 0; i < X.length; i++) {
            const x = X[i] as NameToken;
            // Initials standing for a whole person's name (N.N., "name unknown") prove nothing.
            const whole = !org && X.length === 1 && span === Y.length;
            if (!usedX[i] && !whole && isAcronym(x, Y, j, span)) {
              const ys = Array.from({ length: span }, (_, k) => j + k);
              const m: TokenMatch = { score: 0.9, how: "acronym" };
              joins.push(flip ? { as: ys, bs: [i], m } : { as: [i], bs: ys, m });
              continue;
            }
            if (usedX[i] || x.text.length < length - 3 || x.kind !== "word") continue;
            joined ??= joinedToken(Y.slice(j, j + span));
            const m = flip ? tokenSimilarity(joined, x) : tokenSimilarity(x, joined);
            if (m.score < 0.85) continue;
            const ys = Array.from({ length: span }, (_, k) => j + k);
            joins.push(flip ? { as: ys, bs: [i], m } : { as: [i], bs: ys, m });
          }
        }
    takeBestFirst(joins, usedA, usedB, taken);
  }
  return summarise(A, B, taken, usedA, usedB, query, listed, org);
}

/** A part written as the initials of adjacent parts of the other name: PLA, U.S., JC (Jean-Claude). */
function isAcronym(x: NameToken, Y: NameToken[], from: number, span: number): boolean {
  if (x.kind !== "word" || x.text.length !== span || x.script !== "Latn") return false;
  for (let k = 0; k < span; k++) {
    const y = Y[from + k] as NameToken;
    if (y.kind !== "word" || y.script !== "Latn" || y.text[0] !== x.text[k]) return false;
  }
  return true;
}

function takeBestFirst(candidates: Candidate[], usedA: Uint8Array, usedB: Uint8Array, taken: Candidate[]) {
  candidates.sort((p, q) => q.m.score - p.m.score || q.as.length + q.bs.length - (p.as.length + p.bs.length));
  for (const c of candidates) {
    if (c.as.some((i) => usedA[i]) || c.bs.some((j) => usedB[j])) continue;
    for (const i of c.as) usedA[i] = 1;
    for (const j of c.bs) usedB[j] = 1;
    taken.push(c);
  }
}

function summarise(
  A: NameToken[],
  B: NameToken[],
  taken: Candidate[],
  usedA: Uint8Array,
  usedB: Uint8Array,
  query: ParsedName,
  listed: ParsedName,
  org: boolean,
): Alignment {
  let sum = 0;
  let weights = 0;
  const parts: PartMatch[] = [];
  for (const c of taken) {
    const w = Math.max(
      c.as.reduce((s, i) => s + weight(A[i] as NameToken), 0),
      c.bs.reduce((s, j) => s + weight(B[j] as NameToken), 0),
    );
    sum += w * c.m.score;
    weights += w;
    parts.push({
      query: c.as.map((i) => A[i]?.text).join(" "),
      listed: c.bs.map((j) => B[j]?.text).join(" "),
      how: c.m.how,
      score: Math.round(c.m.score * 1000) / 1000,
      joined: c.as.length + c.bs.length > 2,
    });
  }
  const leftA = A.filter((_, i) => !usedA[i]);
  const leftB = B.filter((_, j) => !usedB[j]);
  // Leftovers on both sides pair up as conflicts, most alike first; the rest are missing or extra.
  const pairs: { a: number; b: number; s: number }[] = [];
  for (let i = 0; i < leftA.length; i++)
    for (let j = 0; j < leftB.length; j++)
      pairs.push({ a: i, b: j, s: conflictFactor(leftA[i] as NameToken, leftB[j] as NameToken, org) });
  pairs.sort((p, q) => q.s - p.s);
  const doneA = new Uint8Array(leftA.length);
  const doneB = new Uint8Array(leftB.length);
  let factor = 1;
  const conflicting: Alignment["conflicting"] = [];
  for (const p of pairs) {
    if (doneA[p.a] || doneB[p.b]) continue;
    doneA[p.a] = 1;
    doneB[p.b] = 1;
    conflicting.push({ query: leftA[p.a]?.text ?? "", listed: leftB[p.b]?.text ?? "" });
    factor *= p.s;
  }
  const restA = leftA.filter((_, i) => !doneA[i]);
  const restB = leftB.filter((_, j) => !doneB[j]);
  for (const t of [...restA, ...restB]) factor *= extraCost(t, org);
  if (taken.length === 1 && restA.length + restB.length > 0 && !org) factor *= SINGLE_PART;
  const order = [...taken]
    .sort((p, q) => (p.as[0] as number) - (q.as[0] as number))
    .map((c) => c.bs[0] as number);
  const orderSwapped = order.some((j, k) => k > 0 && j < (order[k - 1] as number));
  const filiationMismatch = ownNameDiffers(query, listed, A, B, taken);
  if (filiationMismatch) factor *= 0.7;
  const base = weights > 0 ? sum / weights : 0;
  return {
    score: Math.round(base * factor * 10000) / 10000,
    parts,
    missing: restB.map((t) => t.text),
    extra: restA.map((t) => t.text),
    conflicting,
    orderSwapped,
    filiationMismatch,
  };
}

/** What a part present on one side only costs. */
function extraCost(t: NameToken, org: boolean): number {
  if (t.kind === "initial" || t.patronymic || t.softTitle) return EXTRA.light;
  if (!org) return EXTRA.person;
  // A region names a market or a branch: Faberlic Europe.
  return isRegionWord(t.text) ? EXTRA.region : EXTRA.org;
}

/** The part of a joined name that tells it apart: Abd al-Hamid and Abd al-Ghani share "Abd". */
function core(t: NameToken, other: NameToken): string {
  const text = t.abjad || other.abjad ? t.skeleton : t.text;
  if (!t.joined || t.joined !== other.joined) return text;
  if (t.joined === "abd") return text.replace(/^a?bd/, "");
  if (t.joined === "kunya") return text.replace(/^(?:abu|umm|a?b|m)/, "");
  if (t.joined === "din") return text.replace(/d[a-z]?n$/, "");
  return text.replace(/u?l(?:lah)?$/, "");
}

/**
 * What a conflict between two parts costs (a factor on the name score). Two parts of one length
 * that differ in at most two letters are a likely mishearing or mistyping (Carney / Cooney,
 * Salman / Sultan: same first letter, as a mishearing keeps the onset); two parts that share a stem but not a length are more often two names of one
 * family (Castro / Castillo, Albano / Albanese, Ronaldo / Ronaldinho), graded by Jaro-Winkler but
 * kept below the hit threshold. Company names do not get the first rule: Sigma and Cigna are two.
 */
function conflictFactor(a: NameToken, b: NameToken, org: boolean): number {
  if (a.kind === "initial" || b.kind === "initial") return CONFLICT.initial;
  if (a.kind === "number" && b.kind === "number") return CONFLICT.number;
  if (a.original && b.original && a.script === b.script && IDEOGRAPHIC.has(a.script)) return CONFLICT.floor;
  const x = core(a, b);
  const y = core(b, a);
  if (x.length === 0 || y.length === 0) return CONFLICT.floor;
  if (
    !org &&
    !a.abjad &&
    !b.abjad &&
    x.length === y.length &&
    x.length >= 5 &&
    x[0] === y[0] &&
    editDistance(x, y, 2) <= 2
  )
    return CONFLICT.alike;
  const jw = jaroWinkler(x, y);
  const t = Math.min(1, Math.max(0, (jw - 0.7) / 0.22));
  return CONFLICT.floor + t * (CONFLICT.ceiling - CONFLICT.floor);
}

/** In "X bin Y" the person is X: if both names have a filiation, X must pair with X. */
function ownNameDiffers(
  query: ParsedName,
  listed: ParsedName,
  A: NameToken[],
  B: NameToken[],
  taken: Candidate[],
): boolean {
  const own = (p: ParsedName, content: NameToken[]) => {
    const at = p.tokens.findIndex((t) => FILIATION.has(t.text));
    if (at <= 0) return -1;
    return content.indexOf(p.tokens[at - 1] as NameToken);
  };
  const a = own(query, A);
  const b = own(listed, B);
  if (a < 0 || b < 0) return false;
  const pair = taken.find((c) => c.as.includes(a));
  return pair !== undefined && !pair.bs.includes(b);
}
