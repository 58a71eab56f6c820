import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import { envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import { objectRepo } from "../../shared/objects/objects.repo.ts";
import type { Database, FirearmsTable } from "../../storage/schema.ts";
import type { FirearmFilters, FirearmView } from "./firearms.schema.ts";

type Db = Kysely<Database>;
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

/** The shared reads and writes, with the firearm's search fields. */
export const objects = objectRepo<FirearmsTable, FirearmRow, FirearmView, FirearmFilters>({
  table: "firearms",
  alias: "f",
  entityType: "firearm",
  duplicate: "Your country has this firearm (serial number and make) already.",
  search: [
    { key: "serial", column: "serial_normalized", match: "exact" },
    { key: "make", column: "make", match: "lower" },
    { key: "model", column: "model", match: "lower" },
    { key: "type", column: "type", match: "eq" },
    { key: "status", column: "status", match: "eq" },
  ],
  toView,
});
export const { insert, update, recordChange, recordChanges, findVisible, listVisible, exportVisible } =
  objects;

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
