import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { Storage } from "./db.ts";
import type { Database } from "./schema.ts";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** The advisory lock key that serialises schema changes and reference data across servers. */
export const MIGRATION_LOCK_KEY = 7301;

/** The SQL migrations in order. Names are `NNN_description.sql`; the order is the name order. */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(migrationsDir, name), "utf8") }));
}

type RunScript = (text: string) => Promise<void>;

/**
 * Runs `fn` holding the migration lock on one dedicated connection, with a way to run multi-statement
 * scripts on that same connection.
 *
 * Why a session lock on one connection: the lock must be taken *before* the list of applied
 * migrations is read, and held until the last one commits; otherwise two servers starting at once
 * both read an empty list and both apply 001 (the race this replaces). Running the scripts on the
 * locked connection also means a pool of one connection cannot deadlock against itself.
 * PostgreSQL runs a parameterless query with the simple protocol, which accepts several statements;
 * PGlite's query() does not, so there the scripts go through exec() on its single connection, which
 * the held Kysely connection keeps to ourselves.
 */
async function withMigrationLock<T>(
  storage: Storage,
  fn: (conn: Kysely<Database>, runScript: RunScript) => Promise<T>,
): Promise<T> {
  return storage.db.connection().execute(async (conn) => {
    const runScript: RunScript =
      storage.kind === "postgres"
        ? (text) => runMigrationScript(conn, text)
        : (text) => storage.execScript(text);
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      return await fn(conn, runScript);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

/** A migration script (DDL, backfills of whole tables) on the locked connection. */
async function runMigrationScript(conn: Kysely<Database>, text: string): Promise<void> {
  await sql.raw(text).execute(conn);
}

/**
 * Applies pending migrations, each in its own transaction, on either back end. Safe when several
 * servers start at once against one PostgreSQL database: the first applies, the others wait for
 * the lock, then find nothing left to do.
 */
export async function migrate(storage: Storage): Promise<string[]> {
  return withMigrationLock(storage, async (conn, runScript) => {
    await runScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(conn);
    const applied = new Set(rows.rows.map((r) => r.name));
    const done: string[] = [];
    for (const m of listMigrations()) {
      if (applied.has(m.name)) continue;
      const escaped = m.name.replace(/'/g, "''");
      const script = `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name) VALUES ('${escaped}');\nCOMMIT;`;
      try {
        await runScript(script);
      } catch (e) {
        // A failed statement leaves the transaction open and aborted on this connection; end it so
        // the unlock (and the pool's next user) does not inherit it. The original error wins.
        await runScript("ROLLBACK").catch(() => undefined);
        throw e;
      }
      done.push(m.name);
    }
    return done;
  });
}

export async function appliedMigrations(storage: Storage): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
    storage.db,
  );
  return rows.rows.map((r) => r.name);
}
