/**
 * The in-memory side of the hash bank: PDQ hashes in the multi-index-hashing index, exact digests
 * (md5, sha256, video_md5) in a hash table, and the little metadata results need. Built from the
 * database on first use and kept current by the service after each committed write, so a match never
 * touches the entry tables. Visibility is applied to results here with the same rule as SQL.
 */
import { PdqIndex } from "../../search/pdq-index/index.ts";
import { canSee } from "../../shared/envelope/visibility.ts";
import type { EntryStatus, SignalType } from "./content.schema.ts";
import { MIN_PDQ_QUALITY } from "./content.schema.ts";

export type EntryMeta = {
  id: number;
  bankId: string;
  signalType: SignalType;
  value: string;
  quality: number | null;
  labels: string[];
  status: EntryStatus;
  contributedCountry: string;
  contributedUnit: string | null;
  firstSeen: string;
};

export type BankMeta = {
  id: string;
  name: string;
  owner: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string[];
  sharedWithAllPlatforms: boolean;
  sharedWithClients: string[];
};

/** Who asks: a country's human analyst, or a platform partner (identified by its API client id). */
export type MatchViewer = { country: string; isSecretariat: boolean; platformClientId: string | null };

export type RawMatch = { entry: EntryMeta; bank: BankMeta; distance: number };

/** Entries that take part in matching: not retired, and PDQ only with quality unknown or >= 50. */
export const isMatchable = (e: Pick<EntryMeta, "status" | "signalType" | "quality">) =>
  e.status !== "retired" && (e.signalType !== "pdq" || e.quality === null || e.quality >= MIN_PDQ_QUALITY);

/**
 * A platform sees a bank only when the bank is shared with it (all platforms or this client) AND its
 * country is within the bank's distribution; a human sees what the envelope lets its country see.
 */
export function bankVisibleTo(bank: BankMeta, viewer: MatchViewer): boolean {
  if (viewer.platformClientId !== null) {
    const shared = bank.sharedWithAllPlatforms || bank.sharedWithClients.includes(viewer.platformClientId);
    return shared && canSee(bank, { country: viewer.country, isSecretariat: false });
  }
  return canSee(bank, viewer);
}

export class ContentMatcher {
  private readonly pdq = new PdqIndex();
  private readonly exact = new Map<string, number[]>();
  private readonly entries = new Map<number, EntryMeta>();
  private readonly banks = new Map<string, BankMeta>();

  get size(): number {
    return this.entries.size;
  }

  putBank(bank: BankMeta): void {
    this.banks.set(bank.id, bank);
  }

  /** Bulk load of new entries (the loader's fast path, one index rebuild); known ids are replaced. */
  loadEntries(list: EntryMeta[]): void {
    const ids: number[] = [];
    const hashes: string[] = [];
    for (const e of list) {
      // Already known (the change feed got there first): take the careful path.
      if (this.entries.has(e.id)) {
        this.putEntry(e);
        continue;
      }
      this.entries.set(e.id, e);
      if (!isMatchable(e)) continue;
      if (e.signalType === "pdq") {
        ids.push(e.id);
        hashes.push(e.value);
      } else this.addExact(e);
    }
    if (ids.length) this.pdq.addBulk(ids, hashes);
  }

  /** Adds or replaces one entry (after a write committed). */
  putEntry(e: EntryMeta): void {
    const old = this.entries.get(e.id);
    // Label or status changes that keep the entry (un)matchable only touch its metadata: removal from
    // the PDQ index is a linear scan, too slow to do for every re-labelled entry of a big import.
    if (old && old.value === e.value && isMatchable(old) === isMatchable(e)) {
      this.entries.set(e.id, e);
      return;
    }
    if (old) this.dropFromIndexes(old);
    this.entries.set(e.id, e);
    if (!isMatchable(e)) return;
    if (e.signalType === "pdq") this.pdq.add(e.id, e.value);
    else this.addExact(e);
  }

  /** PDQ matches within maxDistance, closest first, limited to banks the viewer may see. */
  matchPdq(hash: string, maxDistance: number, viewer: MatchViewer): RawMatch[] {
    return this.resolve(this.pdq.query(hash, maxDistance), viewer);
  }

  /** Exact digest matches (distance 0), limited to banks the viewer may see. */
  matchExact(type: SignalType, value: string, viewer: MatchViewer): RawMatch[] {
    const ids = this.exact.get(`${type}:${value}`) ?? [];
    return this.resolve(
      ids.map((id) => ({ id, distance: 0 })),
      viewer,
    );
  }

  private resolve(hits: { id: number; distance: number }[], viewer: MatchViewer): RawMatch[] {
    const out: RawMatch[] = [];
    for (const h of hits) {
      const entry = this.entries.get(h.id);
      const bank = entry && this.banks.get(entry.bankId);
      if (entry && bank && bankVisibleTo(bank, viewer)) out.push({ entry, bank, distance: h.distance });
    }
    return out;
  }

  private addExact(e: EntryMeta): void {
    const key = `${e.signalType}:${e.value}`;
    const list = this.exact.get(key);
    if (list) list.push(e.id);
    else this.exact.set(key, [e.id]);
  }

  private dropFromIndexes(e: EntryMeta): void {
    if (!isMatchable(e)) return;
    if (e.signalType === "pdq") {
      this.pdq.remove(e.id);
      return;
    }
    const key = `${e.signalType}:${e.value}`;
    const rest = (this.exact.get(key) ?? []).filter((id) => id !== e.id);
    if (rest.length) this.exact.set(key, rest);
    else this.exact.delete(key);
  }
}
