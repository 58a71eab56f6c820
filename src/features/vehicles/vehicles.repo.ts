import { type Insertable, type Kysely, type OnConflictBuilder, type Selectable, sql } from "kysely";
import type { Changed } from "../../shared/bulk/object-import.ts";
import { envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import { objectRepo } from "../../shared/objects/objects.repo.ts";
import type { Database, VehiclesTable } from "../../storage/schema.ts";
import type { VehicleFilters, VehicleView } from "./vehicles.schema.ts";

type Db = Kysely<Database>;
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

/** The shared reads and writes, with the vehicle's search fields. */
export const objects = objectRepo<VehiclesTable, VehicleRow, VehicleView, VehicleFilters>({
  table: "vehicles",
  alias: "v",
  entityType: "vehicle",
  duplicate: "Your country has this vehicle (VIN, or plate and country without a VIN) already.",
  search: [
    { key: "vin", column: "vin", match: "exact" },
    { key: "plate", column: "plate_normalized", match: "exact" },
    { key: "make", column: "make", match: "lower" },
    { key: "model", column: "model", match: "lower" },
    { key: "status", column: "status", match: "eq" },
  ],
  toView,
});
export const { insert, update, recordChange, recordChanges, findVisible, listVisible, exportVisible } =
  objects;

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
