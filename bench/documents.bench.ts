/**
 * Travel documents bulk import benchmark.
 * Run: DATABASE_URL=postgres://... npx tsx bench/documents.bench.ts [N]
 *   N rows (or DOCUMENTS_BENCH_N; default 100,000, so that `npm run bench` stays short; issue 9's
 *   figure is 10,000,000). DOCUMENTS_BENCH_BACKENDS=postgres,pglite picks the back ends (default
 *   both): one per process gives each its own peak RSS.
 *
 * Generates N travel documents issued by France (FRA, owner FR: an import enters only the acting
 * country's own documents) as a CSV file, streamed to disk. Then, in one run: the import through
 * the documents service (the path of `fusion import documents FILE --as FR`) into a fresh database,
 * and the re-run of the same file (all unchanged), on PostgreSQL when DATABASE_URL is set (a new
 * database, migrated from scratch) and on PGlite (a data directory on disk); and the baseline:
 * PostgreSQL's own `COPY ... FROM STDIN` of the same file into a plain table with the file's
 * columns (no constraints, no index), through `psql \copy`. Prints rows/s, wall time, peak RSS
 * (sampled every 100 ms) and table + index sizes.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { bootstrap } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { createServices } from "../src/services.ts";
import { systemActor } from "../src/shared/actor.ts";
import type { BulkReport } from "../src/shared/bulk/bulk-import.ts";

const N = Number(process.argv[2] ?? process.env.DOCUMENTS_BENCH_N ?? 100_000);
const BACKENDS = (process.env.DOCUMENTS_BENCH_BACKENDS ?? "postgres,pglite").split(",");
const DATABASE_URL = BACKENDS.includes("postgres") ? process.env.DATABASE_URL : undefined;
// The operator of France's bureau, as `--as FR` makes it in the CLI.
const actor = { ...systemActor("FR"), role: "ncb_admin" as const, isSecretariat: false };

const types = [
  ["passport", 50],
  ["id_card", 30],
  ["visa", 8],
  ["residence_permit", 6],
  ["travel_document", 4],
  ["other", 2],
] as const;
const statuses = [
  ["stolen", 45],
  ["lost", 45],
  ["revoked", 5],
  ["invalidated", 5],
] as const;

/** Picks from a weighted list (weights sum to 100) by a number 0..99. */
function pick<T extends string>(list: readonly (readonly [T, number])[], r: number): T {
  let acc = 0;
  for (const [v, w] of list) {
    acc += w;
    if (r < acc) return v;
  }
  return (list[0] as readonly [T, number])[0];
}

const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const DAY = 86_400_000;
const BASE = Date.UTC(2014, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Row i: a unique number (the digits carry i, so no key repeats and the re-run is all unchanged),
 * two letters in front or inside, a tenth written with a space and a twentieth with dashes.
 */
function line(i: number): string {
  const h = Math.imul(i, 2654435761) >>> 0;
  const a = LETTERS[h % 23] as string;
  const b = LETTERS[(h >>> 8) % 23] as string;
  const digits = String(i).padStart(8, "0");
  const shape = (h >>> 16) % 20;
  const number =
    shape < 2
      ? `${a}${b} ${digits}`
      : shape === 2
        ? `${digits.slice(0, 2)}-${a}${b}-${digits.slice(2)}`
        : shape < 8
          ? `${digits.slice(0, 2)}${a}${b}${digits.slice(2)}`
          : `${a}${b}${digits}`;
  const type = pick(types, (h >>> 4) % 100);
  const status = pick(statuses, (h >>> 12) % 100);
  const blank = status === "stolen" && (h >>> 20) % 16 === 0;
  const event = BASE + ((h >>> 3) % 4000) * DAY;
  const dated = (h >>> 24) % 10 !== 0; // a tenth without dates
  const eventDate = dated ? iso(event) : "";
  const reported = dated ? iso(event + ((h >>> 5) % 31) * DAY) : "";
  return `${number},FRA,${type},${status},${eventDate},${reported},${blank}\n`;
}

async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write("number,country,type,status,event_date,reported_date,blank\n");
  for (let from = 0; from < N; from += 10_000) {
    let chunk = "";
    for (let i = from; i < Math.min(N, from + 10_000); i++) chunk += line(i);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
  return statSync(file).size;
}

/**
 * Peak RSS over a phase, sampled every 100 ms (a long PGlite statement holds the thread, so the
 * sample after it is what counts; the kernel's own high-water mark is printed at the end too).
 */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  try {
    const value = await fn();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { value, ms: performance.now() - t0, peakRss };
  } finally {
    clearInterval(timer);
  }
}

type Result = { label: string; ms: number; peakRss: number | undefined; report?: BulkReport; note?: string };

async function importInto(deps: Deps, file: string): Promise<BulkReport> {
  const services = createServices(deps);
  let rejected = 0;
  let nextLog = 1_000_000;
  const report = await services.documents.importStream(actor, createReadStream(file), {
    format: "csv",
    totalBytes: statSync(file).size,
    onReject: (r) => {
      if (rejected++ < 3) console.error(`rejected line ${r.line}: ${r.reason}`);
    },
    // A line per million rows with the RSS then: flat memory shows as a flat column.
    onProgress: (p) => {
      if (p.rows < nextLog) return;
      nextLog += 1_000_000;
      console.error(
        `  ${p.rows.toLocaleString("en")} rows, ${Math.round(p.rowsPerSecond).toLocaleString("en")} rows/s, RSS ${mib(process.memoryUsage().rss)}`,
      );
    },
  });
  return report;
}

type Sizes = { table: number; indexes: number; changeFeed: number };
async function sizes(deps: Deps): Promise<Sizes> {
  const r = await sql<{ t: string; i: string; c: string }>`
    SELECT pg_table_size('travel_documents')::int8 AS t, pg_indexes_size('travel_documents')::int8 AS i,
           pg_total_relation_size('change_feed')::int8 AS c`.execute(deps.db);
  const row = r.rows[0] as { t: string; i: string; c: string };
  return { table: Number(row.t), indexes: Number(row.i), changeFeed: Number(row.c) };
}

/** First import and re-run of the same file on one back end, in a fresh database. */
async function backEnd(name: string, env: Record<string, string>, file: string) {
  const config = loadConfig({
    FUSION_DEMO: "true",
    FUSION_SECRET_KEY: "ab".repeat(32),
    LOG_LEVEL: "silent",
    ...env,
  });
  const deps = await bootstrap(config);
  try {
    const first = await measured(() => importInto(deps, file));
    console.error(`${name}: first import ${(first.ms / 1000).toFixed(1)} s`);
    const again = await measured(() => importInto(deps, file));
    console.error(`${name}: re-run ${(again.ms / 1000).toFixed(1)} s`);
    const size = await sizes(deps);
    const results: Result[] = [
      { label: `${name}: first import`, ms: first.ms, peakRss: first.peakRss, report: first.value },
      { label: `${name}: re-run (unchanged)`, ms: again.ms, peakRss: again.peakRss, report: again.value },
    ];
    return { results, size };
  } finally {
    await deps.storage.close();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The baseline: COPY FROM STDIN (psql's \copy) of the same file into a plain table. */
async function copyBaseline(url: string, file: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE TABLE travel_documents_copy (
      number text, issuing_country text, doc_type text, status text,
      event_date date, reported_date date, blank boolean)`);
    const t0 = performance.now();
    const r = spawnSync(
      "psql",
      [
        url,
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        `\\copy travel_documents_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`,
      ],
      { encoding: "utf8" },
    );
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
    const s = await admin.query<{ n: string; t: string }>(
      "SELECT count(*)::int8 AS n, pg_total_relation_size('travel_documents_copy')::int8 AS t FROM travel_documents_copy",
    );
    return { ms, rows: Number(s.rows[0]?.n), bytes: Number(s.rows[0]?.t) };
  } finally {
    await admin.end();
  }
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en");

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "?"} x ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function main() {
  const started = performance.now();
  console.log(`machine: ${machine()}; load at start ${load()}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-documents-bench-"));
  const file = path.join(dir, "documents.csv");
  const gen = await measured(() => generate(file));
  console.error(`generated ${N} rows, ${mib(gen.value)}, in ${(gen.ms / 1000).toFixed(1)} s`);

  const results: Result[] = [];
  const sizeLines: string[] = [];
  let copy: Awaited<ReturnType<typeof copyBaseline>> | undefined;
  // PostgreSQL first: PGlite's WebAssembly memory stays in the process and would inflate the RSS after it.
  if (DATABASE_URL) {
    const database = `fusion_bench_docs_${process.pid}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const url = withDatabase(DATABASE_URL, database);
      console.error(`COPY baseline, load ${load()}`);
      copy = await copyBaseline(url, file);
      results.push({
        label: "baseline: PostgreSQL COPY FROM STDIN (psql \\copy), plain table",
        ms: copy.ms,
        peakRss: undefined,
        note: `${copy.rows.toLocaleString("en")} rows; table ${mib(copy.bytes)}`,
      });
      console.error(`PostgreSQL import, load ${load()}`);
      const pgRun = await backEnd("PostgreSQL", { DATABASE_URL: url }, file);
      results.push(...pgRun.results);
      sizeLines.push(
        `PostgreSQL: travel_documents ${mib(pgRun.size.table)} + indexes ${mib(pgRun.size.indexes)}; change_feed ${mib(pgRun.size.changeFeed)}`,
      );
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.end();
    }
  }
  if (BACKENDS.includes("pglite")) {
    console.error(`PGlite import, load ${load()}`);
    const dataDir = path.join(dir, "pglite");
    const lite = await backEnd("PGlite", { DATA_DIR: dataDir }, file);
    results.push(...lite.results);
    sizeLines.push(
      `PGlite: travel_documents ${mib(lite.size.table)} + indexes ${mib(lite.size.indexes)}; change_feed ${mib(lite.size.changeFeed)}`,
    );
  }

  console.log(`data: ${N.toLocaleString("en")} travel documents (FRA), CSV ${mib(gen.value)}`);
  console.log(`load at end ${load()}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log("\n| run | wall time | rows/s | peak RSS | counts |\n| --- | --- | --- | --- | --- |");
  for (const r of results) {
    const counts = r.report
      ? `${r.report.created} created, ${r.report.updated} updated, ${r.report.unchanged} unchanged, ${r.report.rejected} rejected`
      : (r.note ?? "");
    const rss = r.peakRss === undefined ? "- (psql)" : mib(r.peakRss);
    console.log(`| ${r.label} | ${(r.ms / 1000).toFixed(1)} s | ${rate(N, r.ms)} | ${rss} | ${counts} |`);
  }
  for (const s of sizeLines) console.log(s);
  console.log(`process peak RSS (kernel high-water mark): ${mib(process.resourceUsage().maxRSS * 1024)}`);
  if (copy)
    for (const r of results.filter((x) => x.report))
      console.log(`${r.label}: ${((copy.ms / r.ms) * 100).toFixed(1)} % of the COPY rate`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
