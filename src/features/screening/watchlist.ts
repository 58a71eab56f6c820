import { normaliseDocumentNumber, ocrFold } from "../../search/document-index/keys.ts";
import { DocumentNumberTable } from "../../search/document-index/table.ts";
import {
  MATCH_THRESHOLD,
  ScreeningIndex,
  type ScreeningMatch,
  type TravellerQuery,
} from "../../search/screening/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { canSee } from "../../shared/envelope/visibility.ts";
import { isServedToScreening } from "../../shared/review.sql.ts";
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

const keyOf = (kind: ListedKind, id: string) => `${kind}:${id}`;

export class Watchlist {
  private readonly names = new ScreeningIndex();
  private readonly meta: (ListedMeta | undefined)[] = [];
  private readonly docsOf: (SubjectDocument[] | undefined)[] = [];
  private readonly dense = new Map<string, number>();
  private readonly free: number[] = [];
  /** OCR-folded number -> the listed subjects known to hold such a document. */
  private readonly holders = new Map<string, number[]>();
  readonly documents = new DocumentNumberTable();

  get size(): number {
    return this.dense.size;
  }

  /** Adds or replaces a listed record. */
  put(meta: ListedMeta, listing: Listing): void {
    const key = keyOf(meta.kind, meta.sourceId);
    let id = this.dense.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.meta.length;
      this.dense.set(key, id);
    } else this.dropHolders(id);
    this.meta[id] = meta;
    this.names.add(id, listing.subject);
    this.docsOf[id] = listing.documents.length ? listing.documents : undefined;
    for (const d of listing.documents) {
      const folded = ocrFold(normaliseDocumentNumber(d.number));
      if (!folded) continue;
      const ids = this.holders.get(folded) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.holders.set(folded, ids);
    }
  }

  remove(kind: ListedKind, sourceId: string): void {
    const key = keyOf(kind, sourceId);
    const id = this.dense.get(key);
    if (id === undefined) return;
    this.dropHolders(id);
    this.names.remove(id);
    this.meta[id] = undefined;
    this.docsOf[id] = undefined;
    this.dense.delete(key);
    this.free.push(id);
  }

  has(kind: ListedKind, sourceId: string): boolean {
    return this.dense.has(keyOf(kind, sourceId));
  }

  /** Served to `viewer` today: inside its view, before its review date, within its validity. */
  servable(meta: ListedMeta, viewer: Viewer, today: string, now: number): boolean {
    return (
      isServedToScreening(meta.reviewAt, today) &&
      (meta.validUntil === null || meta.validUntil > now) &&
      canSee(meta, viewer)
    );
  }

  /** Listed persons whose names (with the traveller's other facts) score at least `floor`. */
  searchNames(q: TravellerQuery, viewer: Viewer, today: string, now: number, floor: number): ListedMatch[] {
    const accept = (id: number) => {
      const m = this.meta[id];
      return m !== undefined && this.servable(m, viewer, today, now);
    };
    return this.names
      .search(q, { limit: 10, threshold: Math.min(floor, MATCH_THRESHOLD), accept })
      .map((m) => ({ ...m, meta: this.meta[m.id] as ListedMeta }));
  }

  /** Listed persons known to hold a document with this number, exactly or OCR-tolerantly. */
  holdersOf(number: string, viewer: Viewer, today: string, now: number): DocumentHolder[] {
    const normalised = normaliseDocumentNumber(number);
    const out: DocumentHolder[] = [];
    for (const id of this.holders.get(ocrFold(normalised)) ?? []) {
      const meta = this.meta[id];
      if (!meta || !this.servable(meta, viewer, today, now)) continue;
      for (const document of this.docsOf[id] ?? []) {
        if (ocrFold(normaliseDocumentNumber(document.number)) !== ocrFold(normalised)) continue;
        out.push({ meta, document, exact: normaliseDocumentNumber(document.number) === normalised });
      }
    }
    return out;
  }

  /** Bytes held by the name engine (when it reports them) and the document number table. */
  memory(): { names: number | null; documents: number } {
    return { names: this.names.memoryBytes?.() ?? null, documents: this.documents.memoryBytes() };
  }

  private dropHolders(id: number): void {
    for (const d of this.docsOf[id] ?? []) {
      const folded = ocrFold(normaliseDocumentNumber(d.number));
      const ids = this.holders.get(folded)?.filter((x) => x !== id) ?? [];
      if (ids.length) this.holders.set(folded, ids);
      else this.holders.delete(folded);
    }
  }
}
