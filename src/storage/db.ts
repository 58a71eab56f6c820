import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, type KyselyPlugin, type LogEvent, PostgresDialect, type QueryId } from "kysely";
import pg from "pg";
import { AppError } from "../shared/errors.ts";
import { createAmbientDb } from "./ambient.ts";
import type { Database } from "./schema.ts";
import { serialPgliteDialect } from "./serial-dialect.ts";

export type StorageKind = "pglite" | "postgres";

/** One handle over either back end: the same Kysely API, plus what migrations and backups need. */
export type Storage = {
  kind: StorageKind;
  /** The ambient handle (ambient.ts): inside a transaction, every query through it joins it. */
  db: Kysely<Database>;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, for data-directory dumps (tests clone a migrated template this way). */
  pglite?: PGlite;
};

/** How long a request may wait for a database connection before it gets a 503. */
export const DEFAULT_CONNECTION_WAIT_MS = 15_000;

export type StorageOptions =
  | { kind: "pglite"; dataDir?: string | undefined; loadDataDir?: Blob | undefined; waitMs?: number }
  | { kind: "postgres"; url: string; poolSize?: number; waitMs?: number };

/** A statement as sent, with the call stack that built it (which code issued it). */
export type ObservedStatement = { sql: string; stack: string };

/**
 * Observers of every SQL statement sent: the test suite's visibility audit listens here. Empty in
 * production, where the hooks below cost one set-size check per query.
 */
export const sqlObservers = new Set<(statement: ObservedStatement) => void>();

// The stack is only meaningful while the query is being built (the log hook runs after the
// database answered, in another tick), so it is taken by a plugin and matched up by query id.
const stacks = new WeakMap<QueryId, string>();
const originPlugin: KyselyPlugin = {
  transformQuery(args) {
    if (sqlObservers.size > 0) stacks.set(args.queryId, new Error().stack ?? "");
    return args.node;
  },
  transformResult: async (args) => args.result,
};
const logQuery = (event: LogEvent) => {
  if (sqlObservers.size === 0) return;
  const statement = { sql: event.query.sql, stack: stacks.get(event.query.queryId) ?? "" };
  for (const observe of sqlObservers) observe(statement);
};
const kyselyOptions = { log: logQuery, plugins: [originPlugin] };

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
  const waitMs = options.waitMs ?? DEFAULT_CONNECTION_WAIT_MS;
  if (options.kind === "postgres") return createPostgres(options.url, options.poolSize ?? 10, waitMs);
  return createPglite(options.dataDir, options.loadDataDir, waitMs);
}

async function createPglite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
  waitMs: number,
): Promise<Storage> {
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
  const root = new Kysely<Database>({ dialect: serialPgliteDialect(pglite, waitMs), ...kyselyOptions });
  return {
    kind: "pglite",
    db: createAmbientDb(root),
    pglite,
    execScript: async (text) => {
      await pglite.exec(text);
    },
    close: async () => {
      await root.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function createPostgres(url: string, poolSize: number, waitMs: number): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: waitMs });
  // Fail fast with a clear message rather than on the first request.
  const client = await pool.connect().catch((e: Error) => {
    throw new Error(`Cannot connect to PostgreSQL: ${e.message}`);
  });
  client.release();
  // A request that cannot get a connection in time is told so (503) instead of waiting on.
  const timedPool = {
    connect: () =>
      pool.connect().catch((e: Error) => {
        if (/timeout/i.test(e.message))
          throw new AppError("unavailable", "The database is busy; try again in a moment.");
        throw e;
      }),
    end: () => pool.end(),
    options: pool.options,
  };
  const root = new Kysely<Database>({ dialect: new PostgresDialect({ pool: timedPool }), ...kyselyOptions });
  return {
    kind: "postgres",
    db: createAmbientDb(root),
    execScript: async (text) => {
      await pool.query(text);
    },
    close: async () => {
      await root.destroy();
    },
  };
}
