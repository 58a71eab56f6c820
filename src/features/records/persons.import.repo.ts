import type { Insertable, Kysely } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, RecordStatementsTable, RecordsTable } from "../../storage/schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;

/**
 * The owner's records with these references, locked for the batch's update. Read through the
 * records guard like every read: the owner sees its own records, so nothing is missed.
 */
export const ownedByReference = (db: Kysely<Database>, viewer: Viewer, owner: string, refs: string[]) =>
  refs.length
    ? db
        .selectFrom("records as r")
        .select(["r.id", "r.reference", "r.schema", "r.properties", "r.subject_of_notice"])
        .where("r.owner", "=", owner)
        .where("r.reference", "in", refs)
        .where(recordVisibleTo(viewer, "r"))
        .forUpdate("r")
        .execute()
    : Promise.resolve([]);

/**
 * New records; a reference that appeared since the lookup (a concurrent import of the same file)
 * is left to that import and not returned.
 */
export const insertRecords = (db: Kysely<Database>, rows: Insertable<RecordsTable>[]) =>
  rows.length
    ? db
        .insertInto("records")
        .values(rows)
        .onConflict((oc) => oc.columns(["owner", "reference"]).doNothing())
        .returning(["id", "reference"])
        .execute()
    : Promise.resolve([]);

export const updateValues = (
  db: Kysely<Database>,
  id: string,
  v: { properties: string; caption: string; search_text: string; updated_at: Date },
) => db.updateTable("records").set(v).where("id", "=", id).execute();

/** Retracts the statements of values no longer held; those still held keep their provenance. */
export async function retractValues(
  db: Kysely<Database>,
  id: string,
  gone: [prop: string, value: string][],
  at: Date,
) {
  if (!gone.length) return;
  await db
    .updateTable("record_statements")
    .set({ retracted_at: at })
    .where("record_id", "=", id)
    .where("retracted_at", "is", null)
    .where((eb) => eb.or(gone.map(([p, v]) => eb.and([eb("prop", "=", p), eb("value", "=", v)]))))
    .execute();
}

export async function addStatements(db: Kysely<Database>, rows: Insertable<RecordStatementsTable>[]) {
  // Chunked: a batch of 1000 persons with a dozen values each stays below the bind-parameter limit.
  for (let i = 0; i < rows.length; i += 5000)
    await db
      .insertInto("record_statements")
      .values(rows.slice(i, i + 5000))
      .execute();
}

export async function appendChanges(db: Kysely<Database>, ids: readonly string[], at: Date) {
  if (!ids.length) return;
  await db
    .insertInto("change_feed")
    .values(ids.map((id) => ({ entity_type: "record", entity_id: id, op: "upsert" as const, at })))
    .execute();
}
