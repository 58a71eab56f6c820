import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "kysely";
import type { Deps } from "../../deps.ts";
import { AppError } from "../../shared/errors.ts";
import { appliedMigrations, listMigrations } from "../../storage/migrate.ts";
import { backupTables } from "./backup.tables.ts";

const FORMAT = "fusion-backup";
const VERSION = 1;
// Demo installations keep their key and demo credentials beside the data; they travel with it.
const demoFiles = ["secret.key", "demo-credentials.json"];

type Header = {
  format: string;
  version: number;
  createdAt: string;
  storage: string;
  migrations: string[];
  files: Record<string, string>;
};

/**
 * A logical backup: every table as JSON lines, gzip-compressed, in dependency order. Being logical,
 * it restores on either back end (so it is also the way from the embedded database to a server),
 * and the audit chain comes back byte for byte, so `audit verify` still passes after a restore.
 */
export async function backup(deps: Deps, file: string, onProgress?: (table: string, rows: number) => void) {
  const files: Record<string, string> = {};
  if (deps.config.demo && !deps.config.secretKeyHex) {
    for (const f of demoFiles) {
      const p = path.join(deps.config.dataDir, f);
      if (existsSync(p)) files[f] = readFileSync(p, "utf8");
    }
  }
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    createdAt: deps.clock.now().toISOString(),
    storage: deps.storage.kind,
    migrations: await appliedMigrations(deps.storage),
    files,
  };
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, "drain");
  };
  await write(header);
  const counts: Record<string, number> = {};
  for (const t of backupTables) {
    let n = 0;
    for (let offset = 0; ; offset += 1000) {
      const rows = await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.table(t.name)} ORDER BY ${sql.raw(t.orderBy)} LIMIT 1000 OFFSET ${offset}`.execute(
        deps.db,
      );
      for (const row of rows.rows) await write({ t: t.name, r: row });
      n += rows.rows.length;
      if (rows.rows.length < 1000) break;
    }
    counts[t.name] = n;
    onProgress?.(t.name, n);
  }
  gzip.end();
  await done;
  return counts;
}

/** Restores into an empty, migrated database. Refuses a non-empty one rather than merging. */
export async function restore(deps: Deps, file: string, onProgress?: (table: string, rows: number) => void) {
  if (!existsSync(file)) throw new AppError("not_found", `No backup file at ${file}.`);
  const users = await deps.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  const audit = await deps.db.selectFrom("audit_log").select("seq").limit(1).executeTakeFirst();
  if (users || audit)
    throw new AppError("conflict", "The target database is not empty; restore only into a new one.");
  let header: Header | undefined;
  const counts: Record<string, number> = {};
  const byName = new Map(backupTables.map((t) => [t.name, t]));
  let batch: { t: string; r: Record<string, unknown> }[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const t = byName.get(batch[0]!.t)!;
    await t.insert(
      deps.db,
      batch.map((b) => b.r),
    );
    counts[t.name] = (counts[t.name] ?? 0) + batch.length;
    batch = [];
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
      if (!byName.has(entry.t)) throw new AppError("bad_request", `Unknown table ${entry.t} in the backup.`);
      if (batch.length && (batch[0]!.t !== entry.t || batch.length >= 500)) {
        const finished = batch[0]!.t !== entry.t ? batch[0]!.t : null;
        await flush();
        if (finished) onProgress?.(finished, counts[finished] ?? 0);
      }
      batch.push(entry);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("bad_request", `The backup file is damaged: ${(e as Error).message}`);
  }
  const last = batch[0]?.t;
  await flush();
  if (last) onProgress?.(last, counts[last] ?? 0);
  if (!header) throw new AppError("bad_request", "The backup file is empty.");
  for (const t of backupTables) if (t.sequence) await sql.raw(t.sequence).execute(deps.db);
  for (const [name, content] of Object.entries(header.files)) {
    const p = path.join(deps.config.dataDir, name);
    if (demoFiles.includes(name) && !existsSync(p)) {
      mkdirSync(deps.config.dataDir, { recursive: true });
      writeFileSync(p, content, { mode: 0o600 });
    }
  }
  return counts;
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
