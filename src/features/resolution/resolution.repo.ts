import { type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, ResolutionJudgementsTable } from "../../storage/schema.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import type { ListCandidatesQuery } from "./resolution.schema.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
type Db = Kysely<Database>;
export type JudgementRow = Selectable<ResolutionJudgementsTable>;

/**
 * The platform's own view, for the two things that must see every record: a suggestion run, and
 * following a cluster's judgements through members a reader may not see. Nothing read with it
 * reaches a reader unfiltered: every answer is cut down to the reader's view afterwards.
 */
export const platformView: Viewer = { country: GENERAL_SECRETARIAT, isSecretariat: true };
export const RESOLVABLE = ["Person", "Organization", "LegalEntity"];

/** One page of persons and organisations (keyset by id), for a run. */
export const subjectsPage = (db: Db, after: string, limit: number) =>
  db
    .selectFrom("records as r")
    .select(["r.id", "r.owner", "r.schema", "r.properties"])
    .where("r.schema", "in", RESOLVABLE)
    .where("r.id", ">", after)
    .where(recordVisibleTo(platformView, "r"))
    .orderBy("r.id")
    .limit(limit)
    .execute();

/** Both records of a pair joined and guarded for `viewer`: the one way these tables are read. */
function pairs<T extends "resolution_candidates" | "resolution_judgements">(
  db: Db,
  table: T,
  viewer: Viewer,
) {
  return db
    .selectFrom(`${table} as p` as "resolution_judgements as p")
    .innerJoin("records as l", "l.id", "p.left_id")
    .innerJoin("records as rr", "rr.id", "p.right_id")
    .where(recordVisibleTo(viewer, "l"))
    .where(recordVisibleTo(viewer, "rr"));
}

/** Every live judgement (the run skips these pairs and follows positive ones into clusters). */
export const liveJudgements = (db: Db) =>
  pairs(db, "resolution_judgements", platformView)
    .select(["p.left_id", "p.right_id", "p.judgement"])
    .where("p.deleted_at", "is", null)
    .execute();

export async function replaceCandidates(
  db: Db,
  runId: string,
  rows: { left: string; right: string; score: number; explanation: unknown }[],
  at: Date,
): Promise<void> {
  await db.deleteFrom("resolution_candidates").execute();
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map((r) => ({
      left_id: r.left,
      right_id: r.right,
      score: r.score,
      explanation: JSON.stringify(r.explanation),
      run_id: runId,
      created_at: at,
    }));
    await db.insertInto("resolution_candidates").values(batch).execute();
  }
}

function candidatesFiltered(db: Db, viewer: Viewer, q: Omit<ListCandidatesQuery, "page" | "pageSize">) {
  let query = pairs(db, "resolution_candidates", viewer);
  if (q.minScore !== undefined) query = query.where("p.score" as never, ">=", q.minScore as never);
  if (q.crossCountry) query = query.whereRef("l.owner", "<>", "rr.owner");
  return query;
}

export async function listCandidates(db: Db, viewer: Viewer, q: ListCandidatesQuery) {
  const base = candidatesFiltered(db, viewer, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select(sql<number>`p.id`.as("id"))
    .select(sql<number>`p.score`.as("score"))
    .select(sql<Record<string, unknown>>`p.explanation`.as("explanation"))
    .select(sql<Date>`p.created_at`.as("created_at"))
    .select(["l.id as l_id", "l.schema as l_schema", "l.caption as l_caption", "l.owner as l_owner"])
    .select(["rr.id as r_id", "rr.schema as r_schema", "rr.caption as r_caption", "rr.owner as r_owner"])
    .orderBy(sql`p.score`, "desc")
    .orderBy(sql`p.id`)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export const deleteCandidate = (db: Db, left: string, right: string) =>
  db.deleteFrom("resolution_candidates").where("left_id", "=", left).where("right_id", "=", right).execute();

/** The candidate score of a pair, if suggested (read as the judge sees it: both records visible). */
export const candidateScore = (db: Db, viewer: Viewer, left: string, right: string) =>
  pairs(db, "resolution_candidates", viewer)
    .select(sql<number>`p.score`.as("score"))
    .where("p.left_id", "=", left)
    .where("p.right_id", "=", right)
    .executeTakeFirst();

/** The records among `ids` the viewer may see. */
export const visibleRecords = (db: Db, viewer: Viewer, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("records as r")
        .select(["r.id", "r.schema", "r.caption", "r.owner"])
        .where("r.id", "in", [...ids])
        .where(recordVisibleTo(viewer, "r"))
        .orderBy("r.id")
        .execute();

/** The live judgement of a pair, whoever may see it (for superseding it). */
export const liveJudgementOf = (db: Db, left: string, right: string) =>
  pairs(db, "resolution_judgements", platformView)
    .selectAll("p")
    .where("p.left_id", "=", left)
    .where("p.right_id", "=", right)
    .where("p.deleted_at", "is", null)
    .executeTakeFirst();

/** A live judgement the viewer may see (both records), by id. */
export const visibleJudgement = (db: Db, viewer: Viewer, id: number) =>
  pairs(db, "resolution_judgements", viewer)
    .selectAll("p")
    .where("p.id", "=", id)
    .where("p.deleted_at", "is", null)
    .executeTakeFirst();

export const insertJudgement = (db: Db, row: Omit<JudgementRow, "id" | "deleted_at" | "deleted_by">) =>
  db
    .insertInto("resolution_judgements")
    .values({ ...row, deleted_at: null, deleted_by: null })
    .returningAll()
    .executeTakeFirstOrThrow();

export const retractJudgement = (db: Db, id: number, by: string, at: Date) =>
  db
    .updateTable("resolution_judgements")
    .set({ deleted_at: at, deleted_by: by })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .execute();

/** Live positive judgements touching any of `ids` (platform view: clusters run through all members). */
export const positiveTouching = (db: Db, ids: readonly string[]) =>
  pairs(db, "resolution_judgements", platformView)
    .select(["p.left_id", "p.right_id", "p.canonical_id"])
    .where("p.judgement", "=", "positive")
    .where("p.deleted_at", "is", null)
    .where((eb) => eb.or([eb("p.left_id", "in", [...ids]), eb("p.right_id", "in", [...ids])]))
    .execute();

/** The record ids of a canonical id's live positive judgements. */
export const membersOfCanonical = (db: Db, canonical: string) =>
  pairs(db, "resolution_judgements", platformView)
    .select(["p.left_id", "p.right_id"])
    .where("p.canonical_id", "=", canonical)
    .where("p.deleted_at", "is", null)
    .execute();

/** Judgements (live and undone) among records the viewer sees both of. */
export const visibleJudgementsAmong = (db: Db, viewer: Viewer, ids: readonly string[]) =>
  ids.length < 2
    ? Promise.resolve([] as JudgementRow[])
    : pairs(db, "resolution_judgements", viewer)
        .selectAll("p")
        .where("p.left_id", "in", [...ids])
        .where("p.right_id", "in", [...ids])
        .orderBy("p.id")
        .execute();

/** Live judgements the viewer sees both records of, oldest first (keyset by id). */
export const exportPage = (db: Db, viewer: Viewer, after: number, limit: number) =>
  pairs(db, "resolution_judgements", viewer)
    .selectAll("p")
    .where("p.deleted_at", "is", null)
    .where("p.id", ">", after)
    .orderBy("p.id")
    .limit(limit)
    .execute();
