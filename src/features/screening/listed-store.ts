import type { ListedKind, ListedMeta } from "./watchlist.ts";

/*
 * The per-record facts a screening node needs to decide, for each query, whether a listed record
 * may be served to the asking country - kept in typed arrays indexed by the record's dense number
 * rather than one object per record: at a million persons, an object with its strings and arrays
 * costs several hundred bytes, these columns a few dozen. Repeated values (countries, distribution
 * lists, categories) are interned once.
 */

const KINDS: readonly ListedKind[] = ["notice", "diffusion", "person"];
const DISTRIBUTIONS: readonly ListedMeta["distribution"][] = ["all", "only", "except"];
const DAY_MS = 86_400_000;

/** Interns values to small numbers and back. */
class Interned<T> {
  private readonly index = new Map<string, number>();
  readonly values: T[] = [];
  constructor(private readonly keyOf: (v: T) => string) {}
  of(v: T): number {
    const key = this.keyOf(v);
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(v);
      this.index.set(key, n);
    }
    return n;
  }
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayNumber = (iso: string): number =>
  Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

export class ListedStore {
  private capacity = 0;
  private kind = new Uint8Array(0);
  private distribution = new Uint8Array(0);
  private discreet = new Uint8Array(0);
  private owner = new Uint16Array(0);
  private category = new Uint16Array(0);
  private countries = new Uint32Array(0);
  private reviewDay = new Int32Array(0);
  /** Epoch ms; NaN when the record has no end of validity. */
  private validUntil = new Float64Array(0);
  private readonly sourceIds: (string | undefined)[] = [];
  private readonly owners = new Interned<string>((s) => s);
  private readonly categories = new Interned<string>((s) => s);
  private readonly lists = new Interned<readonly string[]>((l) => l.join(","));

  set(id: number, m: ListedMeta): void {
    if (id >= this.capacity) this.grow(Math.max(1024, id + 1, Math.ceil(this.capacity * 1.5)));
    this.kind[id] = KINDS.indexOf(m.kind);
    this.distribution[id] = DISTRIBUTIONS.indexOf(m.distribution);
    this.discreet[id] = m.discreet ? 1 : 0;
    this.owner[id] = this.owners.of(m.owner);
    this.category[id] = this.categories.of(m.category);
    this.countries[id] = this.lists.of([...m.distributionCountries].sort());
    this.reviewDay[id] = dayNumber(m.reviewAt);
    this.validUntil[id] = m.validUntil ?? Number.NaN;
    this.sourceIds[id] = m.sourceId;
  }

  clear(id: number): void {
    this.sourceIds[id] = undefined;
  }

  /**
   * Served to `viewer` on `today` (a day number): before its review date, within its validity,
   * and inside its distribution - the rule of canSee and fusion_can_see, on the columns.
   */
  servable(
    id: number,
    viewer: { country: string; isSecretariat: boolean },
    today: number,
    now: number,
  ): boolean {
    if (this.sourceIds[id] === undefined) return false;
    if ((this.reviewDay[id] as number) < today) return false;
    const until = this.validUntil[id] as number;
    if (!Number.isNaN(until) && until <= now) return false;
    if (viewer.isSecretariat || this.owners.values[this.owner[id] as number] === viewer.country) return true;
    const mode = DISTRIBUTIONS[this.distribution[id] as number];
    if (mode === "all") return true;
    const listed = (this.lists.values[this.countries[id] as number] as readonly string[]).includes(
      viewer.country,
    );
    return mode === "only" ? listed : !listed;
  }

  /** The record's facts as an object, for the few records a query returns. */
  meta(id: number): ListedMeta {
    const until = this.validUntil[id] as number;
    return {
      kind: KINDS[this.kind[id] as number] as ListedKind,
      sourceId: this.sourceIds[id] as string,
      owner: this.owners.values[this.owner[id] as number] as string,
      distribution: DISTRIBUTIONS[this.distribution[id] as number] as ListedMeta["distribution"],
      distributionCountries: [...(this.lists.values[this.countries[id] as number] as readonly string[])],
      reviewAt: new Date((this.reviewDay[id] as number) * DAY_MS).toISOString().slice(0, 10),
      validUntil: Number.isNaN(until) ? null : until,
      discreet: this.discreet[id] === 1,
      category: this.categories.values[this.category[id] as number] as string,
    };
  }

  /** Bytes held by the columns (the source ids' strings not counted). */
  memoryBytes(): number {
    return this.capacity * (1 + 1 + 1 + 2 + 2 + 4 + 4 + 8 + 8);
  }

  private grow(capacity: number): void {
    const copy = <A extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
      a: A,
      make: (n: number) => A,
    ): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.distribution = copy(this.distribution, (n) => new Uint8Array(n));
    this.discreet = copy(this.discreet, (n) => new Uint8Array(n));
    this.owner = copy(this.owner, (n) => new Uint16Array(n));
    this.category = copy(this.category, (n) => new Uint16Array(n));
    this.countries = copy(this.countries, (n) => new Uint32Array(n));
    this.reviewDay = copy(this.reviewDay, (n) => new Int32Array(n));
    this.validUntil = copy(this.validUntil, (n) => new Float64Array(n));
    this.capacity = capacity;
  }
}
