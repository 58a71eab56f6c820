import { type Kysely, sql } from "kysely";
import type { Database } from "../../storage/schema.ts";

type Row = Record<string, unknown>;

/**
 * Makes the open transaction one read-only snapshot. It must be the transaction's first statement.
 * On PostgreSQL the transaction already began REPEATABLE READ (inSnapshot); saying it again here
 * also covers the embedded database, whose driver does not pass isolation levels on (there a
 * transaction holds the only connection, so nothing can write beside it anyway).
 */
export async function makeReadOnlySnapshot(db: Kysely<Database>): Promise<void> {
  await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(db);
}

export async function migrationNames(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * One page of a table in a stable order. Table and order come from the fixed list in
 * backup.tables.ts, never from input. A whole-table read by design: the backup is the operator's
 * copy of everything, not a read on behalf of a country.
 */
export async function readPage(
  db: Kysely<Database>,
  table: string,
  orderBy: string,
  offset: number,
  limit: number,
): Promise<Row[]> {
  const r =
    await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(orderBy)} LIMIT ${limit} OFFSET ${offset}`.execute(
      db,
    );
  return r.rows;
}

/** True when the database holds no account and no audit row: the only state a restore accepts. */
export async function isEmptyForRestore(db: Kysely<Database>): Promise<boolean> {
  const users = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  const audit = await db.selectFrom("audit_log").select("seq").limit(1).executeTakeFirst();
  return !users && !audit;
}

/**
 * Marks the restore's transaction, so the change-feed triggers add nothing: the backup carries the
 * feed as it was (migration 015).
 */
export async function markRestoring(db: Kysely<Database>): Promise<void> {
  await sql`SELECT set_config('fusion.restoring', 'on', true)`.execute(db);
}

/** Inserts restored rows as they are; `ignoreConflictOn` keeps rows already there (reference data). */
export async function insertRows(
  db: Kysely<Database>,
  table: string,
  rows: Row[],
  ignoreConflictOn?: string,
): Promise<void> {
  const q = db.insertInto(table as keyof Database).values(rows as never);
  await (ignoreConflictOn
    ? q.onConflict((oc) => oc.column(ignoreConflictOn as never).doNothing())
    : q
  ).execute();
}

/** Moves a serial column's sequence past the highest restored value. */
export const serialReset = (table: string, column: string): string =>
  `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), GREATEST((SELECT max(${column}) FROM ${table}), 1))`;

/** Runs one of the fixed statements built by `serialReset` (or a feature's own counter reset). */
export async function runFixedStatement(db: Kysely<Database>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

export async function listDatabaseTables(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{
    tablename: string;
  }>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`.execute(db);
  return rows.rows.map((r) => r.tablename);
}
