import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type StorageKind = "pglite" | "postgres";

/** One handle over either back end: the same Kysely API, plus what migrations and backups need. */
export type Storage = {
  kind: StorageKind;
  db: Kysely<Database>;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, for data-directory dumps (tests clone a migrated template this way). */
  pglite?: PGlite;
};

export type StorageOptions =
  | { kind: "pglite"; dataDir?: string | undefined; loadDataDir?: Blob | undefined }
  | { kind: "postgres"; url: string; poolSize?: number };

const extensions = { citext, fuzzystrmatch, pg_trgm, pgcrypto, unaccent };

// int8 (bigint) and numeric come back as strings by default; sequence numbers and counts fit
// easily in a double, so parse them as numbers on both back ends.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
// Calendar dates stay ISO strings: turning them into Dates at local midnight shifts them by a day
// in some time zones.
const DATE_OID = 1082;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));
pg.types.setTypeParser(DATE_OID, (v) => v);

export async function createStorage(options: StorageOptions): Promise<Storage> {
  if (options.kind === "postgres") return createPostgres(options.url, options.poolSize ?? 10);
  return createPglite(options.dataDir, options.loadDataDir);
}

async function createPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Storage> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions,
    parsers: {
      [INT8_OID]: (v: string) => Number(v),
      [NUMERIC_OID]: (v: string) => Number(v),
      [DATE_OID]: (v: string) => v,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    kind: "pglite",
    db,
    pglite,
    execScript: async (text) => {
      await pglite.exec(text);
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function createPostgres(url: string, poolSize: number): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with a clear message rather than on the first request.
  const client = await pool.connect().catch((e: Error) => {
    throw new Error(`Cannot connect to PostgreSQL: ${e.message}`);
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    db,
    execScript: async (text) => {
      await pool.query(text);
    },
    close: async () => {
      await db.destroy();
    },
  };
}
