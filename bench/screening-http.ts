/**
 * The HTTP side of the screening speed benchmark: the real application (`buildApp`, the screening
 * node's routes) on PostgreSQL (or the embedded database), its watchlist built from the database at
 * start-up as a node does, the generated persons in `records` and reported documents in
 * `travel_documents`; a border officer's API client (bearer token) checks travellers one by one
 * over a keep-alive connection (`POST /api/v1/screening/check`) and a 300-passenger manifest
 * (`POST /api/v1/screening/manifest`). Each check writes its audit row (and each hit its hit, outbox
 * and audit rows) in one transaction; that cost is measured alone as well.
 */
import { sql } from "kysely";
import { buildApp } from "../src/app.ts";
import { bootstrap } from "../src/bootstrap.ts";
import { loadConfig } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { appendAudit } from "../src/features/audit/audit.append.ts";
import { captionOf, searchTextOf } from "../src/features/records/records.schema.ts";
import { normaliseDocumentNumber } from "../src/search/document-index/keys.ts";
import { createServices } from "../src/services.ts";
import { systemActor } from "../src/shared/actor.ts";
import { generatePersons, toFtmProperties } from "./persons-data.ts";
import { documentAt, latency, PERSON_SEED, type Traveller } from "./screening-data.ts";
import { distributionOf } from "./screening-inprocess.ts";

const BATCH = 5000;
const OWNER_OF: Record<string, string> = {
  FRA: "FR",
  DEU: "DE",
  GBR: "GB",
  USA: "US",
  ESP: "ES",
  ITA: "IT",
  RUS: "RU",
  TUR: "TR",
};

/** Secondary indexes dropped for a bulk load and made again from their own definitions after it. */
async function withoutIndexes(deps: Deps, table: string, fn: () => Promise<void>) {
  const defs = await sql<{ name: string; def: string }>`SELECT indexname AS name, indexdef AS def
    FROM pg_indexes WHERE tablename = ${table} AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(deps.db);
  for (const d of defs.rows) await sql`DROP INDEX ${sql.id(d.name)}`.execute(deps.db);
  await fn();
  for (const d of defs.rows) await sql.raw(d.def).execute(deps.db);
}

async function loadPersons(deps: Deps, persons: number): Promise<void> {
  const cols: string[][] = [[], [], [], [], [], [], []];
  const flush = async () => {
    if (!cols[0]?.length) return;
    await sql`INSERT INTO records (schema, caption, properties, search_text, owner, distribution,
        distribution_countries, handling_code, source_reliability, information_accuracy, source_type,
        review_at, reference)
      SELECT 'Person', c, p::jsonb, s, o, d, dc::text[], 'H0', 'B', 2, 'police', '2030-01-01'::date, ref
      FROM unnest(${cols[0]}::text[], ${cols[1]}::text[], ${cols[2]}::text[], ${cols[3]}::text[],
        ${cols[4]}::text[], ${cols[5]}::text[], ${cols[6]}::text[]) AS i(c, p, s, o, d, dc, ref)`.execute(
      deps.db,
    );
    for (const c of cols) c.length = 0;
  };
  for (const p of generatePersons(persons, PERSON_SEED)) {
    const props = toFtmProperties(p);
    const { distribution, countries } = distributionOf(p.index);
    const row = [
      captionOf("Person", props),
      JSON.stringify(props),
      searchTextOf(props),
      p.owner,
      distribution,
      `{${countries.join(",")}}`,
      p.reference,
    ];
    for (const [k, v] of row.entries()) cols[k]?.push(v);
    if ((cols[0]?.length ?? 0) >= BATCH) await flush();
  }
  await flush();
}

async function loadDocuments(deps: Deps, documents: number): Promise<void> {
  for (let from = 0; from < documents; from += BATCH * 2) {
    const numbers: string[] = [];
    const norms: string[] = [];
    const countries: string[] = [];
    const owners: string[] = [];
    for (let i = from; i < Math.min(documents, from + BATCH * 2); i++) {
      const d = documentAt(i);
      numbers.push(d.number);
      norms.push(normaliseDocumentNumber(d.number));
      countries.push(d.country);
      owners.push(OWNER_OF[d.country] ?? "FR");
    }
    await sql`INSERT INTO travel_documents (issuing_country, number, number_norm, doc_type, status, owner,
        distribution, handling_code, source_reliability, information_accuracy, source_type, review_at)
      SELECT c, n, nn, 'passport', 'stolen', o, 'all', 'H0', 'B', 2, 'police', '2030-01-01'::date
      FROM unnest(${numbers}::text[], ${norms}::text[], ${countries}::text[], ${owners}::text[]) AS i(n, nn, c, o)`.execute(
      deps.db,
    );
  }
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function manifestCsv(travellers: readonly Traveller[]): string {
  const lines = ["id,name,date_of_birth,nationality,sex,document_number,document_country"];
  for (const [i, t] of travellers.entries()) {
    const fields = [String(i + 1), t.name, t.birthDate ?? "", t.nationality ?? "", t.sex ?? ""];
    lines.push([...fields, t.documentNumber, t.documentCountry].map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

export type HttpRun = {
  backend: string;
  persons: number;
  documents: number;
  loadMs: number;
  buildMs: number;
  check: { p50: number; p99: number; n: number };
  checkNoHit: { p50: number; p99: number; n: number };
  checkHit: { p50: number; p99: number; n: number };
  qpsConcurrent: number;
  concurrency: number;
  manifestMs: number[];
  manifestHits: number;
  auditAlone: { p50: number; p99: number; n: number };
  /** Checks answered with anything but 200 (shown on stderr; the server's log with SCREENING_BENCH_HTTP_LOG=1). */
  errors: number;
};

export async function measureHttp(options: {
  databaseUrl?: string;
  dataDir: string;
  persons: number;
  documents: number;
  travellers: readonly Traveller[];
  concurrency: number;
  manifests: number;
}): Promise<HttpRun> {
  const config = loadConfig({
    FUSION_DEMO: "true",
    FUSION_SECRET_KEY: "ab".repeat(32),
    // SCREENING_BENCH_HTTP_LOG=1 shows the server's errors (level error), for a failing run.
    LOG_LEVEL: process.env.SCREENING_BENCH_HTTP_LOG ? "error" : "silent",
    DATA_DIR: options.dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const deps = await bootstrap(config);
  try {
    const t0 = performance.now();
    await withoutIndexes(deps, "records", () => loadPersons(deps, options.persons));
    await loadDocuments(deps, options.documents);
    await sql`VACUUM ANALYZE records`.execute(deps.db);
    await sql`VACUUM ANALYZE travel_documents`.execute(deps.db);
    const loadMs = performance.now() - t0;
    console.error(
      `  HTTP: ${options.persons} persons and ${options.documents} documents loaded in ${(loadMs / 1000).toFixed(0)} s`,
    );

    const services = createServices(deps);
    const { token } = await services.clients.create(systemActor("XG"), {
      name: "screening bench",
      role: "border_officer",
      country: "US",
      scopes: ["screening:check"],
    });
    const b0 = performance.now();
    await services.screening.service.feed.warmUp();
    const buildMs = performance.now() - b0;
    console.error(`  HTTP: watchlist built from the database in ${(buildMs / 1000).toFixed(0)} s`);
    const app = await buildApp(deps, {
      services,
      role: "screening",
      logger: Boolean(process.env.SCREENING_BENCH_HTTP_LOG),
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    let errors = 0;
    const check = async (t: Traveller) => {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/screening/check`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          name: t.name,
          ...(t.birthDate ? { dateOfBirth: t.birthDate } : {}),
          ...(t.nationality ? { nationality: t.nationality } : {}),
          ...(t.sex ? { sex: t.sex } : {}),
          documentNumber: t.documentNumber,
          documentCountry: t.documentCountry,
          location: "bench",
        }),
      });
      const body = (await r.json()) as { hit?: boolean };
      if (r.status !== 200) {
        // Counted and shown, not fatal: one failure should not cost the whole run's figures.
        if (errors++ === 0)
          console.error(
            `  HTTP: check of ${JSON.stringify(t)} answered ${r.status}: ${JSON.stringify(body)}`,
          );
        return false;
      }
      return body.hit === true;
    };
    try {
      for (const t of options.travellers.slice(0, 50)) await check(t); // warm-up
      const all: number[] = [];
      const hit: number[] = [];
      const noHit: number[] = [];
      for (const t of options.travellers) {
        const s = performance.now();
        const h = await check(t);
        const ms = performance.now() - s;
        all.push(ms);
        (h ? hit : noHit).push(ms);
      }
      let done = 0;
      const c0 = performance.now();
      await Promise.all(
        Array.from({ length: options.concurrency }, async (_, k) => {
          for (let i = k; i < options.travellers.length; i += options.concurrency) {
            await check(options.travellers[i] as Traveller);
            done++;
          }
        }),
      );
      const qpsConcurrent = done / ((performance.now() - c0) / 1000);

      const manifestMs: number[] = [];
      let manifestHits = 0;
      for (let m = 0; m < options.manifests; m++) {
        const from = (m * 300) % Math.max(1, options.travellers.length - 300);
        const csv = manifestCsv(options.travellers.slice(from, from + 300));
        const s = performance.now();
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/screening/manifest`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: csv,
        });
        const body = (await r.json()) as { summary?: { screened: number; hits: number } };
        manifestMs.push(performance.now() - s);
        if (r.status !== 200 || body.summary?.screened !== 300)
          throw new Error(`manifest answered ${r.status}: ${JSON.stringify(body).slice(0, 300)}`);
        manifestHits = body.summary.hits;
      }

      // The write every check makes even without a hit: one audit row in its own transaction.
      const actor = { ...systemActor("US"), role: "border_officer" as const, isSecretariat: false };
      const audit: number[] = [];
      for (let i = 0; i < 200; i++) {
        const s = performance.now();
        await deps.db.transaction().execute((trx) =>
          appendAudit(trx, deps.clock, actor, {
            action: "screening.check",
            detail: { query: { name: "bench" }, location: "bench", travellers: 1, hits: 0 },
          }),
        );
        audit.push(performance.now() - s);
      }
      return {
        backend: options.databaseUrl ? "PostgreSQL" : "PGlite",
        persons: options.persons,
        documents: options.documents,
        loadMs,
        buildMs,
        check: latency(all),
        checkNoHit: latency(noHit),
        checkHit: latency(hit),
        qpsConcurrent,
        concurrency: options.concurrency,
        manifestMs,
        manifestHits,
        auditAlone: latency(audit),
        errors,
      };
    } finally {
      await app.close();
    }
  } finally {
    await deps.storage.close();
  }
}
