import type { Prepared } from "./subject.ts";

/*
 * Blocking: which pairs are worth scoring. Comparing every pair of a million persons is 5 * 10^11
 * comparisons; instead each subject gets a handful of keys and only subjects sharing a key are
 * compared. Keys:
 *  - name pair + birth year: each pair of consonant skeletons of a name (order-free, so swapped
 *    names and a dropped middle name still share the pair of the two names kept), of every name
 *    and alias, with each birth year;
 *  - name + birth year: each skeleton with the year (catches a typo in the other name);
 *  - number: each identifier and document number.
 * Names are keyed with the year because, by the weights of score.ts, a pair without a shared
 * number reaches the suggestion threshold (0.7) only when the birth years agree: a name alone,
 * however close, scores at most 0.65. So a name key without the year would only add pairs that
 * can never be suggested - and grow quadratically with the data (every "Mohammed Hassan" against
 * every other). A run asked for a lower threshold keys names without the year as well.
 *
 * Keys are 31-bit hashes (2 bits of kind, 29 of FNV-1a) packed with the subject's index into one
 * float64 (exact up to 2^53), so the key list of a million subjects is one typed array, sorted
 * once. A block larger than `maxBlock` is a common name ("Mohammed Ali") and is dropped: its
 * members still meet through their other keys (name + year, numbers). A pair sharing several
 * keys is scored once, in the first block they share.
 */

export const KEY_NAME = 0;
export const KEY_NAME_YEAR = 1;
export const KEY_NUMBER = 2;
export const MAX_SUBJECTS = 2 ** 22;
const INDEX_SPACE = 2 ** 22;

function fnv29(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x1fffffff;
}
const keyOf = (kind: number, s: string) => kind * 2 ** 29 + fnv29(s);

/** The blocking keys of one subject, without repeats. */
export function keysOf(p: Prepared, nameOnly = false): number[] {
  const keys = new Set<number>();
  const years = [...new Set(p.years.filter((y) => y > 0))];
  for (const n of p.names) {
    const sk = [...new Set(n.skeletons.filter((s) => s.length >= 2))].sort();
    for (let i = 0; i < sk.length; i++) {
      for (let j = i + 1; j < sk.length; j++) {
        const pair = `${p.schema}|${sk[i]}|${sk[j]}`;
        if (nameOnly) keys.add(keyOf(KEY_NAME, pair));
        for (const y of years) keys.add(keyOf(KEY_NAME, `${pair}|${y}`));
      }
      if ((sk[i] as string).length >= 2)
        for (const y of years) keys.add(keyOf(KEY_NAME_YEAR, `${p.schema}|${sk[i]}|${y}`));
    }
  }
  for (const x of p.identifiers) keys.add(keyOf(KEY_NUMBER, `i|${x}`));
  for (const x of p.documents) keys.add(keyOf(KEY_NUMBER, `d|${x}`));
  return [...keys];
}

/** The blocks, in compressed form: members of block b are `members[start[b] .. start[b+1]]`. */
export type Blocks = {
  count: number;
  start: Uint32Array;
  members: Uint32Array;
  kind: Uint8Array;
  /** Per subject, the blocks it is in (sorted): `ofSubject[subjectStart[i] .. subjectStart[i+1]]`. */
  subjectStart: Uint32Array;
  ofSubject: Uint32Array;
  keys: number;
  dropped: number;
};

export function buildBlocks(subjects: readonly Prepared[], maxBlock: number, nameOnly = false): Blocks {
  if (subjects.length > MAX_SUBJECTS) throw new Error(`at most ${MAX_SUBJECTS} subjects per run`);
  let packed = new Float64Array(subjects.length * 16 + 16);
  let n = 0;
  subjects.forEach((s, i) => {
    for (const k of keysOf(s, nameOnly)) {
      if (n === packed.length) {
        const bigger = new Float64Array(packed.length * 2);
        bigger.set(packed);
        packed = bigger;
      }
      packed[n++] = k * INDEX_SPACE + i;
    }
  });
  const sorted = packed.subarray(0, n).sort();
  return compress(sorted, subjects.length, maxBlock);
}

function compress(sorted: Float64Array, subjects: number, maxBlock: number): Blocks {
  const keyAt = (i: number) => Math.floor((sorted[i] as number) / INDEX_SPACE);
  const starts: number[] = [];
  const kinds: number[] = [];
  const perSubject = new Uint32Array(subjects + 1);
  let keys = 0;
  let dropped = 0;
  let membersCount = 0;
  // First pass: which runs of equal keys are blocks worth keeping.
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    const k = keyAt(i);
    while (j < sorted.length && keyAt(j) === k) j++;
    keys++;
    const size = j - i;
    if (size > maxBlock) dropped++;
    else if (size >= 2) {
      starts.push(i);
      kinds.push(Math.floor(k / 2 ** 29));
      membersCount += size;
      for (let x = i; x < j; x++) {
        const at = ((sorted[x] as number) % INDEX_SPACE) + 1;
        perSubject[at] = (perSubject[at] as number) + 1;
      }
    }
    i = j;
  }
  const count = starts.length;
  const start = new Uint32Array(count + 1);
  const members = new Uint32Array(membersCount);
  const subjectStart = new Uint32Array(subjects + 1);
  for (let i = 0; i < subjects; i++)
    subjectStart[i + 1] = (subjectStart[i] as number) + (perSubject[i + 1] as number);
  const fill = subjectStart.slice(0, subjects);
  const ofSubject = new Uint32Array(membersCount);
  let m = 0;
  for (let b = 0; b < count; b++) {
    start[b] = m;
    const from = starts[b] as number;
    const k = keyAt(from);
    for (let x = from; x < sorted.length && keyAt(x) === k; x++) {
      const subject = (sorted[x] as number) % INDEX_SPACE;
      members[m++] = subject;
      const at = fill[subject] as number;
      ofSubject[at] = b;
      fill[subject] = at + 1;
    }
  }
  start[count] = m;
  return { count, start, members, kind: Uint8Array.from(kinds), subjectStart, ofSubject, keys, dropped };
}

/** The first block two subjects share (their block lists are sorted), or -1. */
export function firstCommonBlock(blocks: Blocks, a: number, b: number): number {
  const { subjectStart: s, ofSubject: o } = blocks;
  let i = s[a] as number;
  const ie = s[a + 1] as number;
  let j = s[b] as number;
  const je = s[b + 1] as number;
  while (i < ie && j < je) {
    const x = o[i] as number;
    const y = o[j] as number;
    if (x === y) return x;
    if (x < y) i++;
    else j++;
  }
  return -1;
}
