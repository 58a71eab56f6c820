import { dayNumber } from "./birth-dates.ts";

/*
 * Persons packed into one growing Int32Array rather than one JS object each (an object with its
 * arrays and strings costs several hundred bytes; a packed person costs about 4 bytes per name
 * part). Layout of one record:
 *   nNames, then per name: (nParts | weak << 16), part ids...
 *   nDates, then per date: first day, last day, flags (precision | approximate << 2)
 *   nNationalities, then codes (two letters as 16 bits); sex (0 none, 1 M, 2 F)
 *   nPlaces, then place ids
 * Replacing or removing a record leaves its old slot as garbage; the pool is compacted when the
 * garbage passes half of it.
 */

export type StoredName = { parts: number[]; weak: boolean };
export type StoredRecord = {
  names: StoredName[];
  birthDates: string[];
  nationalities: string[];
  sex: "M" | "F" | null;
  places: number[];
};

const PRECISIONS = ["day", "month", "year", "range"] as const;

function grow(a: Int32Array<ArrayBuffer>, need: number, fill = 0): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

const pad = (n: number) => String(n).padStart(2, "0");
function isoOf(day: number): string {
  const d = new Date((day - 62_091) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A stored date back to EDTF. */
function edtfOf(from: number, to: number, flags: number): string {
  const a = isoOf(from);
  const b = isoOf(to);
  const precision = PRECISIONS[flags & 3];
  const approx = flags & 4 ? "~" : "";
  if (precision === "day") return `${a}${approx}`;
  if (precision === "month") return `${a.slice(0, 7)}${approx}`;
  if (precision === "year") return `${a.slice(0, 4)}${approx}`;
  const whole = a.endsWith("-01-01") && b.endsWith("-12-31");
  return whole ? `${a.slice(0, 4)}/${b.slice(0, 4)}` : `${a}/${b}`;
}

export type PackedDate = {
  from: string;
  to: string;
  precision: (typeof PRECISIONS)[number];
  approximate: boolean;
};

export class RecordStore {
  private pool = new Int32Array(1024);
  private used = 0;
  private garbage = 0;
  private start = new Int32Array(1024).fill(-1);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(id: number): boolean {
    return id < this.start.length && (this.start[id] as number) >= 0;
  }

  put(
    id: number,
    r: {
      names: StoredName[];
      dates: PackedDate[];
      nationalities: string[];
      sex: "M" | "F" | null;
      places: number[];
    },
  ) {
    const words: number[] = [r.names.length];
    for (const n of r.names) words.push(n.parts.length | (n.weak ? 1 << 16 : 0), ...n.parts);
    words.push(r.dates.length);
    for (const d of r.dates)
      words.push(
        dayNumber(d.from),
        dayNumber(d.to),
        PRECISIONS.indexOf(d.precision) | (d.approximate ? 4 : 0),
      );
    words.push(r.nationalities.length);
    for (const c of r.nationalities) words.push((c.charCodeAt(0) << 8) | c.charCodeAt(1));
    words.push(r.sex === "M" ? 1 : r.sex === "F" ? 2 : 0, r.places.length, ...r.places);
    if (this.has(id)) this.drop(id);
    else this.count++;
    this.start = grow(this.start, id + 1, -1);
    this.pool = grow(this.pool, this.used + words.length + 1);
    this.start[id] = this.used;
    this.pool[this.used++] = words.length;
    this.pool.set(words, this.used);
    this.used += words.length;
    if (this.garbage > 1 << 16 && this.garbage > this.used / 2) this.compact();
  }

  private drop(id: number) {
    const at = this.start[id] as number;
    this.garbage += (this.pool[at] as number) + 1;
    this.start[id] = -1;
  }

  remove(id: number): boolean {
    if (!this.has(id)) return false;
    this.drop(id);
    this.count--;
    return true;
  }

  /** The distinct part ids of a record (for its postings). */
  partIds(id: number): number[] {
    const out = new Set<number>();
    this.forEachName(id, (parts) => {
      for (const p of parts) out.add(p);
    });
    return [...out];
  }

  forEachName(id: number, visit: (parts: Int32Array, weak: boolean) => void): void {
    let at = (this.start[id] as number) + 1;
    const n = this.pool[at++] as number;
    for (let k = 0; k < n; k++) {
      const header = this.pool[at++] as number;
      const len = header & 0xffff;
      visit(this.pool.subarray(at, at + len), header >> 16 === 1);
      at += len;
    }
  }

  read(id: number): StoredRecord {
    return { names: this.readNames(id), ...this.readQualifiers(id) };
  }

  readNames(id: number): StoredName[] {
    const p = this.pool;
    let at = (this.start[id] as number) + 1;
    const names: StoredName[] = [];
    const n = p[at++] as number;
    for (let k = 0; k < n; k++) {
      const header = p[at++] as number;
      const len = header & 0xffff;
      names.push({ parts: Array.from(p.subarray(at, at + len)), weak: header >> 16 === 1 });
      at += len;
    }
    return names;
  }

  /** Dates of birth (as EDTF), nationalities, sex and places: read only for a name worth it. */
  readQualifiers(id: number): Omit<StoredRecord, "names"> {
    const p = this.pool;
    let at = (this.start[id] as number) + 1;
    const n = p[at++] as number;
    for (let k = 0; k < n; k++) at += ((p[at] as number) & 0xffff) + 1;
    const birthDates: string[] = [];
    const nd = p[at++] as number;
    for (let k = 0; k < nd; k++, at += 3)
      birthDates.push(edtfOf(p[at] as number, p[at + 1] as number, p[at + 2] as number));
    const nationalities: string[] = [];
    const nn = p[at++] as number;
    for (let k = 0; k < nn; k++) {
      const c = p[at++] as number;
      nationalities.push(String.fromCharCode(c >> 8, c & 0xff));
    }
    const sexCode = p[at++] as number;
    const np = p[at++] as number;
    const places = Array.from(p.subarray(at, at + np));
    return { birthDates, nationalities, sex: sexCode === 1 ? "M" : sexCode === 2 ? "F" : null, places };
  }

  private compact() {
    const pool = new Int32Array(Math.max(1024, Math.ceil((this.used - this.garbage) * 1.25)));
    let used = 0;
    for (let id = 0; id < this.start.length; id++) {
      const at = this.start[id] as number;
      if (at < 0) continue;
      const len = (this.pool[at] as number) + 1;
      pool.set(this.pool.subarray(at, at + len), used);
      this.start[id] = used;
      used += len;
    }
    this.pool = pool;
    this.used = used;
    this.garbage = 0;
  }

  /** Bytes held by the typed arrays. */
  memoryBytes(): number {
    return this.pool.byteLength + this.start.byteLength;
  }

  /** The packed pool, for hot loops (valid until the next put): see `namesAt`. */
  get words(): Int32Array {
    return this.pool;
  }

  /** Where a record's names start in `words`: the number of names, then per name
   * (nParts | weak << 16) and the part ids. */
  namesAt(id: number): number {
    return (this.start[id] as number) + 1;
  }

  /** Upper bound of ids seen (for scratch arrays). */
  get idCapacity(): number {
    return this.start.length;
  }
}
