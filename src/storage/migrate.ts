import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Storage } from "./db.ts";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** The SQL migrations in order. Names are `NNN_description.sql`; the order is the name order. */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(migrationsDir, name), "utf8") }));
}

/**
 * Applies pending migrations, each in its own transaction, on either back end. An advisory lock
 * keeps two servers starting at once against one PostgreSQL from racing each other.
 */
export async function migrate(storage: Storage): Promise<string[]> {
  await storage.execScript(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = new Set(
    (await storage.db.selectFrom("schema_migrations").select("name").execute()).map((r) => r.name),
  );
  const done: string[] = [];
  for (const m of listMigrations()) {
    if (applied.has(m.name)) continue;
    const escaped = m.name.replace(/'/g, "''");
    await storage.execScript(
      `BEGIN;\nSELECT pg_advisory_xact_lock(7301);\n${m.sql}\n;INSERT INTO schema_migrations (name) VALUES ('${escaped}');\nCOMMIT;`,
    );
    done.push(m.name);
  }
  return done;
}

export async function appliedMigrations(storage: Storage): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
    storage.db,
  );
  return rows.rows.map((r) => r.name);
}
