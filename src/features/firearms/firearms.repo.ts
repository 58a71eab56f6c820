import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { duplicateKeyAs } from "../../shared/bulk/object-import.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, FirearmsTable } from "../../storage/schema.ts";
import type { FirearmFilters, FirearmView, ListFirearmsQuery } from "./firearms.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type FirearmRow = Selectable<FirearmsTable>;

export function toView(row: FirearmRow): FirearmView {
  return {
    id: row.id,
    serialNumber: row.serial_number,
    serialNormalized: row.serial_normalized,
    make: row.make,
    model: row.model,
    calibre: row.calibre,
    type: row.type as FirearmView["type"],
    countryOfManufacture: row.country_of_manufacture,
    status: row.status as FirearmView["status"],
    eventDate: row.event_date,
    envelope: envelopeOf(row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const DUPLICATE = "Your country has this firearm (serial number and make) already.";

/** Enters one firearm; undefined when the owner has it already (its natural key). */
export const insert = (db: Db, values: Insertable<FirearmsTable>) =>
  db
    .insertInto("firearms")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();

export const update = (db: Db, id: string, values: Updateable<FirearmsTable>) =>
  db
    .updateTable("firearms")
    .set(values)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(duplicateKeyAs(DUPLICATE));

export const recordChange = (db: Db, id: string, at: Date) =>
  db.insertInto("change_feed").values({ entity_type: "firearm", entity_id: id, op: "upsert", at }).execute();

/** One change-feed row per imported firearm created or changed. */
export async function recordChanges(db: Db, ids: readonly string[], at: Date) {
  if (!ids.length) return;
  await db
    .insertInto("change_feed")
    .values(ids.map((id) => ({ entity_type: "firearm", entity_id: id, op: "upsert" as const, at })))
    .execute();
}

/**
 * Upserts a batch by the natural key (owner, serial_normalized, lower(make)). A row identical to the
 * stored one is left alone and returns nothing; `xmax = 0` tells an insert from an update. The
 * envelope, review date and author of a stored firearm are never overwritten. Keys must be unique
 * within the batch (PostgreSQL refuses to update one row twice in a statement).
 */
export const upsertBatch = (db: Db, rows: Insertable<FirearmsTable>[]) =>
  db
    .insertInto("firearms")
    .values(rows)
    .onConflict((oc) =>
      oc
        .expression(sql`owner, serial_normalized, lower(make)`)
        .doUpdateSet((eb) => ({
          serial_number: eb.ref("excluded.serial_number"),
          make: eb.ref("excluded.make"),
          model: eb.ref("excluded.model"),
          calibre: eb.ref("excluded.calibre"),
          type: eb.ref("excluded.type"),
          country_of_manufacture: eb.ref("excluded.country_of_manufacture"),
          status: eb.ref("excluded.status"),
          event_date: eb.ref("excluded.event_date"),
          updated_at: eb.ref("excluded.updated_at"),
        }))
        .where(
          sql<boolean>`(firearms.serial_number, firearms.make, firearms.model, firearms.calibre, firearms.type, firearms.country_of_manufacture, firearms.status, firearms.event_date) IS DISTINCT FROM (excluded.serial_number, excluded.make, excluded.model, excluded.calibre, excluded.type, excluded.country_of_manufacture, excluded.status, excluded.event_date)`,
        ),
    )
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .execute();

/** A firearm the viewer may see, or undefined: "not there" and "not yours" look the same. */
export const findVisible = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("firearms as f")
    .selectAll("f")
    .where("f.id", "=", id)
    .where(visibleTo(viewer, "f"));
  return (lock ? q.forUpdate("f") : q).executeTakeFirst();
};

function filtered(db: Db, viewer: Viewer, q: FirearmFilters) {
  let query = db.selectFrom("firearms as f").where(visibleTo(viewer, "f"));
  if (q.serial !== undefined) query = query.where("f.serial_normalized", "=", q.serial);
  if (q.make) query = query.where((eb) => eb(eb.fn("lower", ["f.make"]), "=", q.make?.toLowerCase()));
  if (q.model) query = query.where((eb) => eb(eb.fn("lower", ["f.model"]), "=", q.model?.toLowerCase()));
  if (q.type) query = query.where("f.type", "=", q.type);
  if (q.status) query = query.where("f.status", "=", q.status);
  return query;
}

export async function listVisible(db: Db, viewer: Viewer, q: ListFirearmsQuery) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("f")
    .orderBy("f.updated_at", "desc")
    .orderBy("f.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every visible firearm in id order, by keyset pages, so memory stays flat on big exports. */
export async function* exportVisible(db: Db, viewer: Viewer, q: FirearmFilters) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await filtered(db, viewer, q)
      .selectAll("f")
      .where("f.id", ">", after)
      .orderBy("f.id")
      .limit(500)
      .execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = last.id;
  }
}
