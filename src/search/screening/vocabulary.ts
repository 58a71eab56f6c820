import { NICKNAME_GROUP, VARIANT_GROUP } from "./name-tables.ts";
import type { NameToken } from "./parse-name.ts";
import { phoneticKey } from "./token-similarity.ts";

/*
 * The distinct name parts of the whole index, each stored once (a million persons use a few
 * hundred thousand distinct parts), numbered, and reachable from blocking keys: its skeleton, its
 * Double Metaphone key, its variant and nickname groups, and two keys that survive one typing
 * error (the first three letters with the length, the last three with the length: an edit touches
 * at most one of the two ends of a word of six letters or more). A query part looks up these keys
 * to find the parts it may match; only those parts' postings are then read.
 */

export type VocabToken = NameToken & { id: number };

/** What makes two parts the same vocabulary part. */
export const tokenKey = (t: NameToken) =>
  `${t.abjad ? 1 : 0}${t.kind[0]}${t.patronymic ? 1 : 0}${t.softTitle ? 1 : 0}|${t.script}|${t.text}|${t.skeleton}|${t.skeleton2 ?? ""}|${t.original ?? ""}|${t.joined ?? ""}`;

/** The blocking keys of a part. `typoLengths` widens the typo keys to neighbouring lengths (queries). */
export function blockingKeys(t: NameToken, typoLengths = false): string[] {
  if (t.kind === "particle" || t.kind === "initial") return [];
  const keys: string[] = [];
  if (t.skeleton.length >= 1) keys.push(`s${t.skeleton}`);
  if (t.skeleton2) keys.push(`s${t.skeleton2}`);
  if (t.abjad) return keys;
  keys.push(`t${t.text}`);
  if (t.text.length >= 3) {
    const p = phoneticKey(t.text);
    if (p.length >= 2) keys.push(`p${p}`);
  }
  const v = VARIANT_GROUP.get(t.text);
  if (v !== undefined) keys.push(`v${v}`);
  const n = NICKNAME_GROUP.get(t.text);
  if (n !== undefined) keys.push(`n${n}`);
  if (/^(?:al|el|ul)[a-z]{4,}$/.test(t.text)) keys.push(`t${t.text.slice(2)}`);
  const L = t.text.length;
  if (L >= 5) {
    const lengths = typoLengths ? [L - 1, L, L + 1] : [L];
    for (const l of lengths) keys.push(`<${t.text.slice(0, 3)}${l}`, `>${t.text.slice(-3)}${l}`);
  }
  return keys;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly tokens: VocabToken[] = [];
  private readonly keys = new Map<string, number[]>();
  /* Particles (bin, al, van), read per part while ranking candidates. */
  private light = new Uint8Array(1024);

  get size(): number {
    return this.tokens.length;
  }

  /** The part's number, adding it (and its keys) when new. */
  intern(t: NameToken): number {
    const key = tokenKey(t);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.tokens.length;
    this.ids.set(key, id);
    this.tokens.push({ ...t, id });
    if (id >= this.light.length) {
      const grown = new Uint8Array(this.light.length * 2);
      grown.set(this.light);
      this.light = grown;
    }
    if (t.kind === "particle") this.light[id] = 1;
    for (const k of blockingKeys(t)) {
      const list = this.keys.get(k);
      if (list) list.push(id);
      else this.keys.set(k, [id]);
    }
    return id;
  }

  /** A part that weighs nothing in a name (a particle). */
  isLight(id: number): boolean {
    return this.light[id] === 1;
  }

  /** The part's number if the vocabulary has it. */
  find(t: NameToken): number | undefined {
    return this.ids.get(tokenKey(t));
  }

  /** Every part sharing a blocking key with `t` (may repeat). */
  neighbours(t: NameToken, visit: (id: number) => void): void {
    for (const k of blockingKeys(t, true)) {
      const list = this.keys.get(k);
      if (list) for (const id of list) visit(id);
    }
  }

  /** Rough heap estimate: strings, map entries and key lists. */
  memoryBytes(): number {
    let bytes = 0;
    for (const t of this.tokens) bytes += 120 + 2 * (t.text.length + t.skeleton.length) + 2 * 60;
    for (const list of this.keys.values()) bytes += 80 + 8 * list.length;
    return bytes;
  }
}
