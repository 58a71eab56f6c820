/**
 * Baseline (a) of the screening speed benchmark, on the same generated data: PostgreSQL's
 * `pg_trgm` (a GIN trigram index over every name and alias, `%` to find candidates, `similarity`
 * to rank) with `fuzzystrmatch` in the ranking (Double Metaphone agreement, Levenshtein distance)
 * and the date of birth; travel documents looked up by their OCR-folded number in a btree. Loaded
 * through `psql \copy` from generated text streamed to its standard input.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import pg from "pg";
import { normaliseDocumentNumber, ocrFold } from "../src/search/document-index/keys.ts";
import { generatePersons } from "./persons-data.ts";
import { documentAt, PERSON_SEED, type Traveller } from "./screening-data.ts";

const escapeCopy = (s: string) => s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");

/** Streams rows (already tab-separated lines) into a table through `psql \copy ... FROM PSTDIN`. */
async function copyInto(url: string, target: string, rows: Iterable<string>): Promise<void> {
  const child = spawn("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", `\\copy ${target} FROM PSTDIN`], {
    stdio: ["pipe", "ignore", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => {
    err += String(d);
  });
  const exited = once(child, "exit");
  let chunk = "";
  for (const line of rows) {
    chunk += line;
    if (chunk.length < 1 << 20) continue;
    if (!child.stdin.write(chunk)) await once(child.stdin, "drain");
    chunk = "";
  }
  child.stdin.end(chunk);
  const [code] = await exited;
  if (code !== 0) throw new Error(`psql \\copy ${target} failed: ${err}`);
}

function* nameRows(persons: number): Generator<string> {
  for (const p of generatePersons(persons, PERSON_SEED))
    for (const n of [p.name, ...p.aliases, ...p.weakAliases])
      yield `${p.index}\t${escapeCopy(n)}\t${p.birthDate ?? "\\N"}\n`;
}

function* documentRows(documents: number): Generator<string> {
  for (let i = 0; i < documents; i++) {
    const d = documentAt(i);
    yield `${ocrFold(normaliseDocumentNumber(d.number))}\t${d.country}\n`;
  }
}

export type PgLoad = {
  namesMs: number;
  ginMs: number;
  docsMs: number;
  btreeMs: number;
  namesBytes: number;
  docsBytes: number;
};

export async function loadBaseline(url: string, persons: number, documents: number): Promise<PgLoad> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await c.query("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
    await c.query("DROP TABLE IF EXISTS bench_names, bench_docs");
    await c.query("CREATE UNLOGGED TABLE bench_names (person int NOT NULL, name text NOT NULL, birth text)");
    await c.query("CREATE UNLOGGED TABLE bench_docs (number_fold text NOT NULL, country text NOT NULL)");
    await c.query("SET maintenance_work_mem = '512MB'");
    const timed = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    const namesMs = await timed(() => copyInto(url, "bench_names (person, name, birth)", nameRows(persons)));
    const ginMs = await timed(() =>
      c.query("CREATE INDEX bench_names_trgm ON bench_names USING gin (name gin_trgm_ops)"),
    );
    console.error(
      `  PostgreSQL: names loaded in ${(namesMs / 1000).toFixed(0)} s, GIN in ${(ginMs / 1000).toFixed(0)} s`,
    );
    const docsMs = await timed(() =>
      copyInto(url, "bench_docs (number_fold, country)", documentRows(documents)),
    );
    const btreeMs = await timed(() => c.query("CREATE INDEX bench_docs_number ON bench_docs (number_fold)"));
    console.error(
      `  PostgreSQL: documents loaded in ${(docsMs / 1000).toFixed(0)} s, btree in ${(btreeMs / 1000).toFixed(0)} s`,
    );
    await c.query("VACUUM ANALYZE bench_names");
    await c.query("VACUUM ANALYZE bench_docs");
    const size = await c.query<{ n: string; d: string }>(
      "SELECT pg_total_relation_size('bench_names')::int8 AS n, pg_total_relation_size('bench_docs')::int8 AS d",
    );
    return {
      namesMs,
      ginMs,
      docsMs,
      btreeMs,
      namesBytes: Number(size.rows[0]?.n),
      docsBytes: Number(size.rows[0]?.d),
    };
  } finally {
    await c.end();
  }
}

/** Trigram candidates ranked by similarity, Double Metaphone agreement, Levenshtein and the date of birth. */
const NAME_QUERY = `SELECT person FROM bench_names WHERE name % $1
  ORDER BY similarity(name, $1)
    + CASE WHEN dmetaphone(name) = dmetaphone($1) THEN 0.1 ELSE 0 END
    - levenshtein(lower(left(name, 255)), lower(left($1, 255))) / 100.0
    + CASE WHEN $2::text IS NULL OR birth IS NULL THEN 0 WHEN birth = $2 THEN 0.05
           WHEN left(birth, 4) = left($2, 4) THEN 0.02 ELSE -0.1 END DESC
  LIMIT 10`;
const DOC_QUERY = "SELECT country FROM bench_docs WHERE number_fold = $1 LIMIT 10";

async function checkOne(c: pg.Client, t: Traveller): Promise<{ persons: number[]; documents: number }> {
  const names = await c.query<{ person: number }>({
    name: "names",
    text: NAME_QUERY,
    values: [t.name, t.birthDate ?? null],
  });
  const docs = await c.query({
    name: "docs",
    text: DOC_QUERY,
    values: [ocrFold(normaliseDocumentNumber(t.documentNumber))],
  });
  return { persons: names.rows.map((r) => r.person), documents: docs.rowCount ?? 0 };
}

export type PgRun = {
  times: number[];
  nameTimes: number[];
  docTimes: number[];
  results: { persons: number[]; documents: number }[];
  qps2: number;
};

/**
 * Travellers one by one on one connection (for p50/p99), at most `budgetMs`; then two connections
 * screening at once (PostgreSQL may use both cores) for `budgetMs / 2`, for travellers per second.
 */
export async function measureBaseline(
  url: string,
  travellers: readonly Traveller[],
  budgetMs: number,
): Promise<PgRun> {
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const [c, d] = clients as [pg.Client, pg.Client];
    for (const t of travellers.slice(0, 10)) await checkOne(c, t); // warm-up, plans prepared
    const times: number[] = [];
    const nameTimes: number[] = [];
    const docTimes: number[] = [];
    const results: PgRun["results"] = [];
    const started = performance.now();
    for (const t of travellers) {
      if (performance.now() - started > budgetMs) break;
      const t0 = performance.now();
      const names = await c.query<{ person: number }>({
        name: "names",
        text: NAME_QUERY,
        values: [t.name, t.birthDate ?? null],
      });
      const t1 = performance.now();
      const docs = await c.query({
        name: "docs",
        text: DOC_QUERY,
        values: [ocrFold(normaliseDocumentNumber(t.documentNumber))],
      });
      const t2 = performance.now();
      times.push(t2 - t0);
      nameTimes.push(t1 - t0);
      docTimes.push(t2 - t1);
      results.push({ persons: names.rows.map((r) => r.person), documents: docs.rowCount ?? 0 });
    }
    await checkOne(d, travellers[0] as Traveller);
    let done = 0;
    const until = performance.now() + budgetMs / 2;
    const t0 = performance.now();
    await Promise.all(
      [c, d].map(async (client, k) => {
        for (let i = k; performance.now() < until; i += 2) {
          await checkOne(client, travellers[i % travellers.length] as Traveller);
          done++;
        }
      }),
    );
    return { times, nameTimes, docTimes, results, qps2: done / ((performance.now() - t0) / 1000) };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
