import {
  type Insertable,
  type Kysely,
  type OnConflictBuilder,
  type Selectable,
  sql,
  type Updateable,
} from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { type Changed, duplicateKeyAs } from "../../shared/bulk/object-import.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, VehiclesTable } from "../../storage/schema.ts";
import type { ListVehiclesQuery, VehicleFilters, VehicleView } from "./vehicles.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type VehicleRow = Selectable<VehiclesTable>;

export function toView(row: VehicleRow): VehicleView {
  return {
    id: row.id,
    vin: row.vin,
    plate: row.plate,
    plateNormalized: row.plate_normalized,
    plateCountry: row.plate_country,
    make: row.make,
    model: row.model,
    colour: row.colour,
    status: row.status as VehicleView["status"],
    eventDate: row.event_date,
    envelope: envelopeOf(row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const DUPLICATE = "Your country has this vehicle (VIN, or plate and country without a VIN) already.";

/** Enters one vehicle; undefined when the owner has it already (its natural key). */
export const insert = (db: Db, values: Insertable<VehiclesTable>) =>
  db
    .insertInto("vehicles")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();

export const update = (db: Db, id: string, values: Updateable<VehiclesTable>) =>
  db
    .updateTable("vehicles")
    .set(values)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(duplicateKeyAs(DUPLICATE));

/** One change-feed row per imported vehicle created or changed. */
export async function recordChanges(db: Db, ids: readonly string[], at: Date) {
  if (!ids.length) return;
  await db
    .insertInto("change_feed")
    .values(ids.map((id) => ({ entity_type: "vehicle", entity_id: id, op: "upsert" as const, at })))
    .execute();
}

const DATA = "vin, plate, plate_normalized, plate_country, make, model, colour, status, event_date";
// The stored row differs from the imported one: only then is it rewritten (and reported).
const distinct = sql<boolean>`(${sql.raw(DATA.replace(/(\w+)/g, "vehicles.$1"))}) IS DISTINCT FROM (${sql.raw(DATA.replace(/(\w+)/g, "excluded.$1"))})`;

/**
 * Upserts a batch by the natural key: rows with a VIN on (owner, vin), the others on (owner,
 * plate_country, plate_normalized) among the vehicles without a VIN (the partial index). A row
 * identical to the stored one returns nothing; `xmax = 0` tells an insert from an update. The
 * envelope, review date and author of a stored vehicle are never overwritten. Keys must be unique
 * within the batch.
 */
export async function upsertBatch(db: Db, rows: Insertable<VehiclesTable>[]): Promise<Changed[]> {
  const byVin = rows.filter((r) => r.vin);
  const byPlate = rows.filter((r) => !r.vin);
  const changed: Changed[] = [];
  if (byVin.length) changed.push(...(await upsert(db, byVin, (oc) => oc.columns(["owner", "vin"]))));
  if (byPlate.length)
    changed.push(
      ...(await upsert(db, byPlate, (oc) =>
        oc.columns(["owner", "plate_country", "plate_normalized"]).where("vin", "is", null),
      )),
    );
  return changed;
}

type Target = OnConflictBuilder<Database, "vehicles">;

const upsert = (db: Db, rows: Insertable<VehiclesTable>[], target: (oc: Target) => Target) =>
  db
    .insertInto("vehicles")
    .values(rows)
    .onConflict((oc) =>
      target(oc)
        .doUpdateSet((eb) => ({
          vin: eb.ref("excluded.vin"),
          plate: eb.ref("excluded.plate"),
          plate_normalized: eb.ref("excluded.plate_normalized"),
          plate_country: eb.ref("excluded.plate_country"),
          make: eb.ref("excluded.make"),
          model: eb.ref("excluded.model"),
          colour: eb.ref("excluded.colour"),
          status: eb.ref("excluded.status"),
          event_date: eb.ref("excluded.event_date"),
          updated_at: eb.ref("excluded.updated_at"),
        }))
        .where(distinct),
    )
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .execute();

export const recordChange = (db: Db, id: string, at: Date) =>
  db.insertInto("change_feed").values({ entity_type: "vehicle", entity_id: id, op: "upsert", at }).execute();

/** A vehicle the viewer may see, or undefined: "not there" and "not yours" look the same. */
export const findVisible = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("vehicles as v")
    .selectAll("v")
    .where("v.id", "=", id)
    .where(visibleTo(viewer, "v"));
  return (lock ? q.forUpdate("v") : q).executeTakeFirst();
};

function filtered(db: Db, viewer: Viewer, q: VehicleFilters) {
  let query = db.selectFrom("vehicles as v").where(visibleTo(viewer, "v"));
  if (q.vin !== undefined) query = query.where("v.vin", "=", q.vin);
  if (q.plate !== undefined) query = query.where("v.plate_normalized", "=", q.plate);
  if (q.make) query = query.where((eb) => eb(eb.fn("lower", ["v.make"]), "=", q.make?.toLowerCase()));
  if (q.model) query = query.where((eb) => eb(eb.fn("lower", ["v.model"]), "=", q.model?.toLowerCase()));
  if (q.status) query = query.where("v.status", "=", q.status);
  return query;
}

export async function listVisible(db: Db, viewer: Viewer, q: ListVehiclesQuery) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("v")
    .orderBy("v.updated_at", "desc")
    .orderBy("v.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every visible vehicle in id order, by keyset pages, so memory stays flat on big exports. */
export async function* exportVisible(db: Db, viewer: Viewer, q: VehicleFilters) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await filtered(db, viewer, q)
      .selectAll("v")
      .where("v.id", ">", after)
      .orderBy("v.id")
      .limit(500)
      .execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = last.id;
  }
}
