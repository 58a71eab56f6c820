import type { Kysely, Selectable } from "kysely";
import type { Database, ResolutionRunsTable } from "../../storage/schema.ts";

type Db = Kysely<Database>;
export type RunRow = Selectable<ResolutionRunsTable>;

export const insertRun = (db: Db, startedBy: string, at: Date) =>
  db
    .insertInto("resolution_runs")
    .values({
      status: "running",
      phase: "load",
      started_by: startedBy,
      started_at: at,
      updated_at: at,
      error: null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateRun = (
  db: Db,
  id: string,
  set: Partial<Omit<RunRow, "id" | "started_by" | "started_at">>,
) => db.updateTable("resolution_runs").set(set).where("id", "=", id).execute();

export const findRun = (db: Db, id: string) =>
  db.selectFrom("resolution_runs").selectAll().where("id", "=", id).executeTakeFirst();

/** A run still marked running: one at a time. */
export const runningRun = (db: Db) =>
  db.selectFrom("resolution_runs").selectAll().where("status", "=", "running").executeTakeFirst();
