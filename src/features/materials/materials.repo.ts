import type { Insertable, Kysely, Selectable, Updateable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
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

export const insert = (db: Db, values: Insertable<CbrneMaterialsTable>) =>
  db.insertInto("cbrne_materials").values(values).returningAll().executeTakeFirstOrThrow();

export const update = (db: Db, id: string, values: Updateable<CbrneMaterialsTable>) =>
  db.updateTable("cbrne_materials").set(values).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

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
