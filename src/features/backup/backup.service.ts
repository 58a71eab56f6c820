import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { inSnapshot, inTransaction } from "../../storage/ambient.ts";
import { listMigrations } from "../../storage/migrate.ts";
import type { Database } from "../../storage/schema.ts";
import { GENERAL_SECRETARIAT } from "../../storage/seed/countries.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as repo from "./backup.repo.ts";
import { type BackupTable, backupTables } from "./backup.tables.ts";

const FORMAT = "fusion-backup";
const PAGE = 1000;
const VERSION = 1;
const demoFiles = ["secret.key", "demo-credentials.json"];

const byName = new Map(backupTables.map((t) => [t.name, t]));

type Header = {
  format: string;
  version: number;
  createdAt: string;
  storage: string;
  migrations: string[];
  files: Record<string, string>;
};

export type Progress = (table: string, rows: number) => void | Promise<void>;
export type BackupOptions = {
  /** Who asks for it, for the audit row; the CLI's operator (the system actor) by default. */
  actor?: Actor;
  onProgress?: Progress;
};

const operator = () => systemActor(GENERAL_SECRETARIAT);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * A logical backup: every table as JSON lines, gzip-compressed, in dependency order. Being logical,
 * it restores on either back end (so it is also the way from the embedded database to a server),
 * and the audit chain comes back byte for byte, so `audit verify` still passes after a restore.
 *
 * Every table is read in one read-only REPEATABLE READ transaction: one consistent snapshot, so a
 * row written during the backup is in it with everything it refers to, or not at all. Then the
 * backup is audited (who, which file, how many rows per table). A backup whose audit row cannot be
 * written is deleted: a copy of everything must not leave without a trace.
 */
export async function backup(deps: Deps, file: string, options: BackupOptions = {}) {
  const createdAt = deps.clock.now().toISOString();
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  // Awaited below; a write error before then must not surface as an unhandled rejection.
  done.catch(() => undefined);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, "drain");
  };
  try {
    const counts = await inSnapshot(deps.db, async (trx) => {
      await repo.makeReadOnlySnapshot(trx);
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        createdAt,
        storage: deps.storage.kind,
        migrations: await repo.migrationNames(trx),
        files: demoFilesOf(deps),
      };
      await write(header);
      return dumpTables(trx, write, options.onProgress);
    });
    gzip.end();
    await done;
    await inTransaction(deps.db, (trx) =>
      appendAudit(trx, deps.clock, options.actor ?? operator(), {
        action: "system.backup",
        detail: { file: path.resolve(file), createdAt, tables: counts, rows: total(counts) },
      }),
    );
    return counts;
  } catch (e) {
    gzip.destroy();
    await done.catch(() => undefined);
    rmSync(file, { force: true });
    throw e;
  }
}

/** Demo installations keep their key and demo credentials beside the data; they travel with it. */
function demoFilesOf(deps: Deps): Record<string, string> {
  const files: Record<string, string> = {};
  if (deps.config.demo && !deps.config.secretKeyHex) {
    for (const f of demoFiles) {
      const p = path.join(deps.config.dataDir, f);
      if (existsSync(p)) files[f] = readFileSync(p, "utf8");
    }
  }
  return files;
}

async function dumpTables(
  trx: Kysely<Database>,
  write: (line: unknown) => Promise<void>,
  onProgress: Progress | undefined,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of backupTables) {
    let n = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = await repo.readPage(trx, t.name, t.orderBy, offset, PAGE);
      for (const row of rows) await write({ t: t.name, r: row });
      n += rows.length;
      if (rows.length < PAGE) break;
    }
    counts[t.name] = n;
    await onProgress?.(t.name, n);
  }
  return counts;
}

/**
 * Restores into an empty, migrated database, in one transaction: all of it or nothing (a failed
 * restore leaves the database empty, so it can be run again). Refuses a non-empty database rather
 * than merging. The restore's own audit row continues the restored chain.
 */
export async function restore(deps: Deps, file: string, options: BackupOptions = {}) {
  if (!existsSync(file)) throw new AppError("not_found", `No backup file at ${file}.`);
  const { header, counts } = await inTransaction(deps.db, async (trx) => {
    if (!(await repo.isEmptyForRestore(trx)))
      throw new AppError("conflict", "The target database is not empty; restore only into a new one.");
    await repo.markRestoring(trx);
    const loaded = await loadBackup(trx, file, options.onProgress);
    for (const t of backupTables) if (t.sequence) await repo.runFixedStatement(trx, t.sequence);
    await appendAudit(trx, deps.clock, options.actor ?? operator(), {
      action: "system.restore",
      detail: {
        file: path.resolve(file),
        backupCreatedAt: loaded.header.createdAt,
        tables: loaded.counts,
        rows: total(loaded.counts),
      },
    });
    return loaded;
  });
  for (const [name, content] of Object.entries(header.files)) {
    const p = path.join(deps.config.dataDir, name);
    if (demoFiles.includes(name) && !existsSync(p)) {
      mkdirSync(deps.config.dataDir, { recursive: true });
      writeFileSync(p, content, { mode: 0o600 });
    }
  }
  return counts;
}

/** Reads the file and inserts its rows in batches, table by table. */
async function loadBackup(trx: Kysely<Database>, file: string, onProgress: Progress | undefined) {
  let header: Header | undefined;
  const counts: Record<string, number> = Object.fromEntries(backupTables.map((t) => [t.name, 0]));
  let current: BackupTable | undefined;
  let rows: Record<string, unknown>[] = [];
  const flush = async (tableDone: boolean) => {
    if (!current || !rows.length) return;
    await current.insert(trx, rows);
    counts[current.name] = (counts[current.name] ?? 0) + rows.length;
    rows = [];
    if (tableDone) await onProgress?.(current.name, counts[current.name] ?? 0);
  };
  // Nothing may be awaited between opening the reader and iterating it: readline emits lines as soon
  // as data flows, and lines emitted before the loop attaches are lost (the header first).
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as Header;
        checkHeader(header);
        continue;
      }
      const entry = JSON.parse(line) as { t: string; r: Record<string, unknown> };
      const table = byName.get(entry.t);
      if (!table) throw new AppError("bad_request", `Unknown table ${entry.t} in the backup.`);
      if (table !== current || rows.length >= 500) {
        await flush(table !== current);
        current = table;
      }
      rows.push(entry.r);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("bad_request", `The backup file is damaged: ${(e as Error).message}`);
  }
  await flush(true);
  if (!header) throw new AppError("bad_request", "The backup file is empty.");
  return { header, counts };
}

function checkHeader(h: Header) {
  if (h.format !== FORMAT || h.version !== VERSION)
    throw new AppError("bad_request", "Not a Fusion backup (or a newer format).");
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = h.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new AppError(
      "conflict",
      `The backup comes from a newer version (migrations ${unknown.join(", ")}).`,
    );
}
