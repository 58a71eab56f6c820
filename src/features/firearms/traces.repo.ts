import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, FirearmTraceRequestsTable } from "../../storage/schema.ts";
import { toView as firearmView } from "./firearms.repo.ts";
import type { ListTraceRequestsQuery, TraceRequestView } from "./firearms.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;

/** The one guard of trace requests (fusion_trace_in_scope, migration 008): the two bureaus and the GS. */
const inScope = (viewer: Viewer, alias: string) =>
  sql<boolean>`fusion_trace_in_scope(${sql.ref(alias)}.requesting_country, ${sql.ref(alias)}.addressed_country, ${viewer.country}, ${viewer.isSecretariat})`;

/**
 * Trace requests in the viewer's scope, each with its firearm only when the viewer may see that
 * firearm: the join carries the firearms guard, so an unseen firearm comes back as nulls.
 */
function base(db: Db, viewer: Viewer) {
  return db
    .selectFrom("firearm_trace_requests as t")
    .leftJoin("firearms as f", (join) => join.onRef("f.id", "=", "t.firearm_id").on(visibleTo(viewer, "f")))
    .selectAll("t")
    .select([
      "f.id as f_id",
      "f.serial_number as f_serial_number",
      "f.serial_normalized as f_serial_normalized",
      "f.make as f_make",
      "f.model as f_model",
      "f.calibre as f_calibre",
      "f.type as f_type",
      "f.country_of_manufacture as f_country_of_manufacture",
      "f.status as f_status",
      "f.event_date as f_event_date",
      "f.owner as f_owner",
      "f.distribution as f_distribution",
      "f.distribution_countries as f_distribution_countries",
      "f.handling_code as f_handling_code",
      "f.handling_note as f_handling_note",
      "f.source_reliability as f_source_reliability",
      "f.information_accuracy as f_information_accuracy",
      "f.source_type as f_source_type",
      "f.review_at as f_review_at",
      "f.created_by as f_created_by",
      "f.created_at as f_created_at",
      "f.updated_at as f_updated_at",
    ])
    .where(inScope(viewer, "t"));
}
export type TraceRow = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

/** `today` (YYYY-MM-DD) decides `overdue`: open past its deadline. */
export function toView(row: TraceRow, today: string): TraceRequestView {
  const firearm =
    row.f_id === null
      ? null
      : firearmView({
          id: row.f_id,
          serial_number: row.f_serial_number as string,
          serial_normalized: row.f_serial_normalized as string,
          make: row.f_make as string,
          model: row.f_model,
          calibre: row.f_calibre,
          type: row.f_type as string,
          country_of_manufacture: row.f_country_of_manufacture,
          status: row.f_status as string,
          event_date: row.f_event_date,
          owner: row.f_owner as string,
          distribution: row.f_distribution as "all",
          distribution_countries: row.f_distribution_countries ?? [],
          handling_code: row.f_handling_code as "H0",
          handling_note: row.f_handling_note,
          source_reliability: row.f_source_reliability as "A",
          information_accuracy: row.f_information_accuracy as number,
          source_type: row.f_source_type as "police",
          review_at: row.f_review_at as string,
          created_by: row.f_created_by,
          created_at: row.f_created_at as Date,
          updated_at: row.f_updated_at as Date,
        });
  return {
    id: row.id,
    requestingCountry: row.requesting_country,
    addressedCountry: row.addressed_country,
    question: row.question,
    deadline: row.deadline,
    status: row.status === "open" && row.deadline < today ? "overdue" : row.status,
    reply: row.reply,
    repliedAt: row.replied_at ? new Date(row.replied_at).toISOString() : null,
    firearmId: firearm?.id ?? null,
    firearm,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const findInScope = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = base(db, viewer).where("t.id", "=", id);
  return (lock ? q.forUpdate("t") : q).executeTakeFirst();
};

export async function listInScope(db: Db, viewer: Viewer, q: ListTraceRequestsQuery) {
  let query = base(db, viewer);
  if (q.box === "sent") query = query.where("t.requesting_country", "=", viewer.country);
  if (q.box === "received") query = query.where("t.addressed_country", "=", viewer.country);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("t.created_at", "desc")
    .orderBy("t.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export const insert = (db: Db, values: Insertable<FirearmTraceRequestsTable>) =>
  db.insertInto("firearm_trace_requests").values(values).returning("id").executeTakeFirstOrThrow();

export const update = (db: Db, id: string, values: Updateable<FirearmTraceRequestsTable>) =>
  db.updateTable("firearm_trace_requests").set(values).where("id", "=", id).execute();
