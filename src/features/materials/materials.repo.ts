import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { duplicateKeyAs } from "../../shared/bulk/object-import.ts";
import { envelopeOf, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { CbrneMaterialsTable, Database } from "../../storage/schema.ts";
import type { ListMaterialsQuery, MaterialFilters, MaterialView } from "./materials.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;
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

const DUPLICATE = "Your country has this material (category and identifier) already.";

/** Enters one material; undefined when the owner has it already (its natural key). */
export const insert = (db: Db, values: Insertable<CbrneMaterialsTable>) =>
  db
    .insertInto("cbrne_materials")
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();

export const update = (db: Db, id: string, values: Updateable<CbrneMaterialsTable>) =>
  db
    .updateTable("cbrne_materials")
    .set(values)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch(duplicateKeyAs(DUPLICATE));

/** One change-feed row per imported material created or changed. */
export async function recordChanges(db: Db, ids: readonly string[], at: Date) {
  if (!ids.length) return;
  await db
    .insertInto("change_feed")
    .values(ids.map((id) => ({ entity_type: "material", entity_id: id, op: "upsert" as const, at })))
    .execute();
}

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

export const recordChange = (db: Db, id: string, at: Date) =>
  db.insertInto("change_feed").values({ entity_type: "material", entity_id: id, op: "upsert", at }).execute();

/** A material the viewer may see, or undefined: "not there" and "not yours" look the same. */
export const findVisible = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("cbrne_materials as m")
    .selectAll("m")
    .where("m.id", "=", id)
    .where(visibleTo(viewer, "m"));
  return (lock ? q.forUpdate("m") : q).executeTakeFirst();
};

function filtered(db: Db, viewer: Viewer, q: MaterialFilters) {
  let query = db.selectFrom("cbrne_materials as m").where(visibleTo(viewer, "m"));
  if (q.identifier !== undefined) query = query.where("m.identifier_normalized", "=", q.identifier);
  if (q.category) query = query.where("m.category", "=", q.category);
  if (q.status) query = query.where("m.status", "=", q.status);
  if (q.country) query = query.where("m.country", "=", q.country.toUpperCase());
  return query;
}

export async function listVisible(db: Db, viewer: Viewer, q: ListMaterialsQuery) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("m")
    .orderBy("m.updated_at", "desc")
    .orderBy("m.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Every visible material in id order, by keyset pages, so memory stays flat on big exports. */
export async function* exportVisible(db: Db, viewer: Viewer, q: MaterialFilters) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await filtered(db, viewer, q)
      .selectAll("m")
      .where("m.id", ">", after)
      .orderBy("m.id")
      .limit(500)
      .execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = last.id;
  }
}
