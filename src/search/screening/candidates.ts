import { PART_MIN } from "./align-names.ts";
import { COMMON_POSTINGS, type PairPostings } from "./pair-postings.ts";
import type { NameToken } from "./parse-name.ts";
import type { Postings } from "./postings.ts";
import type { RecordStore } from "./record-store.ts";
import type { TokenMatch } from "./token-similarity.ts";

/*
 * Blocking: the persons worth scoring in full. A person is a candidate when at least two query
 * parts (one for a one-part query; two adjacent parts joined count for two) each find one of its
 * parts among their similar vocabulary parts. Rare parts' postings are read one by one; for two
 * common parts the pair postings give the persons holding both, so a query of common names reads
 * the few hundred persons that agree on two parts rather than the tens of thousands holding any.
 * Each person found is then read once from its packed record: per query part, the best
 * similarity among its parts (the agreement), and how many query parts agree.
 *
 * No allocation proportional to the index per query: stamps with a generation counter mark
 * the persons seen and the vocabulary parts of the query.
 */

/** Persons read per query at most (see `visit`). */
export const READ_BUDGET = 2048;
/** Ids looked at per query at most when the budget applies (a date check each, no record read). */
const SCAN_BUDGET = 4 * READ_BUDGET;
/** A date bonus below this is a conflicting date of birth. */
const DATE_CONFLICT = -0.1;

type Source = { pool: Int32Array; at: number; count: number; potential: number };
const rarity = (s: Source) => (s.count < COMMON_POSTINGS ? 0 : 1);

/** `covers`: how many query parts it stands for (2 for two adjacent parts joined). */
export type QueryPart = { token: NameToken; similar: Map<number, TokenMatch>; covers: number };

type Sources = {
  postings: Postings;
  pairs: PairPostings;
  records: RecordStore;
  /** Parts that weigh nothing in a name (particles: bin, al, van). */
  light: (part: number) => boolean;
};

export class CandidateFinder {
  private generation = 0;
  private seen = new Int32Array(0);
  private found = new Int32Array(1024);
  private agreement = new Float32Array(1024);
  /* Query marks on vocabulary parts: head of a chain of (query part, similarity) entries. */
  private marked = new Int32Array(0);
  private head = new Int32Array(0);
  private entryPart = new Int32Array(256);
  private entryScore = new Float32Array(256);
  private entryNext = new Int32Array(256);
  private readonly bestOfPart = new Float32Array(64);
  private readonly bestInName = new Float32Array(64);
  /** For measurement: persons read and persons kept by the last `find`. */
  lastCounts: [read: number, kept: number] = [0, 0];

  constructor(private readonly from: Sources) {}

  /**
   * Persons agreeing on enough query parts and accepted, best agreement (plus `bonus`, e.g. the
   * date of birth) first, at most `limit` of them.
   */
  find(
    parts: QueryPart[],
    limit: number,
    bonus: (id: number) => number,
    accept?: (id: number) => boolean,
  ): number[] {
    const gen = this.nextGeneration();
    const singles = parts.reduce((n, p) => n + (p.covers === 1 ? 1 : 0), 0);
    const need = Math.min(2, singles || 1);
    this.markQuery(parts, gen);
    const { postings, pairs } = this.from;
    // The lists to read: rare parts' postings (and, when one part suffices, every part's), and
    // the pair lists of two common parts. `potential` is what a person found there agrees on.
    const sources: Source[] = [];
    const common: { vid: number; score: number }[][] = parts.map(() => []);
    for (const [i, part] of parts.entries())
      for (const [vid, m] of part.similar) {
        if (m.score < PART_MIN) continue;
        if (pairs.isCommon(vid) && need === 2 && part.covers === 1) common[i]?.push({ vid, score: m.score });
        else {
          const count = postings.count(vid);
          if (count > 0)
            sources.push({
              pool: postings.pool,
              at: postings.start(vid),
              count,
              potential: m.score * part.covers,
            });
        }
      }
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++)
        for (const a of common[i] as { vid: number; score: number }[])
          for (const b of common[j] as { vid: number; score: number }[]) {
            // (a, a) holds the persons with the part twice in one name (Ismail Ismail).
            const list = pairs.list(a.vid, b.vid);
            const count = list >= 0 ? pairs.count(list) : 0;
            if (count > 0)
              sources.push({ pool: pairs.pool, at: pairs.start(list), count, potential: a.score + b.score });
          }
    const n = this.visit(sources, gen, bonus);
    return this.best(parts, n, need, gen, limit, bonus, accept);
  }

  /**
   * Reads the sources into `found`. When they hold more than READ_BUDGET persons (a query of very
   * common names: thousands of namesakes), the short lists of rare parts are read first (a rare
   * spelling the query shares is the strongest sign), then the lists that agree best, smallest
   * first among equals (a person agreeing on three parts is in each of their pair lists), persons
   * whose date of birth conflicts with the query's are passed over, and reading stops at the
   * budget: the namesakes left unread agree no better than those read.
   */
  private visit(sources: Source[], gen: number, bonus: (id: number) => number): number {
    let total = 0;
    for (const s of sources) total += s.count;
    const bounded = total > READ_BUDGET;
    if (bounded)
      sources.sort((a, b) => rarity(a) - rarity(b) || b.potential - a.potential || a.count - b.count);
    const room = bounded ? READ_BUDGET : total;
    if (room > this.found.length) this.found = grow(this.found, room);
    const { seen, found } = this;
    let n = 0;
    let scanned = 0;
    for (const { pool, at, count } of sources) {
      for (let k = at; k < at + count; k++) {
        const p = pool[k] as number;
        if (seen[p] === gen) continue;
        seen[p] = gen;
        if (bounded && (++scanned > SCAN_BUDGET || bonus(p) < DATE_CONFLICT)) {
          if (scanned > SCAN_BUDGET) return n;
          continue;
        }
        found[n++] = p;
        if (n === room) return n;
      }
    }
    return n;
  }

  /** Bytes of the scratch arrays (a stamp per person and per vocabulary part). */
  memoryBytes(): number {
    return this.seen.byteLength + this.marked.byteLength * 2 + this.found.byteLength * 2;
  }

  private nextGeneration(): number {
    const ids = this.from.records.idCapacity;
    if (this.seen.length < ids) this.seen = new Int32Array(ids);
    const vocab = this.from.postings.size;
    if (this.marked.length < vocab) {
      this.marked = new Int32Array(Math.ceil(vocab * 1.25) + 64);
      this.head = new Int32Array(this.marked.length);
    }
    this.generation = this.generation === 2 ** 31 - 1 ? 1 : this.generation + 1;
    if (this.generation === 1) {
      this.seen.fill(0);
      this.marked.fill(0);
    }
    return this.generation;
  }

  private markQuery(parts: QueryPart[], gen: number) {
    let entries = 0;
    for (const [i, part] of parts.entries())
      for (const [vid, m] of part.similar) {
        if (m.score < PART_MIN || vid >= this.marked.length) continue;
        if (entries === this.entryPart.length) {
          this.entryPart = grow(this.entryPart, entries + 1);
          this.entryNext = grow(this.entryNext, entries + 1);
          const s = new Float32Array(this.entryPart.length);
          s.set(this.entryScore);
          this.entryScore = s;
        }
        this.entryPart[entries] = i;
        this.entryScore[entries] = m.score;
        this.entryNext[entries] = this.marked[vid] === gen ? (this.head[vid] as number) : -1;
        this.marked[vid] = gen;
        this.head[vid] = entries++;
      }
  }

  /** Reads each person found from its record: agreement per query part, kept if enough agree. */
  private best(
    parts: QueryPart[],
    n: number,
    need: number,
    gen: number,
    limit: number,
    bonus: (id: number) => number,
    accept?: (id: number) => boolean,
  ): number[] {
    const { found, marked, head, entryPart, entryScore, entryNext, bestOfPart, bestInName } = this;
    const singles = parts.reduce((n, p) => n + (p.covers === 1 ? 1 : 0), 0);
    if (this.agreement.length < n) this.agreement = new Float32Array(Math.ceil(n * 1.5));
    const agreement = this.agreement;
    const words = this.from.records.words;
    const bins = new Uint32Array(2 * 256 + 1);
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const p = found[k] as number;
      bestOfPart.fill(0, 0, parts.length);
      // Per name, the share of its parts and the query's that agree (as the alignment will
      // average them): a listed "Sana" ranks above "Sana Bibi Khan" for the query "Sana".
      let estimate = 0;
      let at = this.from.records.namesAt(p);
      const names = words[at++] as number;
      for (let x = 0; x < names; x++) {
        const header = words[at++] as number;
        const len = header & 0xffff;
        bestInName.fill(0, 0, parts.length);
        let content = 0;
        for (let y = at; y < at + len; y++) {
          const vid = words[y] as number;
          if (!this.from.light(vid)) content++;
          if (vid >= marked.length || marked[vid] !== gen) continue;
          for (let e = head[vid] as number; e >= 0; e = entryNext[e] as number) {
            const i = entryPart[e] as number;
            const s = entryScore[e] as number;
            if (s > (bestInName[i] as number)) bestInName[i] = s;
            if (s > (bestOfPart[i] as number)) bestOfPart[i] = s;
          }
        }
        at += len;
        let matched = 0;
        let joined = 0;
        for (let i = 0; i < parts.length; i++)
          if ((parts[i] as QueryPart).covers === 1) matched += bestInName[i] as number;
          else joined = Math.max(joined, 2 * (bestInName[i] as number));
        const share = Math.min(1, Math.max(matched, joined) / Math.max(singles, content, 1));
        const weak = header >> 16 === 1 ? 0.9 : 1;
        if (share * weak > estimate) estimate = share * weak;
      }
      let hits = 0;
      for (let i = 0; i < parts.length; i++)
        if ((bestOfPart[i] as number) > 0) hits += (parts[i] as QueryPart).covers;
      if (hits < need || (accept && !accept(p))) continue;
      const score = Math.max(0, estimate + bonus(p));
      found[kept] = p;
      agreement[kept++] = score;
      const bin = Math.min(bins.length - 1, Math.floor(score * 256));
      bins[bin] = (bins[bin] as number) + 1;
    }
    this.lastCounts = [n, kept];
    // Select the best by a histogram of the agreement (linear, no sort of thousands).
    let cut = 0;
    for (let b = bins.length - 1, total = 0; b >= 0; b--) {
      total += bins[b] as number;
      if (total >= limit) {
        cut = b;
        break;
      }
    }
    const out: number[] = [];
    const score = new Map<number, number>();
    for (let k = 0; k < kept; k++)
      if (Math.min(bins.length - 1, Math.floor((agreement[k] as number) * 256)) >= cut) {
        out.push(found[k] as number);
        score.set(found[k] as number, agreement[k] as number);
      }
    out.sort((a, b) => (score.get(b) as number) - (score.get(a) as number) || a - b);
    return out.slice(0, limit);
  }
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}
