import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
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
  if (q.type) query = query.where("d.doc_type", "=", q.type);
  if (q.owner) query = query.where("d.owner", "=", q.owner);
  return query;
}

// The list's sort keys and their columns; the id breaks ties (and is the entry order itself).
const sortColumns = {
  createdAt: "d.id",
  number: "d.number_norm",
  eventDate: "d.event_date",
  reportedDate: "d.reported_date",
  reviewAt: "d.review_at",
} as const;

export async function listVisible(
  db: Kysely<Database>,
  viewer: Viewer,
  q: ListDocumentsQuery & { numberNorm?: string },
) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const { key, desc } = sortOf(q.sort ?? "-createdAt");
  const column = sortColumns[key];
  // Dates may be missing: those rows come last either way. Plain columns keep a plain ORDER BY, which
  // an index scan serves (the default, id descending, reads the primary key backwards).
  const nullable = key === "eventDate" || key === "reportedDate";
  let sorted = base.selectAll("d").orderBy(column, direction(desc, nullable));
  if (column !== "d.id") sorted = sorted.orderBy("d.id", "desc");
  const rows = await sorted
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

/** What a batch of an import stores per document; the envelope and timestamps are the batch's. */
export type ImportedDocument = Pick<
  NewDocument,
  | "issuing_country"
  | "number"
  | "number_norm"
  | "doc_type"
  | "status"
  | "blank"
  | "event_date"
  | "reported_date"
>;
export type ImportBatchCommon = Pick<
  NewDocument,
  | "owner"
  | "distribution"
  | "distribution_countries"
  | "handling_code"
  | "handling_note"
  | "source_reliability"
  | "information_accuracy"
  | "source_type"
  | "review_at"
> & { at: Date };

/**
 * Upserts a batch of an import and writes the change-feed rows of what it inserted or changed, in
 * one statement: the rows travel as one array per column (`unnest`), the envelope once, so the
 * statement has 18 parameters whatever the batch size (a multi-row VALUES had 19 per row, which
 * both drivers serialise and the server parses one by one).
 *
 * A row identical to the stored one is filtered out before the upsert (one index probe, LATERAL and
 * LIMIT 1 so that it stays a probe however the planner sizes the table): ON CONFLICT DO UPDATE
 * locks every conflicting row even when its WHERE refuses the update, which on a re-run of millions
 * would write a lock into every heap page. The upsert's own WHERE stays for a row changed or added
 * by someone else meanwhile. A changed row is updated, a new one inserted (`xmax = 0` tells them
 * apart); a stored envelope is its owner's choice and never overwritten. Keys must be unique within
 * the batch (PostgreSQL refuses to update one row twice in a statement).
 */
export async function importBatch(
  db: Kysely<Database>,
  rows: readonly ImportedDocument[],
  c: ImportBatchCommon,
) {
  const col = <K extends keyof ImportedDocument>(k: K) => rows.map((r) => r[k] ?? null);
  const r = await sql<{ created: number; changed: number }>`
    WITH up AS (
      INSERT INTO travel_documents AS d (issuing_country, number, number_norm, doc_type, status, blank,
        event_date, reported_date, owner, distribution, distribution_countries, handling_code,
        handling_note, source_reliability, information_accuracy, source_type, review_at, created_at, updated_at)
      SELECT i.*, ${c.owner}, ${c.distribution}, ${c.distribution_countries ?? []}::text[], ${c.handling_code},
        ${c.handling_note ?? null}, ${c.source_reliability}, ${c.information_accuracy}::int2, ${c.source_type},
        ${c.review_at}::date, ${c.at}::timestamptz, ${c.at}::timestamptz
      FROM unnest(${col("issuing_country")}::text[], ${col("number")}::text[], ${col("number_norm")}::text[],
        ${col("doc_type")}::text[], ${col("status")}::text[], ${col("blank")}::bool[],
        ${col("event_date")}::date[], ${col("reported_date")}::date[])
        AS i(issuing_country, number, number_norm, doc_type, status, blank, event_date, reported_date)
      LEFT JOIN LATERAL (
        SELECT o.number, o.status, o.blank, o.event_date, o.reported_date FROM travel_documents AS o
        WHERE o.number_norm = i.number_norm AND o.issuing_country = i.issuing_country
          AND o.doc_type = i.doc_type AND ${visibleTo({ country: c.owner, isSecretariat: false }, "o")}
        LIMIT 1
      ) AS stored ON true
      WHERE (stored.number, stored.status, stored.blank, stored.event_date, stored.reported_date)
        IS DISTINCT FROM (i.number, i.status, i.blank, i.event_date, i.reported_date)
      ON CONFLICT (number_norm, issuing_country, doc_type) DO UPDATE SET
        number = excluded.number, status = excluded.status, blank = excluded.blank,
        event_date = excluded.event_date, reported_date = excluded.reported_date, updated_at = excluded.updated_at
      WHERE (d.number, d.status, d.blank, d.event_date, d.reported_date)
        IS DISTINCT FROM (excluded.number, excluded.status, excluded.blank, excluded.event_date, excluded.reported_date)
      RETURNING d.id, (d.xmax = 0) AS inserted
    ), feed AS (
      INSERT INTO change_feed (entity_type, entity_id, op, at)
      SELECT 'travel_document', up.id::text, 'upsert', ${c.at}::timestamptz FROM up
    )
    SELECT (count(*) FILTER (WHERE up.inserted))::int4 AS created, count(*)::int4 AS changed FROM up`.execute(
    db,
  );
  const row = r.rows[0] ?? { created: 0, changed: 0 };
  const created = Number(row.created);
  return { created, updated: Number(row.changed) - created, unchanged: rows.length - Number(row.changed) };
}
