import type { Insertable, Kysely, Selectable } from "kysely";
import { sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { recordVisibleTo } from "../../shared/envelope/envelope.sql.ts";
import type {
  BiometricCandidatesTable,
  BiometricDecisionsTable,
  BiometricSearchesTable,
  Database,
} from "../../storage/schema.ts";

/*
 * Searches, candidates and decisions as a reader may see them: every read of a search applies
 * fusion_biometric_search_visible, and every read of a candidate also joins its person through the
 * records guard - a person whose distribution narrowed after the search is gone from the answer,
 * its rank, score and count included.
 */

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type SearchRow = Selectable<BiometricSearchesTable>;
export type DecisionRow = Selectable<BiometricDecisionsTable>;

export const searchVisibleTo = (viewer: Viewer, alias = "s") => {
  const s = sql.ref(alias);
  return sql<boolean>`fusion_biometric_search_visible(${s}.country, ${viewer.country}, ${viewer.isSecretariat})`;
};

export const insertSearch = (db: Db, row: Insertable<BiometricSearchesTable>) =>
  db.insertInto("biometric_searches").values(row).returningAll().executeTakeFirstOrThrow();

/** Of these templates, the active ones whose person the viewer may see: the check before storing. */
export async function visibleTemplates(db: Db, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("biometric_templates as b")
    .innerJoin("records as r", "r.id", "b.record_id")
    .select("b.id")
    .where("b.id", "in", ids)
    .where("b.retracted_at", "is", null)
    .where(recordVisibleTo(viewer, "r"))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export const insertCandidates = (db: Db, rows: Insertable<BiometricCandidatesTable>[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto("biometric_candidates")
        .values(rows)
        .execute()
        .then(() => {});

export const findSearch = (db: Db, viewer: Viewer, id: string) =>
  db
    .selectFrom("biometric_searches as s")
    .selectAll("s")
    .where("s.id", "=", id)
    .where(searchVisibleTo(viewer))
    .executeTakeFirst();

/** The candidates of a search the viewer may see now, best first. */
export const candidatesOf = (db: Db, viewer: Viewer, searchId: string) =>
  db
    .selectFrom("biometric_candidates as c")
    .innerJoin("biometric_searches as s", "s.id", "c.search_id")
    .innerJoin("records as r", "r.id", "c.record_id")
    .innerJoin("biometric_templates as b", "b.id", "c.template_id")
    .select(["c.id", "c.rank", "c.score", "c.above_threshold", "c.template_id", "c.record_id"])
    .select(["r.caption", "r.reference", "r.owner", "r.discreet_check", "b.fingers", "b.photo_id"])
    .where("c.search_id", "=", searchId)
    .where(searchVisibleTo(viewer))
    .where(recordVisibleTo(viewer, "r"))
    .orderBy("c.rank")
    .execute();
export type CandidateRow = Awaited<ReturnType<typeof candidatesOf>>[number];

/** Decisions on these searches, oldest first. */
export const decisionsOf = (db: Db, viewer: Viewer, searchIds: readonly string[]) =>
  searchIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("biometric_decisions as d")
        .innerJoin("biometric_searches as s", "s.id", "d.search_id")
        .selectAll("d")
        .where("d.search_id", "in", searchIds)
        .where(searchVisibleTo(viewer))
        .orderBy("d.seq")
        .execute();

export type SearchFilter = {
  state?: "pending" | "decided" | undefined;
  purpose?: "search" | "screening" | undefined;
};

/** The searches the viewer may read, newest first, each with how many candidates it may see. */
export function listSearches(db: Db, viewer: Viewer, f: SearchFilter, limit: number) {
  let q = db
    .selectFrom("biometric_searches as s")
    .selectAll("s")
    .select((eb) =>
      eb
        .selectFrom("biometric_candidates as c")
        .innerJoin("records as r", "r.id", "c.record_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("c.search_id", "=", "s.id")
        .where(recordVisibleTo(viewer, "r"))
        .as("candidate_count"),
    )
    .where(searchVisibleTo(viewer));
  if (f.state) q = q.where("s.state", "=", f.state);
  if (f.purpose) q = q.where("s.purpose", "=", f.purpose);
  return q.orderBy("s.seq", "desc").limit(limit).execute();
}

export async function countPending(db: Db, viewer: Viewer): Promise<number> {
  const r = await db
    .selectFrom("biometric_searches as s")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("s.state", "=", "pending")
    .where(searchVisibleTo(viewer))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export const insertDecision = (db: Db, row: Insertable<BiometricDecisionsTable>) =>
  db.insertInto("biometric_decisions").values(row).returningAll().executeTakeFirstOrThrow();

export const markDecided = (db: Db, id: string) =>
  db.updateTable("biometric_searches").set({ state: "decided" }).where("id", "=", id).execute();

/** An enrolled template's bytes, through its person's guard (the side-by-side view). */
export const visibleTemplate = (db: Db, viewer: Viewer, id: string) =>
  db
    .selectFrom("biometric_templates as b")
    .innerJoin("records as r", "r.id", "b.record_id")
    .select(["b.id", "b.modality", "b.template", "b.record_id", "r.schema", "r.owner"])
    .where("b.id", "=", id)
    .where(recordVisibleTo(viewer, "r"))
    .executeTakeFirst();
