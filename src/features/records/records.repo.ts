import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, noticeReadableBy, recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
import { allWordsIn } from "../../shared/name-query.sql.ts";
import { type NameQuery, parseNameQuery } from "../../shared/name-query.ts";
import { isServedToScreening } from "../../shared/review.sql.ts";
import type { Database, RecordsTable } from "../../storage/schema.ts";
import type { ListRecordsQuery, RecordView } from "./records.schema.ts";
import { readingsOf } from "./records.values.ts";

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
    readings: readingsOf(row.properties),
    envelope: envelopeOf(row),
    reviewOverdue: !isServedToScreening(row.review_at, today),
    discreetCheck: row.discreet_check,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
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

/**
 * A record named in the query: every word of it among the record's names and aliases (any order,
 * part of a word; name-query.ts), or a name close to the whole query. `<%` is pg_trgm's word
 * similarity (at least 0.6 by default) between the query and the closest stretch of the names: a
 * typo or another transliteration still matches, however many aliases the record holds. Or the
 * record by reference: the owner's own (whole query), a UN reference (FtM unscId), or the subject
 * of the notice with this number. Every arm has its index (migrations 001, 006 and 022), so the
 * search reads the matching rows only.
 */
function recordMatches(viewer: Viewer, q: NameQuery) {
  return (eb: ExpressionBuilder<Database & { r: RecordsTable }, "r">) => {
    const own = eb(sql<string>`lower(r.reference)`, "=", q.raw.toLowerCase());
    if (q.noticeNumber) {
      // The notice read here obeys the notice's rule; the record's own guard applies as well.
      const subjectOf = sql<string>`(SELECT sn.id FROM notices AS sn WHERE sn.notice_number = ${q.noticeNumber} AND ${noticeReadableBy(viewer, "sn")})`;
      return eb.or([own, eb("r.subject_of_notice", "=", subjectOf)]);
    }
    if (q.unReference)
      return eb.or([
        own,
        sql<boolean>`(r.properties ? 'unscId' AND r.properties -> 'unscId' @> ${JSON.stringify([q.unReference])}::jsonb)`,
      ]);
    const needle = q.raw.toLowerCase();
    return eb.or([
      own,
      allWordsIn(sql.ref("r.search_text"), q.words),
      sql<boolean>`${needle} <% r.search_text`,
    ]);
  };
}

function filtered(db: Kysely<Database>, viewer: Viewer, q: Omit<ListRecordsQuery, "page" | "pageSize">) {
  let query = db.selectFrom("records as r").where(recordVisibleTo(viewer, "r"));
  if (q.schema) query = query.where("r.schema", "=", q.schema);
  if (q.owner) query = query.where("r.owner", "=", q.owner);
  if (q.q) query = query.where(recordMatches(viewer, parseNameQuery(q.q)));
  return query;
}

/**
 * Counting stops here: past it the total is a lower bound (`capped`). An exact count of a broad
 * search (or of all records) reads every matching row and its envelope, which on a million records
 * costs more than the page itself; no one pages that far by hand.
 */
export const COUNT_CAP = 10_000;

/**
 * A page of the visible records: without a search, newest change first; with one, the closest
 * matches first (pg_trgm word similarity to the query, 1 for the query found whole), then newest.
 * `sort` (last change, entry, name; either way) replaces either order. Sorting a browse by name
 * reads every visible record (no index on the caption, which every import would pay for).
 * `total` is exact up to `COUNT_CAP`. A search ranks at most `COUNT_CAP + 1` matching rows and
 * counts them in the same pass (a window count), so its cost stays bounded however broad it is; a
 * broader one says so (`capped`) and is ranked among the first rows found.
 */
export async function listVisible(db: Kysely<Database>, viewer: Viewer, q: ListRecordsQuery) {
  const base = filtered(db, viewer, q);
  const offset = (q.page - 1) * q.pageSize;
  const countCapped = async () => {
    const counted = await db
      .selectFrom(
        base
          .select(sql<number>`1`.as("one"))
          .limit(COUNT_CAP + 1)
          .as("m"),
      )
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(counted.n);
  };
  const result = (rows: RecordRow[], n: number) => ({
    rows,
    total: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
  });
  if (!q.q) {
    const n = await countCapped();
    const { key, desc } = sortOf(q.sort ?? "-updatedAt");
    const rows = await base
      .selectAll("r")
      .orderBy(`r.${sortColumns[key]}`, direction(desc, false))
      .orderBy("r.id")
      .limit(q.pageSize)
      .offset(offset)
      .execute();
    return result(rows, n);
  }
  const ranked = await rankedPage(db, base, { ...q, q: q.q }, offset);
  // A page past the last match has no row to carry the count: count apart then.
  const n = ranked[0] ? Number(ranked[0].matched) : offset > 0 ? await countCapped() : 0;
  return result(ranked, n);
}

/**
 * One page of at most `COUNT_CAP + 1` matches, closest first (or in the order asked for), each row
 * with the matches' count.
 */
function rankedPage(
  db: Kysely<Database>,
  base: ReturnType<typeof filtered>,
  q: ListRecordsQuery & { q: string },
  offset: number,
) {
  const matches = db.selectFrom(
    base
      .selectAll("r")
      .select(sql<number>`word_similarity(${q.q.toLowerCase()}, r.search_text)`.as("score"))
      .limit(COUNT_CAP + 1)
      .as("m"),
  );
  const asked = q.sort && sortOf(q.sort);
  const sorted = asked
    ? matches.orderBy(`m.${sortColumns[asked.key]}`, direction(asked.desc, false))
    : matches.orderBy("m.score", "desc").orderBy("m.updated_at", "desc");
  return sorted
    .selectAll("m")
    .select(sql<number>`count(*) OVER ()`.as("matched"))
    .orderBy("m.id")
    .limit(q.pageSize)
    .offset(offset)
    .execute();
}

// The list's sort keys and their columns.
const sortColumns = { updatedAt: "updated_at", createdAt: "created_at", caption: "caption" } as const;

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
