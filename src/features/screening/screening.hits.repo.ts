import type { Insertable, Kysely, Selectable } from "kysely";
import { sql } from "kysely";
import type { Database, ScreeningHitsTable } from "../../storage/schema.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";

type Db = Kysely<Database>;
type Viewer = { country: string; isSecretariat: boolean };
export type HitRow = Selectable<ScreeningHitsTable>;
export type NewHit = Insertable<ScreeningHitsTable>;

/** Who reads a hit (migration 015): the record's owner, the Secretariat, the screening country unless discreet. */
export const hitVisibleTo = (viewer: Viewer, alias = "h") => {
  const h = sql.ref(alias);
  return sql<boolean>`fusion_hit_visible(${h}.owner, ${h}.checked_by_country, ${h}.discreet, ${viewer.country}, ${viewer.isSecretariat})`;
};
const platformView: Viewer = { country: GENERAL_SECRETARIAT, isSecretariat: true };

export async function insertHits(db: Db, hits: NewHit[]): Promise<HitRow[]> {
  if (!hits.length) return [];
  return db.insertInto("screening_hits").values(hits).returningAll().execute();
}

/** The records this traveller was already rejected against: such a match is not raised again. */
export async function rejectedFor(db: Db, travellerKey: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("screening_hits as h")
    .select(["h.subject_kind", "h.subject_id"])
    .where("h.traveller_key", "=", travellerKey)
    .where("h.state", "=", "rejected")
    .where(hitVisibleTo(platformView))
    .execute();
  return new Set(rows.map((r) => `${r.subject_kind}:${r.subject_id}`));
}

export type HitFilter = {
  state?: "pending" | "confirmed" | "rejected";
  role?: "owner" | "checker";
  afterSeq?: number;
};

/** The hits `viewer` may read, newest first (or, after a sequence number, oldest first for a stream). */
export function listHits(db: Db, viewer: Viewer, f: HitFilter, limit: number) {
  let q = db.selectFrom("screening_hits as h").selectAll("h").where(hitVisibleTo(viewer));
  if (f.state) q = q.where("h.state", "=", f.state);
  if (f.role === "owner") q = q.where("h.owner", "=", viewer.country);
  if (f.role === "checker") q = q.where("h.checked_by_country", "=", viewer.country);
  if (f.afterSeq !== undefined)
    return q.where("h.seq", ">", f.afterSeq).orderBy("h.seq").limit(limit).execute();
  return q.orderBy("h.seq", "desc").limit(limit).execute();
}

export const countPending = async (db: Db, viewer: Viewer): Promise<number> => {
  const r = await db
    .selectFrom("screening_hits as h")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("h.owner", "=", viewer.country)
    .where("h.state", "=", "pending")
    .where(hitVisibleTo(viewer))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
};

export const findHit = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("screening_hits as h")
    .selectAll("h")
    .where("h.id", "=", id)
    .where(hitVisibleTo(viewer));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

/** Every earlier hit on the same traveller that `viewer` may read: the encounter history. */
export const encounters = (db: Db, viewer: Viewer, travellerKey: string) =>
  db
    .selectFrom("screening_hits as h")
    .selectAll("h")
    .where("h.traveller_key", "=", travellerKey)
    .where(hitVisibleTo(viewer))
    .orderBy("h.seq", "desc")
    .limit(200)
    .execute();

export const decide = (
  db: Db,
  id: string,
  v: {
    state: "confirmed" | "rejected";
    decided_by: string | null;
    decided_at: Date;
    decision_note: string | null;
  },
) =>
  db
    .updateTable("screening_hits")
    .set(v)
    .where("id", "=", id)
    .where("state", "=", "pending")
    .executeTakeFirst();

/** The outbox rows for hits whose owner has a webhook, in the hits' own transaction. */
export async function queueDeliveries(db: Db, hits: readonly HitRow[], now: Date): Promise<void> {
  if (!hits.length) return;
  const owners = [...new Set(hits.map((h) => h.owner))];
  const hooks = await db
    .selectFrom("screening_webhooks")
    .select("country")
    .where("country", "in", owners)
    .execute();
  const withHook = new Set(hooks.map((h) => h.country));
  const rows = hits
    .filter((h) => withHook.has(h.owner))
    .map((h) => ({ hit_id: h.id, country: h.owner, next_at: now }));
  if (rows.length) await db.insertInto("screening_deliveries").values(rows).execute();
}
