import { type Blocks, buildBlocks, firstCommonBlock, KEY_NUMBER } from "./blocking.ts";
import { type Explanation, SUGGEST_THRESHOLD, scorePair } from "./score.ts";
import { type Prepared, prepare, type Subject } from "./subject.ts";

export type SuggestOptions = {
  /** Pairs scoring at least this become suggestions (default 0.7). */
  threshold?: number;
  /** A block (subjects sharing one key) larger than this is too common to compare (default 200). */
  maxBlock?: number;
  /** Pairs not to suggest (judged already, or merged already). Ids in either order. */
  skip?: (a: string, b: string) => boolean;
  onProgress?: (p: SuggestProgress) => void;
};
export type SuggestProgress = { phase: "prepare" | "block" | "score"; done: number; total: number };
export type Suggestion = { left: string; right: string; score: number; explanation: Explanation };
export type SuggestStats = {
  subjects: number;
  keys: number;
  blocks: number;
  droppedBlocks: number;
  pairsCompared: number;
  pairsScored: number;
  suggestions: number;
};

/** Prepares subjects, reporting progress every 10,000. */
export function prepareAll(
  subjects: Iterable<Subject>,
  total: number,
  onProgress?: SuggestOptions["onProgress"],
) {
  const out: Prepared[] = [];
  for (const s of subjects) {
    out.push(prepare(s));
    if (out.length % 10_000 === 0) onProgress?.({ phase: "prepare", done: out.length, total });
  }
  onProgress?.({ phase: "prepare", done: out.length, total });
  return out;
}

/** Birth years at most one apart, or one side without a year: worth scoring a name match. */
function yearsCompatible(a: Prepared, b: Prepared): boolean {
  if (a.years.length === 0 || b.years.length === 0) return true;
  for (const x of a.years) for (const y of b.years) if (Math.abs(x - y) <= 1) return true;
  return false;
}

/**
 * Candidate pairs among prepared subjects, best first, each with its score and explanation. Left
 * is the smaller id. Synchronous and single-threaded: a million persons take about a minute here
 * (see BENCHMARKS.md); the caller runs it off the request path.
 */
export function suggest(subjects: readonly Prepared[], options: SuggestOptions = {}) {
  const pass = start(subjects, options);
  for (let b = 0; b < pass.blocks.count; b++) pass.step(b);
  return pass.finish();
}

/**
 * The same pass, yielding to the event loop every 2,000 blocks so a server answering requests
 * (progress among them) is not frozen for the minute a large run takes.
 */
export async function suggestAsync(subjects: readonly Prepared[], options: SuggestOptions = {}) {
  const pass = start(subjects, options);
  for (let b = 0; b < pass.blocks.count; b++) {
    pass.step(b);
    if (b % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
  }
  return pass.finish();
}

function start(subjects: readonly Prepared[], options: SuggestOptions) {
  const threshold = options.threshold ?? SUGGEST_THRESHOLD;
  const onProgress = options.onProgress;
  onProgress?.({ phase: "block", done: 0, total: subjects.length });
  // Below 0.67 a name with a near or missing birth year can be suggested: key names alone too.
  const blocks = buildBlocks(subjects, options.maxBlock ?? 200, threshold < 0.67);
  onProgress?.({ phase: "block", done: subjects.length, total: subjects.length });
  const stats: SuggestStats = {
    subjects: subjects.length,
    keys: blocks.keys,
    blocks: blocks.count,
    droppedBlocks: blocks.dropped,
    pairsCompared: 0,
    pairsScored: 0,
    suggestions: 0,
  };
  const out: Suggestion[] = [];
  const step = (b: number) => {
    scoreBlock(subjects, blocks, b, threshold, options.skip, stats, out);
    if (b % 5000 === 0) onProgress?.({ phase: "score", done: b, total: blocks.count });
  };
  const finish = () => {
    onProgress?.({ phase: "score", done: blocks.count, total: blocks.count });
    out.sort((x, y) => y.score - x.score || (x.left < y.left ? -1 : x.left > y.left ? 1 : 0));
    stats.suggestions = out.length;
    return { suggestions: out, stats };
  };
  return { blocks, step, finish };
}

function scoreBlock(
  subjects: readonly Prepared[],
  blocks: Blocks,
  b: number,
  threshold: number,
  skip: SuggestOptions["skip"],
  stats: SuggestStats,
  out: Suggestion[],
): void {
  const from = blocks.start[b] as number;
  const to = blocks.start[b + 1] as number;
  const byNumber = blocks.kind[b] === KEY_NUMBER;
  for (let i = from; i < to; i++) {
    const ai = blocks.members[i] as number;
    const a = subjects[ai] as Prepared;
    for (let j = i + 1; j < to; j++) {
      const bi = blocks.members[j] as number;
      const c = subjects[bi] as Prepared;
      stats.pairsCompared++;
      if (a.schema !== c.schema || a.id === c.id) continue;
      if (!byNumber && !yearsCompatible(a, c)) continue;
      // A pair sharing several keys is scored in the first block they share only.
      if (firstCommonBlock(blocks, ai, bi) !== b) continue;
      const [left, right] = a.id < c.id ? [a, c] : [c, a];
      if (skip?.(left.id, right.id)) continue;
      stats.pairsScored++;
      const s = scorePair(left, right);
      if (s.score >= threshold) out.push({ left: left.id, right: right.id, ...s });
    }
  }
}
