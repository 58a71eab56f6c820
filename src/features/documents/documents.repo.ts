import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, DocumentStatus, TravelDocumentsTable } from "../../storage/schema.ts";
import { type DocumentView, type ListDocumentsQuery, OCR_FROM, OCR_TO, ocrKey } from "./documents.schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type DocumentRow = Selectable<TravelDocumentsTable>;
export type NewDocument = Insertable<TravelDocumentsTable>;

export function toView(row: DocumentRow): DocumentView {
  return {
    id: String(row.id),
    number: row.number,
    numberNormalised: row.number_norm,
    country: row.issuing_country,
    type: row.doc_type,
    status: row.status,
    blank: row.blank,
    eventDate: row.event_date,
    reportedDate: row.reported_date,
    envelope: envelopeOf(row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A document the viewer may see, or undefined: "not there" and "not yours" look the same. */
export const findVisible = (db: Kysely<Database>, viewer: Viewer, id: number, lock = false) => {
  const q = db
    .selectFrom("travel_documents as d")
    .selectAll("d")
    .where("d.id", "=", id)
    .where(visibleTo(viewer, "d"));
  return (lock ? q.forUpdate("d") : q).executeTakeFirst();
};

function filtered(
  db: Kysely<Database>,
  viewer: Viewer,
  q: Partial<ListDocumentsQuery> & { numberNorm?: string },
) {
  let query = db.selectFrom("travel_documents as d").where(visibleTo(viewer, "d"));
  // The lookup by number uses the natural-key index, whose first column is the normalised number;
  // the OCR-tolerant one the expression index on the folded number (migration 007).
  if (q.numberNorm !== undefined)
    query = q.ocrTolerant
      ? query.where(
          sql<string>`translate(d.number_norm, ${sql.lit(OCR_FROM)}, ${sql.lit(OCR_TO)})`,
          "=",
          ocrKey(q.numberNorm),
        )
      : query.where("d.number_norm", "=", q.numberNorm);
  if (q.country) query = query.where("d.issuing_country", "=", q.country);
  if (q.status) query = query.where("d.status", "=", q.status);
  return query;
}

export async function listVisible(
  db: Kysely<Database>,
  viewer: Viewer,
  q: ListDocumentsQuery & { numberNorm?: string },
) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("d")
    .orderBy("d.id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** One page of the visible documents after `after`, in id order (keyset: flat memory on big exports). */
export const visiblePage = (db: Kysely<Database>, viewer: Viewer, after: number, limit: number) =>
  filtered(db, viewer, {}).selectAll("d").where("d.id", ">", after).orderBy("d.id").limit(limit).execute();

/** Enters one document; undefined when the same document (natural key) is already there. */
export const insertOne = (db: Kysely<Database>, row: NewDocument) =>
  db
    .insertInto("travel_documents")
    .values(row)
    .onConflict((oc) => oc.columns(["number_norm", "issuing_country", "doc_type"]).doNothing())
    .returningAll()
    .executeTakeFirst();

export const setStatus = (
  db: Kysely<Database>,
  id: number,
  set: { status: DocumentStatus; blank?: boolean; event_date?: string; updated_at: Date },
) =>
  db.updateTable("travel_documents").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

/**
 * Upserts a batch by the natural key. A row identical to the stored one is left alone (the WHERE of
 * DO UPDATE), so a re-import writes nothing and returns nothing for it; `xmax = 0` tells an insert
 * from an update. The envelope of a stored document is its owner's choice and is never overwritten.
 * Keys must be unique within the batch (PostgreSQL refuses to update one row twice in a statement).
 */
export async function upsertBatch(db: Kysely<Database>, rows: NewDocument[]) {
  const changed = await db
    .insertInto("travel_documents")
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(["number_norm", "issuing_country", "doc_type"])
        .doUpdateSet((eb) => ({
          number: eb.ref("excluded.number"),
          status: eb.ref("excluded.status"),
          blank: eb.ref("excluded.blank"),
          event_date: eb.ref("excluded.event_date"),
          reported_date: eb.ref("excluded.reported_date"),
          updated_at: eb.ref("excluded.updated_at"),
        }))
        .where(
          sql<boolean>`(travel_documents.number, travel_documents.status, travel_documents.blank, travel_documents.event_date, travel_documents.reported_date) IS DISTINCT FROM (excluded.number, excluded.status, excluded.blank, excluded.event_date, excluded.reported_date)`,
        ),
    )
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .execute();
  return changed;
}

/** One change-feed row per changed document, for the screening indexes and border replicas. */
export async function appendChanges(db: Kysely<Database>, ids: readonly number[], at: Date) {
  if (!ids.length) return;
  await db
    .insertInto("change_feed")
    .values(
      ids.map((id) => ({ entity_type: "travel_document", entity_id: String(id), op: "upsert" as const, at })),
    )
    .execute();
}
