/**
 * Search latency on the persons store (issue 9: "search latency on 1 million persons").
 * Run: DATABASE_URL=postgres://... npx tsx bench/records-search.bench.ts [N]
 *   N persons (or RECORDS_BENCH_N; default 100,000 so that `npm run bench` stays short; the issue's
 *   figure is 1,000,000). RECORDS_BENCH_BACKENDS=postgres,pglite picks the back ends (default both;
 *   PostgreSQL only when DATABASE_URL is set, in a new database dropped afterwards).
 *
 * Loads N generated persons (`generatePersons(n, 42)`, several naming cultures, 10 % cross-country
 * duplicates) straight into `records` with one `INSERT ... SELECT FROM unnest(...)` per 5,000, each
 * with a valid envelope (nine in ten shared with all, one in twenty shared with two countries only,
 * one in twenty with all except France), then VACUUM ANALYZE. Then France's bureau searches through
 * the records service (`records.list`, the path of `GET /api/v1/records`, audit row included):
 * an exact full name, a family name alone, a name with a typo, a weak alias ("Abu ..."), and a
 * family name within one owner's records, 40 different persons each; median and p95. The baseline,
 * in the same run, is the query the service ran before (whole-text `similarity() > 0.3`, no index
 * for it, and an exact count), on a few of the same searches. The retention-review due list of the
 * largest owner is timed too (the `(owner, review_at)` index).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { bootstrap } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { captionOf, searchTextOf } from "../src/features/records/records.schema.ts";
import { createServices } from "../src/services.ts";
import { systemActor } from "../src/shared/actor.ts";
import { recordVisibleTo } from "../src/shared/envelope/envelope.sql.ts";
import { type GeneratedPerson, generatePersons, toFtmProperties } from "./persons-data.ts";

const N = Number(process.argv[2] ?? process.env.RECORDS_BENCH_N ?? 100_000);
const BACKENDS = (process.env.RECORDS_BENCH_BACKENDS ?? "postgres,pglite").split(",");
const LOAD_BATCH = 5000;
const PICKS = 40;
const BASELINE_RUNS = 3;
const actor = { ...systemActor("FR"), role: "ncb_officer" as const, isSecretariat: false };

/** `name`: the name searched for (lower case), where the first results should show it. */
type Query = { kind: string; q: string; owner?: string; name?: string };

/** A person's name in Latin letters: the name itself, or the Latin alias of a name in its own script. */
const latinName = (p: GeneratedPerson): string | undefined =>
  /^[\x20-\x7e]+$/.test(p.name) ? p.name : p.aliases.find((a) => /^[\x20-\x7e]+$/.test(a));

/** One keyboard slip, always the same for a name: two letters of its longest word swapped. */
function typo(name: string): string {
  const words = name.split(" ");
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const i = Math.floor(longest.length / 2);
  const slipped = longest.slice(0, i - 1) + longest[i] + longest[i - 1] + longest.slice(i + 1);
  return words.map((w) => (w === longest ? slipped : w)).join(" ");
}

/** The searches: built from persons spread over the stream, so each asks about someone stored. */
function queriesOf(picked: GeneratedPerson[]): Query[] {
  const out: Query[] = [];
  for (const p of picked) {
    const name = latinName(p);
    if (!name) continue;
    const family = name.split(" ").at(-1) as string;
    out.push({ kind: "exact full name", q: name, name: name.toLowerCase() });
    out.push({ kind: "family name alone (partial)", q: family });
    out.push({ kind: "full name with a typo", q: typo(name), name: name.toLowerCase() });
    out.push({ kind: "family name, one owner's records", q: family, owner: p.owner });
    if (p.weakAliases[0]) out.push({ kind: 'weak alias ("Abu ...")', q: p.weakAliases[0] });
  }
  return out;
}

/** The envelope of person i: mostly shared with all, some narrowed (France is outside some). */
function distributionOf(i: number): [string, string] {
  if (i % 20 === 3) return ["only", "{US,GB}"];
  if (i % 20 === 7) return ["except", "{FR}"];
  return ["all", "{}"];
}

const visible = (p: GeneratedPerson) => p.owner === actor.country || distributionOf(p.index)[0] === "all";

/**
 * The secondary indexes of `records` as the migrations made them, dropped for the load and made
 * again after it from their own definitions (building an index once is much faster than keeping it
 * up row by row; what is searched is the same index).
 */
async function withoutIndexes(deps: Deps, fn: () => Promise<void>) {
  const defs = await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def
    FROM pg_indexes WHERE tablename = 'records' AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(deps.db);
  for (const d of defs.rows) await sql`DROP INDEX ${sql.id(d.name)}`.execute(deps.db);
  await fn();
  for (const d of defs.rows) await sql.raw(d.def).execute(deps.db);
}

/** Loads N persons in batches of LOAD_BATCH, one statement each; returns persons to search for. */
async function load(deps: Deps): Promise<GeneratedPerson[]> {
  const picked: GeneratedPerson[] = [];
  await withoutIndexes(deps, () => insertAll(deps, picked));
  await sql`VACUUM ANALYZE records`.execute(deps.db);
  return picked;
}

async function insertAll(deps: Deps, picked: GeneratedPerson[]) {
  const every = Math.max(1, Math.floor(N / PICKS));
  const cols: string[][] = [[], [], [], [], [], [], [], [], []];
  const flush = async () => {
    if (!cols[0]?.length) return;
    await sql`INSERT INTO records (schema, caption, properties, search_text, owner, distribution,
        distribution_countries, handling_code, source_reliability, information_accuracy, source_type,
        review_at, reference, created_at, updated_at)
      SELECT 'Person', c, p::jsonb, s, o, d, dc::text[], 'H0', 'B', 2, 'police', ra::date, ref, t::timestamptz, t::timestamptz
      FROM unnest(${cols[0]}::text[], ${cols[1]}::text[], ${cols[2]}::text[], ${cols[3]}::text[], ${cols[4]}::text[],
        ${cols[5]}::text[], ${cols[6]}::text[], ${cols[7]}::text[], ${cols[8]}::text[])
        AS i(c, p, s, o, d, dc, ra, ref, t)`.execute(deps.db);
    for (const c of cols) c.length = 0;
  };
  // Entered over the last five and a half years, each reviewed five years on: some overdue, some
  // due within the warning window, most later, as a live store would be.
  const span = 5.5 * 365.25 * 86_400_000;
  const start = Date.now() - span;
  for (const p of generatePersons(N, 42)) {
    // Spread over the stream: the first person after each step with a weak alias, visible to France.
    if (p.index >= picked.length * every && picked.length < PICKS && p.weakAliases.length && visible(p))
      picked.push(p);
    const props = toFtmProperties(p);
    const [d, dc] = distributionOf(p.index);
    const at = new Date(start + Math.floor((p.index * span) / N));
    const review = new Date(at);
    review.setUTCFullYear(review.getUTCFullYear() + 5);
    const row = [
      captionOf("Person", props),
      JSON.stringify(props),
      searchTextOf(props),
      p.owner,
      d,
      dc,
      review.toISOString().slice(0, 10),
      p.reference,
      at.toISOString(),
    ];
    for (const [k, v] of row.entries()) cols[k]?.push(v);
    if ((cols[0]?.length ?? 0) >= LOAD_BATCH) await flush();
  }
  await flush();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? 0;

type Row = { label: string; runs: number; median: number; p95: number; hits: string };

/** The query the service ran before this change, for the baseline: whole-text similarity, exact count. */
async function before(deps: Deps, q: Query): Promise<number> {
  const needle = q.q.toLowerCase();
  const like = `%${needle.replace(/[%_\\]/g, "\\$&")}%`;
  const where = sql`${recordVisibleTo(actor, "r")} AND (r.search_text LIKE ${like} OR similarity(r.search_text, ${needle}) > 0.3)`;
  const n = await sql<{ n: number }>`SELECT count(*) AS n FROM records AS r WHERE ${where}`.execute(deps.db);
  await sql`SELECT r.* FROM records AS r WHERE ${where} ORDER BY r.updated_at DESC, r.id LIMIT 50`.execute(
    deps.db,
  );
  return Number(n.rows[0]?.n ?? 0);
}

async function timed(fn: () => Promise<number>): Promise<[number, number]> {
  const t0 = performance.now();
  const hits = await fn();
  return [performance.now() - t0, hits];
}

async function measure(deps: Deps, picked: GeneratedPerson[]): Promise<Row[]> {
  const services = createServices(deps);
  const queries = queriesOf(picked);
  let found = 0;
  const search = (q: Query) =>
    services.records
      .list(actor, { q: q.q, ...(q.owner ? { owner: q.owner } : {}), page: 1, pageSize: 50 })
      .then((r) => {
        // Found: the person, or another of the same name (names repeat), among the first ten.
        const names = (i: (typeof r.items)[number]) =>
          [...(i.properties.name ?? []), ...(i.properties.alias ?? [])].map((x) => x.toLowerCase());
        if (q.name && r.items.slice(0, 10).some((i) => names(i).includes(q.name as string))) found++;
        return r.total;
      });
  for (const q of queries.slice(0, 10)) await search(q); // warm-up
  const rows: Row[] = [];
  for (const kind of [...new Set(queries.map((q) => q.kind))]) {
    const times: number[] = [];
    const hits: number[] = [];
    found = 0;
    const asked = queries.filter((x) => x.kind === kind);
    for (const q of asked) {
      const [ms, n] = await timed(() => search(q));
      times.push(ms);
      hits.push(n);
    }
    const recall = asked[0]?.name ? `; the name in the first 10: ${found}/${asked.length}` : "";
    rows.push({
      label: kind,
      runs: times.length,
      median: median(times),
      p95: p95(times),
      hits: spread(hits) + recall,
    });
    console.error(`  ${kind}: median ${median(times).toFixed(1)} ms`);
  }
  const browse: number[] = [];
  for (let i = 0; i < 20; i++) browse.push((await timed(() => search({ kind: "browse", q: "" })))[0]);
  rows.push({
    label: "browse, no search (page 1)",
    runs: 20,
    median: median(browse),
    p95: p95(browse),
    hits: "",
  });
  rows.push(await dueList(deps, services));
  for (const kind of ["exact full name", "full name with a typo"]) {
    const times: number[] = [];
    const hits: number[] = [];
    for (const q of queries.filter((x) => x.kind === kind).slice(0, BASELINE_RUNS)) {
      const [ms, n] = await timed(() => before(deps, q));
      times.push(ms);
      hits.push(n);
    }
    rows.push({
      label: `baseline (previous query): ${kind}`,
      runs: times.length,
      median: median(times),
      p95: p95(times),
      hits: spread(hits),
    });
    console.error(`  baseline ${kind}: median ${median(times).toFixed(0)} ms`);
  }
  return rows;
}

/** The retention-review due list of the owner with most records (France's bureau may ask for its own only). */
async function dueList(deps: Deps, services: ReturnType<typeof createServices>): Promise<Row> {
  const top = await sql<{ owner: string; n: number }>`SELECT owner, count(*) AS n FROM records AS r
    WHERE ${recordVisibleTo({ country: "XG", isSecretariat: true }, "r")} GROUP BY owner ORDER BY n DESC LIMIT 1`.execute(
    deps.db,
  );
  const owner = top.rows[0]?.owner ?? "FR";
  const bureau = { ...systemActor(owner), role: "ncb_officer" as const, isSecretariat: false };
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 20; i++) {
    const [ms, n] = await timed(() =>
      services.review.listDue(bureau, { type: "records", page: 1, pageSize: 50 }).then((r) => r.total),
    );
    times.push(ms);
    total = n;
  }
  // The plan of the due list's records branch (review.repo.ts), to show which index reads it.
  const plan = await sql<Record<string, string>>`EXPLAIN SELECT r.id FROM records AS r
    WHERE ${recordVisibleTo(bureau, "r")} AND r.owner = ${owner} AND r.subject_of_notice IS NULL
      AND r.review_at <= ${services.review.window().dueBy}::date ORDER BY r.review_at LIMIT 50`.execute(
    deps.db,
  );
  const index = plan.rows
    .map((r) => Object.values(r)[0])
    .join(" ")
    .match(/ using (\w+)/)?.[1];
  return {
    label: `review due list (${owner}, records, page 1; plan reads ${index ?? "no index"})`,
    runs: 20,
    median: median(times),
    p95: p95(times),
    hits: String(total),
  };
}

const spread = (xs: number[]) =>
  xs.length ? `${Math.min(...xs)}-${Math.max(...xs)} (median ${median(xs)})` : "";

async function backEnd(name: string, env: Record<string, string>) {
  const config = loadConfig({
    FUSION_DEMO: "true",
    FUSION_SECRET_KEY: "ab".repeat(32),
    LOG_LEVEL: "silent",
    ...env,
  });
  const deps = await bootstrap(config);
  try {
    const t0 = performance.now();
    const picked = await load(deps);
    const loadMs = performance.now() - t0;
    console.error(`${name}: loaded ${N} persons in ${(loadMs / 1000).toFixed(1)} s`);
    const size = await sql<{
      t: string;
      i: string;
    }>`SELECT pg_table_size('records')::int8 AS t, pg_indexes_size('records')::int8 AS i`.execute(deps.db);
    const rows = await measure(deps, picked);
    return { name, loadMs, rows, table: Number(size.rows[0]?.t), indexes: Number(size.rows[0]?.i) };
  } finally {
    await deps.storage.close();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onPostgres(url: string) {
  const database = `fusion_bench_records_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    return await backEnd("PostgreSQL", { DATABASE_URL: withDatabase(url, database) });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const load1 = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function main() {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model} x ${cpus.length}, Node ${process.version}; load at start ${load1()}`,
  );
  const results = [];
  if (BACKENDS.includes("postgres") && process.env.DATABASE_URL)
    results.push(await onPostgres(process.env.DATABASE_URL));
  if (BACKENDS.includes("pglite")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-records-bench-"));
    try {
      results.push(await backEnd("PGlite", { DATA_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`data: ${N.toLocaleString("en")} persons; load at end ${load1()}`);
  for (const r of results) {
    console.log(
      `\n${r.name}: load ${(r.loadMs / 1000).toFixed(1)} s (${Math.round(N / (r.loadMs / 1000)).toLocaleString("en")} persons/s), records ${mib(r.table)} + indexes ${mib(r.indexes)}`,
    );
    console.log(
      "| search as FR's bureau | runs | median | p95 | total found |\n| --- | --- | --- | --- | --- |",
    );
    for (const x of r.rows)
      console.log(
        `| ${x.label} | ${x.runs} | ${x.median.toFixed(1)} ms | ${x.p95.toFixed(1)} ms | ${x.hits} |`,
      );
  }
}

await main();
