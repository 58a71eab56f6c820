import { type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import { isServedToScreening } from "../../shared/review.sql.ts";
import type { Database, RecordsTable } from "../../storage/schema.ts";
import type { ListRecordsQuery, RecordView } from "./records.schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type RecordRow = Selectable<RecordsTable>;

/** `today` (YYYY-MM-DD) decides `reviewOverdue`: past its review date, screening no longer serves it. */
export function toView(row: RecordRow, today: string): RecordView {
  return {
    id: row.id,
    reference: row.reference,
    schema: row.schema,
    caption: row.caption,
    properties: row.properties,
    envelope: envelopeOf(row),
    reviewOverdue: !isServedToScreening(row.review_at, today),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * A record the viewer may see, or undefined: "not there" and "not yours" look the same. `lock`
 * takes the row for an update in the caller's transaction.
 */
export const findVisible = (db: Kysely<Database>, viewer: Viewer, id: string, lock = false) => {
  const q = db
    .selectFrom("records as r")
    .selectAll("r")
    .where("r.id", "=", id)
    .where(recordVisibleTo(viewer, "r"));
  return (lock ? q.forUpdate("r") : q).executeTakeFirst();
};

/** The statements behind a visible record's values, oldest first; nothing for a record out of sight. */
export const visibleHistory = (db: Kysely<Database>, viewer: Viewer, id: string) =>
  db
    .selectFrom("record_statements as s")
    .innerJoin("records as r", "r.id", "s.record_id")
    .select([
      "s.prop",
      "s.value",
      "s.script",
      "s.latin",
      "s.source",
      "s.stated_by",
      "s.source_type",
      "s.stated_at",
      "s.capture",
      "s.recorded_at",
      "s.retracted_at",
    ])
    .where("s.record_id", "=", id)
    .where(recordVisibleTo(viewer, "r"))
    .orderBy("s.id")
    .execute();

function filtered(db: Kysely<Database>, viewer: Viewer, q: Omit<ListRecordsQuery, "page" | "pageSize">) {
  let query = db.selectFrom("records as r").where(recordVisibleTo(viewer, "r"));
  if (q.schema) query = query.where("r.schema", "=", q.schema);
  if (q.owner) query = query.where("r.owner", "=", q.owner);
  if (q.q) {
    const needle = q.q.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb("r.search_text", "like", `%${needle.replace(/[%_\\]/g, "\\$&")}%`),
        eb(sql<number>`similarity(r.search_text, ${needle})`, ">", 0.3),
      ]),
    );
  }
  return query;
}

export async function listVisible(db: Kysely<Database>, viewer: Viewer, q: ListRecordsQuery) {
  const base = filtered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("r")
    .orderBy("r.updated_at", "desc")
    .orderBy("r.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Pages through every visible record in id order (keyset, so memory stays flat on big exports). */
export async function* exportVisible(
  db: Kysely<Database>,
  viewer: Viewer,
  q: Omit<ListRecordsQuery, "page" | "pageSize">,
) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await filtered(db, viewer, q)
      .selectAll("r")
      .where("r.id", ">", after)
      .orderBy("r.id")
      .limit(500)
      .execute();
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = last.id;
  }
}
