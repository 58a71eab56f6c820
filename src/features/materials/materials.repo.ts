import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import { envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import { objectRepo } from "../../shared/objects/objects.repo.ts";
import type { CbrneMaterialsTable, Database } from "../../storage/schema.ts";
import type { MaterialFilters, MaterialView } from "./materials.schema.ts";

type Db = Kysely<Database>;
export type MaterialRow = Selectable<CbrneMaterialsTable>;

export function toView(row: MaterialRow): MaterialView {
  return {
    id: row.id,
    category: row.category as MaterialView["category"],
    description: row.description,
    identifier: row.identifier,
    identifierNormalized: row.identifier_normalized,
    quantity: row.quantity,
    unit: row.unit,
    place: row.place,
    country: row.country,
    eventDate: row.event_date,
    status: row.status as MaterialView["status"],
    envelope: envelopeOf(row),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The shared reads and writes, with the material's search fields. */
export const objects = objectRepo<CbrneMaterialsTable, MaterialRow, MaterialView, MaterialFilters>({
  table: "cbrne_materials",
  alias: "m",
  entityType: "material",
  duplicate: "Your country has this material (category and identifier) already.",
  search: [
    { key: "identifier", column: "identifier_normalized", match: "exact" },
    { key: "category", column: "category", match: "eq" },
    { key: "status", column: "status", match: "eq" },
    { key: "country", column: "country", match: "upper" },
  ],
  toView,
});
export const { insert, update, recordChange, recordChanges, findVisible, listVisible, exportVisible } =
  objects;

/**
 * Upserts a batch by the natural key (owner, category, identifier_normalized). A row identical to
 * the stored one returns nothing; `xmax = 0` tells an insert from an update. The envelope, review
 * date and author of a stored material are never overwritten. Keys must be unique within the batch.
 */
export const upsertBatch = (db: Db, rows: Insertable<CbrneMaterialsTable>[]) =>
  db
    .insertInto("cbrne_materials")
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(["owner", "category", "identifier_normalized"])
        .doUpdateSet((eb) => ({
          description: eb.ref("excluded.description"),
          identifier: eb.ref("excluded.identifier"),
          quantity: eb.ref("excluded.quantity"),
          unit: eb.ref("excluded.unit"),
          place: eb.ref("excluded.place"),
          country: eb.ref("excluded.country"),
          event_date: eb.ref("excluded.event_date"),
          status: eb.ref("excluded.status"),
          updated_at: eb.ref("excluded.updated_at"),
        }))
        .where(
          sql<boolean>`(cbrne_materials.description, cbrne_materials.identifier, cbrne_materials.quantity, cbrne_materials.unit, cbrne_materials.place, cbrne_materials.country, cbrne_materials.event_date, cbrne_materials.status) IS DISTINCT FROM (excluded.description, excluded.identifier, excluded.quantity, excluded.unit, excluded.place, excluded.country, excluded.event_date, excluded.status)`,
        ),
    )
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .execute();
