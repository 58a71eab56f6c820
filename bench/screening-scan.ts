/**
 * Baseline (b) of the screening speed benchmark: what yente-class systems do after their search
 * step. An inverted index from name token (any-ascii, lower case) to persons; each traveller is
 * compared with every person that shares at least one token, by a plain pairwise scorer:
 * Jaro-Winkler over tokens (each query token's best partner, averaged) plus a date-of-birth check,
 * or the engine's own pair comparator (`compareNames`). Names only: the documents' baseline is
 * PostgreSQL's btree (bench/screening-postgres.ts).
 */
import anyAscii from "any-ascii";
import { jaroWinkler } from "../src/search/resolution/names.ts";
import { compareNames } from "../src/search/screening/index.ts";
import { generatePersons } from "./persons-data.ts";
import { PERSON_SEED, type Traveller } from "./screening-data.ts";

const tokensOf = (name: string) =>
  anyAscii(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);

export class TokenScan {
  private readonly postings = new Map<string, number[]>();
  /** Per person: its names (as written, for compareNames) and their tokens. */
  private readonly names: string[][] = [];
  private readonly tokens: string[][][] = [];
  private readonly births: (string | undefined)[] = [];
  private mark = new Int32Array(0);
  private epoch = 0;

  constructor(persons: number) {
    this.mark = new Int32Array(persons);
    for (const p of generatePersons(persons, PERSON_SEED)) {
      const all = [p.name, ...p.aliases, ...p.weakAliases];
      this.names[p.index] = all;
      const toks = all.map(tokensOf);
      this.tokens[p.index] = toks;
      this.births[p.index] = p.birthDate;
      for (const t of new Set(toks.flat())) {
        const list = this.postings.get(t);
        if (list) list.push(p.index);
        else this.postings.set(t, [p.index]);
      }
    }
  }

  /** Every person sharing a token with the name, once each. */
  candidates(name: string): number[] {
    this.epoch++;
    const out: number[] = [];
    for (const t of new Set(tokensOf(name)))
      for (const id of this.postings.get(t) ?? []) {
        if (this.mark[id] === this.epoch) continue;
        this.mark[id] = this.epoch;
        out.push(id);
      }
    return out;
  }

  /** The best ten by Jaro-Winkler over tokens; returns them and how many were compared. */
  searchJaroWinkler(t: Traveller): { persons: number[]; compared: number } {
    const q = tokensOf(t.name);
    const cands = this.candidates(t.name);
    const best: [number, number][] = [];
    for (const id of cands) {
      let top = 0;
      for (const toks of this.tokens[id] as string[][]) {
        let sum = 0;
        for (const a of q) {
          let m = 0;
          for (const b of toks) m = Math.max(m, jaroWinkler(a, b));
          sum += m;
        }
        top = Math.max(top, q.length ? sum / q.length : 0);
      }
      const born = this.births[id];
      if (t.birthDate && born)
        top += born === t.birthDate ? 0.05 : born.slice(0, 4) === t.birthDate.slice(0, 4) ? 0.02 : -0.1;
      keepTop(best, id, top);
    }
    return { persons: best.map(([id]) => id), compared: cands.length };
  }

  /** The same candidates scored by the engine's pair comparator (`compareNames`), name by name. */
  searchCompareNames(t: Traveller): { persons: number[]; compared: number } {
    const cands = this.candidates(t.name);
    const best: [number, number][] = [];
    for (const id of cands) {
      let top = 0;
      for (const n of this.names[id] as string[]) top = Math.max(top, compareNames(t.name, n).score);
      keepTop(best, id, top);
    }
    return { persons: best.map(([id]) => id), compared: cands.length };
  }
}

function keepTop(best: [number, number][], id: number, score: number, k = 10): void {
  if (best.length === k && score <= (best[k - 1] as [number, number])[1]) return;
  let i = best.length;
  while (i > 0 && (best[i - 1] as [number, number])[1] < score) i--;
  best.splice(i, 0, [id, score]);
  if (best.length > k) best.pop();
}
