import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";
import type { ReviewType } from "./review.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;

type Source = {
  table: keyof Database & ReviewType;
  alias: string;
  guard: (viewer: Viewer, alias: string) => RawBuilder<boolean>;
  caption: RawBuilder<string>;
  /** What the table adds to the review rule (a notice's subject follows its notice instead). */
  only: RawBuilder<boolean>;
  /** The change_feed entity type screening replicas follow for this table. */
  feed: string;
};

const yes = sql<boolean>`TRUE`;

/** Each reviewed table, read only through its own guard, with a caption a person recognises. */
const sources: Record<ReviewType, Source> = {
  records: {
    table: "records",
    alias: "r",
    guard: recordVisibleTo,
    caption: sql`r.caption`,
    only: sql`r.subject_of_notice IS NULL`,
    feed: "record",
  },
  travel_documents: {
    table: "travel_documents",
    alias: "d",
    guard: visibleTo,
    caption: sql`d.issuing_country || ' ' || d.doc_type || ' ' || d.number`,
    only: yes,
    feed: "travel_document",
  },
  firearms: {
    table: "firearms",
    alias: "f",
    guard: visibleTo,
    caption: sql`f.make || ' ' || f.serial_number`,
    only: yes,
    feed: "firearm",
  },
  vehicles: {
    table: "vehicles",
    alias: "v",
    guard: visibleTo,
    caption: sql`v.make || ' ' || coalesce(v.vin, v.plate_country || ' ' || v.plate, '')`,
    only: yes,
    feed: "vehicle",
  },
  cbrne_materials: {
    table: "cbrne_materials",
    alias: "m",
    guard: visibleTo,
    caption: sql`m.category || ' ' || coalesce(m.identifier, left(m.description, 80))`,
    only: yes,
    feed: "material",
  },
};

export type Window = { today: string; dueBy: string };
export type Scope = { owner?: string | undefined; types: readonly ReviewType[] };

/** One table's rows in scope, as (type, id, caption, review_at, owner), behind its guard. */
function branch(type: ReviewType, viewer: Viewer, owner: string | undefined, when: RawBuilder<boolean>) {
  const s = sources[type];
  const a = sql.ref(s.alias);
  const ownerIs = owner === undefined ? yes : sql<boolean>`${a}.owner = ${owner}`;
  return sql`SELECT ${sql.lit(type)}::text AS type, ${a}.id::text AS id, ${s.caption} AS caption, ${a}.review_at AS review_at, ${a}.owner AS owner FROM ${sql.table(s.table)} AS ${sql.id(s.alias)} WHERE ${s.guard(viewer, s.alias)} AND ${ownerIs} AND ${s.only} AND ${when}`;
}

function union(viewer: Viewer, scope: Scope, when: (alias: string) => RawBuilder<boolean>) {
  const parts = scope.types.map((t) => branch(t, viewer, scope.owner, when(sources[t].alias)));
  return sql.join(parts, sql` UNION ALL `);
}

/** Review date up to the window's end; only the overdue, or only those due but not yet overdue. */
function inWindow(w: Window, status: "due" | "overdue" | undefined) {
  return (alias: string) => {
    const r = sql.ref(`${alias}.review_at`);
    if (status === "overdue") return sql<boolean>`${r} < ${w.today}::date`;
    if (status === "due") return sql<boolean>`${r} >= ${w.today}::date AND ${r} <= ${w.dueBy}::date`;
    return sql<boolean>`${r} <= ${w.dueBy}::date`;
  };
}

export type DueRow = { type: ReviewType; id: string; caption: string; review_at: string };

/** A page of the owner's due and overdue rows across the record types, earliest review first. */
export async function duePage(
  db: Db,
  viewer: Viewer,
  scope: Scope & { owner: string },
  w: Window,
  q: { status?: "due" | "overdue" | undefined; page: number; pageSize: number },
) {
  const rows = union(viewer, scope, inWindow(w, q.status));
  const total = await sql<{ n: number }>`SELECT count(*)::int8 AS n FROM (${rows}) AS due`.execute(db);
  const page =
    await sql<DueRow>`SELECT type, id, caption, review_at FROM (${rows}) AS due ORDER BY review_at, type, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      db,
    );
  return { rows: page.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export type CountRow = { owner: string; type: ReviewType; overdue: number; due: number; later: number };

/**
 * Counts per owner and type: overdue, due within the window, later. `upTo` limits the read to the
 * window (the daily warning job), so rows far from review are not scanned.
 */
export async function counts(db: Db, viewer: Viewer, scope: Scope, w: Window, upTo?: string) {
  const when = (alias: string) =>
    upTo === undefined ? yes : sql<boolean>`${sql.ref(`${alias}.review_at`)} <= ${upTo}::date`;
  const rows = union(viewer, scope, when);
  const r = await sql<CountRow>`SELECT owner, type,
      count(*) FILTER (WHERE review_at < ${w.today}::date)::int8 AS overdue,
      count(*) FILTER (WHERE review_at >= ${w.today}::date AND review_at <= ${w.dueBy}::date)::int8 AS due,
      count(*) FILTER (WHERE review_at > ${w.dueBy}::date)::int8 AS later
    FROM (${rows}) AS reviewed GROUP BY owner, type ORDER BY owner, type`.execute(db);
  return r.rows;
}

export type Target = { id: string; owner: string; review_at: string; subject_of_notice: string | null };

/** One row the viewer may see, locked for the re-validation; undefined when missing or hidden. */
export async function findVisibleForUpdate(db: Db, viewer: Viewer, type: ReviewType, id: string) {
  const s = sources[type];
  const a = sql.ref(s.alias);
  const subject = type === "records" ? sql`${a}.subject_of_notice` : sql`NULL::uuid`;
  const r =
    await sql<Target>`SELECT ${a}.id::text AS id, ${a}.owner AS owner, ${a}.review_at AS review_at, ${subject}::text AS subject_of_notice FROM ${sql.table(s.table)} AS ${sql.id(s.alias)} WHERE ${a}.id = ${type === "travel_documents" ? Number(id) : id} AND ${s.guard(viewer, s.alias)} FOR UPDATE OF ${sql.id(s.alias)}`.execute(
      db,
    );
  return r.rows[0];
}

/** Moves the review date and tells the screening replicas through the change feed. */
export async function setReviewAt(db: Db, type: ReviewType, id: string, reviewAt: string, at: Date) {
  const s = sources[type];
  await sql`UPDATE ${sql.table(s.table)} SET review_at = ${reviewAt}::date, updated_at = ${at} WHERE id = ${type === "travel_documents" ? Number(id) : id}`.execute(
    db,
  );
  await db
    .insertInto("change_feed")
    .values({ entity_type: s.feed, entity_id: id, op: "upsert", at })
    .execute();
}

/** Whether the daily warning was written on this day already (audit rows of that day only). */
export async function warnedOn(db: Db, dayStart: Date, dayEnd: Date): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .select("seq")
    .where("at", ">=", dayStart)
    .where("at", "<", dayEnd)
    .where("action", "=", "review.warning")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Serialises the daily warning between servers, so a day is summarised once. */
export const lockWarnings = (db: Db) => sql`SELECT pg_advisory_xact_lock(7311)`.execute(db);
