import { normaliseDocumentNumber, ocrFold } from "../../search/document-index/keys.ts";
import { DocumentNumberTable } from "../../search/document-index/table.ts";
import {
  MATCH_THRESHOLD,
  ScreeningIndex,
  type ScreeningMatch,
  type TravellerQuery,
} from "../../search/screening/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { dayNumber, ListedStore } from "./listed-store.ts";
import type { Listing, SubjectDocument } from "./screening.subjects.ts";

/*
 * A screening node's memory: every served person-like record (notices, diffusions, persons) in the
 * name engine under a dense number, the few facts needed to decide per query whether it may be
 * served to the asking country, and the travel documents' number table. Which records a country
 * may see is decided here, before ranking, with the same rule as SQL (canSee), so a record outside
 * the asker's view can neither appear nor push a visible one out of the answer.
 */

export type ListedKind = "notice" | "diffusion" | "person";

export type ListedMeta = {
  kind: ListedKind;
  sourceId: string;
  owner: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string[];
  /** The retention review date (YYYY-MM-DD): past it, the record is no longer served. */
  reviewAt: string;
  /** A notice's end of validity (epoch ms), checked per query so a lapsed one is never served. */
  validUntil: number | null;
  discreet: boolean;
  /** The notice type, the diffusion kind, or "person": what the frontline is asked to do. */
  category: string;
};

export type ListedMatch = ScreeningMatch & { meta: ListedMeta };
export type DocumentHolder = { meta: ListedMeta; document: SubjectDocument; exact: boolean };
export type Viewer = Pick<Actor, "country" | "isSecretariat">;

export class Watchlist {
  private readonly names = new ScreeningIndex();
  private readonly listed = new ListedStore();
  private readonly docsOf: (SubjectDocument[] | undefined)[] = [];
  /** Source id -> dense number, one map per kind (the id string is shared with the store). */
  private readonly dense: Record<ListedKind, Map<string, number>> = {
    notice: new Map(),
    diffusion: new Map(),
    person: new Map(),
  };
  private readonly free: number[] = [];
  /** OCR-folded number -> the listed subject (or subjects) known to hold such a document. */
  private readonly holders = new Map<string, number | number[]>();
  readonly documents = new DocumentNumberTable();

  get size(): number {
    return this.dense.notice.size + this.dense.diffusion.size + this.dense.person.size;
  }

  /** Adds or replaces a listed record. */
  put(meta: ListedMeta, listing: Listing): void {
    const ids = this.dense[meta.kind];
    let id = ids.get(meta.sourceId);
    if (id === undefined) {
      id = this.free.pop() ?? this.docsOf.length;
      ids.set(meta.sourceId, id);
      if (id === this.docsOf.length) this.docsOf.push(undefined);
    } else this.dropHolders(id);
    this.listed.set(id, meta);
    this.names.add(id, listing.subject);
    this.docsOf[id] = listing.documents.length ? listing.documents : undefined;
    for (const d of listing.documents) {
      const folded = ocrFold(normaliseDocumentNumber(d.number));
      if (!folded) continue;
      const known = this.holders.get(folded);
      if (known === undefined) this.holders.set(folded, id);
      else if (typeof known === "number") {
        if (known !== id) this.holders.set(folded, [known, id]);
      } else if (!known.includes(id)) known.push(id);
    }
  }

  remove(kind: ListedKind, sourceId: string): void {
    const id = this.dense[kind].get(sourceId);
    if (id === undefined) return;
    this.dropHolders(id);
    this.names.remove(id);
    this.listed.clear(id);
    this.docsOf[id] = undefined;
    this.dense[kind].delete(sourceId);
    this.free.push(id);
  }

  /** Listed persons whose names (with the traveller's other facts) score at least `floor`. */
  searchNames(q: TravellerQuery, viewer: Viewer, today: string, now: number, floor: number): ListedMatch[] {
    const day = dayNumber(today);
    const accept = (id: number) => this.listed.servable(id, viewer, day, now);
    return this.names
      .search(q, { limit: 10, threshold: Math.min(floor, MATCH_THRESHOLD), accept })
      .map((m) => ({ ...m, meta: this.listed.meta(m.id) }));
  }

  /** Listed persons known to hold a document with this number, exactly or OCR-tolerantly. */
  holdersOf(number: string, viewer: Viewer, today: string, now: number): DocumentHolder[] {
    const normalised = normaliseDocumentNumber(number);
    const folded = ocrFold(normalised);
    const known = this.holders.get(folded);
    const day = dayNumber(today);
    const out: DocumentHolder[] = [];
    for (const id of known === undefined ? [] : typeof known === "number" ? [known] : known) {
      if (!this.listed.servable(id, viewer, day, now)) continue;
      const meta = this.listed.meta(id);
      for (const document of this.docsOf[id] ?? []) {
        if (ocrFold(normaliseDocumentNumber(document.number)) !== folded) continue;
        out.push({ meta, document, exact: normaliseDocumentNumber(document.number) === normalised });
      }
    }
    return out;
  }

  /** Bytes held by the name engine (when it reports them) and the document number table. */
  memory(): { names: number | null; documents: number } {
    const names = this.names.memoryBytes?.();
    return {
      names: names === undefined ? null : names + this.listed.memoryBytes(),
      documents: this.documents.memoryBytes(),
    };
  }

  private dropHolders(id: number): void {
    for (const d of this.docsOf[id] ?? []) {
      const folded = ocrFold(normaliseDocumentNumber(d.number));
      const known = this.holders.get(folded);
      if (known === undefined) continue;
      const left = typeof known === "number" ? (known === id ? [] : [known]) : known.filter((x) => x !== id);
      if (left.length === 0) this.holders.delete(folded);
      else this.holders.set(folded, left.length === 1 ? (left[0] as number) : left);
    }
  }
}
