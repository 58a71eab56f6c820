/**
 * Notices benchmark.  Run: npx tsx bench/notices.bench.ts   (NOTICES_BENCH_N shrinks the data set)
 *
 * Loads N notices (default 100,000) into an in-memory PGlite database with multi-row SQL inserts
 * (not through the API), then measures through app.inject: the GS review queue (HTTP and the bare
 * query), the public INTERPOL-compatible list (first page, a deep page, filters) and detail. The
 * health endpoint, measured in the same run, is the baseline for the ratios. Prints the machine,
 * the data size, medians and p95.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { redRequest, yellowRequest } from "../src/features/notices/notices.fixtures.ts";
import { reviewQueue } from "../src/features/notices/notices.repo.ts";
import { subjectColumns } from "../src/features/notices/notices.subject.ts";
import { type NoticeRequest, noticeRequest } from "../src/features/notices/rules/notice-request.ts";
import { createServices } from "../src/services.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createStorage } from "../src/storage/db.ts";
import { migrate } from "../src/storage/migrate.ts";
import { memberCountries } from "../src/storage/seed/countries.ts";
import { seedReferenceData } from "../src/storage/seed/reference.ts";

const N = Number(process.env.NOTICES_BENCH_N ?? 100_000);
const RUNS = 200;
const WARMUP = 20;
const BATCH = 1_000;

const families = [
  "DUPONT",
  "SMITH",
  "OKAFOR",
  "NAKAMURA",
  "HADDAD",
  "IVANOV",
  "SILVA",
  "KOWALSKI",
  "MENDEZ",
  "NGUYEN",
];
const forenames = ["Jean", "Anna", "Omar", "Li", "Maria", "Kofi", "Ivan", "Sara", "Paulo", "Aiko"];
const owners = memberCountries.map((c) => c.alpha2);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** One notice row: 60% Red, 25% Yellow, 15% Blue; 85% published, 5% awaiting review, the rest drafts or ended. */
function row(i: number, base: number) {
  const family = `${families[i % 10]}${i}`;
  const fore = forenames[(i * 7) % 10] as string;
  const kind = i % 20 < 12 ? "red" : i % 20 < 17 ? "yellow" : "blue";
  const raw = kind === "yellow" ? yellowRequest(family, fore) : { ...redRequest(family, fore), type: kind };
  const request = noticeRequest.parse(raw) as NoticeRequest;
  if (request.subject.kind === "person")
    request.subject.nationalities = [owners[i % owners.length] as string];
  const bucket = i % 100;
  const state =
    bucket < 85
      ? "published"
      : bucket < 90
        ? bucket % 2
          ? "submitted"
          : "under_review"
        : bucket < 95
          ? "draft"
          : "withdrawn";
  const numbered = state === "published" || state === "withdrawn";
  const at = new Date(base + i * 1000);
  return {
    notice_number: numbered ? `${2020 + (i % 7)}/${String(10_000 + i).padStart(5, "0")}` : null,
    type: kind,
    state,
    request: JSON.stringify(request),
    language: "en",
    translations: "{}",
    subject_record_id: null,
    ...subjectColumns(request),
    findings: "[]",
    risk_score: state === "submitted" || state === "under_review" ? (i * 37) % 300 : 0,
    public_extract: kind !== "blue" && i % 2 === 0,
    addenda: "[]",
    submitted_at: state === "draft" ? null : at,
    published_at: numbered ? at : null,
    valid_until: numbered ? new Date(at.getTime() + 5 * 365 * 86_400_000) : null,
    owner: owners[i % owners.length] as string,
    distribution: "all" as const,
    distribution_countries: [],
    handling_code: "H0" as const,
    handling_note: null,
    source_reliability: "B" as const,
    information_accuracy: 2,
    source_type: "judicial" as const,
    review_at: "2031-01-01",
    created_at: at,
    updated_at: at,
  };
}

async function time(label: string, fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { label, p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

async function main() {
  const started = performance.now();
  const storage = await createStorage({ kind: "pglite" });
  await migrate(storage);
  await seedReferenceData(storage);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-bench-")),
    FUSION_DEMO: "true",
    FUSION_SECRET_KEY: "ab".repeat(32),
    LOG_LEVEL: "silent",
    LOGIN_ATTEMPTS_PER_MINUTE: "100000",
  });
  const deps: Deps = { config, storage, db: storage.db, clock: systemClock, secretKey: Buffer.alloc(32, 1) };

  const loadStart = performance.now();
  const base = Date.parse("2020-01-01T00:00:00Z");
  for (let from = 0; from < N; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(N, from + BATCH); i++) rows.push(row(i, base));
    await deps.db.insertInto("notices").values(rows).execute();
  }
  // As autovacuum would on a server: statistics, and a visibility map for index-only counts.
  await sql`VACUUM ANALYZE notices`.execute(deps.db);
  const loadMs = performance.now() - loadStart;
  console.error(`loaded ${N} notices in ${(loadMs / 1000).toFixed(0)} s; measuring...`);

  const services = createServices(deps);
  const app = await buildApp(deps, { services });
  await app.ready();
  const admin = {
    kind: "system" as const,
    id: "00000000-0000-0000-0000-000000000000",
    username: "system",
    role: "admin" as const,
    country: "XG",
    isSecretariat: true,
    scopes: [],
  };
  await services.users.create(admin, {
    username: "bench.gs",
    displayName: "bench",
    role: "gs_reviewer",
    country: "XG",
    password: "a long bench password",
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "bench.gs", password: "a long bench password" },
  });
  const cookie = `fusion_session=${login.cookies.find((c) => c.name === "fusion_session")?.value}`;

  const counts = await sql<{
    state: string;
    n: number;
  }>`SELECT state, count(*)::int8 AS n FROM notices GROUP BY state ORDER BY state`.execute(deps.db);
  const size = await sql<{ b: number }>`SELECT pg_total_relation_size('notices')::int8 AS b`.execute(deps.db);
  const publicRed = await sql<{
    n: number;
  }>`SELECT count(*)::int8 AS n FROM notices WHERE type = 'red' AND state = 'published' AND public_extract`.execute(
    deps.db,
  );
  const sample = await deps.db
    .selectFrom("notices")
    .select("notice_number")
    .where("type", "=", "red")
    .where("state", "=", "published")
    .where("public_extract", "=", true)
    .orderBy("notice_number")
    .offset(Math.floor(N / 4))
    .limit(1)
    .executeTakeFirstOrThrow();
  const detailId = (sample.notice_number as string).replace("/", "-");
  const lastPage = Math.ceil(Number(publicRed.rows[0]?.n) / 20);

  const ok = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: "GET", url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const results = [
    await time("baseline: GET /api/v1/health", () => ok("/api/v1/health")),
    await time("review queue, bare query (page 1 of 50)", () =>
      reviewQueue(deps.db, { country: "XG", isSecretariat: true }, 1, 50),
    ),
    await time("GET /api/v1/notices/review-queue (page 1 of 50, audited)", () =>
      ok("/api/v1/notices/review-queue?pageSize=50", { cookie }),
    ),
    await time("GET /notices/v1/red (page 1 of 20)", () => ok("/notices/v1/red")),
    await time(`GET /notices/v1/red?page=${lastPage} (last page)`, () =>
      ok(`/notices/v1/red?page=${lastPage}`),
    ),
    await time("GET /notices/v1/red?name=okafor", () => ok("/notices/v1/red?name=okafor")),
    await time("GET /notices/v1/red?nationality=FR&sexId=M", () =>
      ok("/notices/v1/red?nationality=FR&sexId=M"),
    ),
    await time("GET /notices/v1/red?freeText=okafor12", () => ok("/notices/v1/red?freeText=okafor12")),
    await time("GET /notices/v1/yellow?ageMax=18", () => ok("/notices/v1/yellow?ageMax=18")),
    await time(`GET /notices/v1/red/${detailId}`, () => ok(`/notices/v1/red/${detailId}`)),
    await time(`GET /notices/v1/red/${detailId}/images`, () => ok(`/notices/v1/red/${detailId}/images`)),
  ];
  const baseline = results[0]?.p50 ?? 1;

  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? "?"} x ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `data: ${N.toLocaleString("en")} notices (${counts.rows.map((r) => `${r.state} ${Number(r.n).toLocaleString("en")}`).join(", ")}); ${Number(publicRed.rows[0]?.n).toLocaleString("en")} public Red; notices table + indexes ${(Number(size.rows[0]?.b) / 2 ** 20).toFixed(0)} MiB`,
  );
  console.log(
    `bulk insert + VACUUM ANALYZE: ${(loadMs / 1000).toFixed(1)} s (${Math.round(N / (loadMs / 1000)).toLocaleString("en")} notices/s, ${BATCH} rows per INSERT)`,
  );
  console.log("\n| request | median | p95 | x baseline |\n| --- | --- | --- | --- |");
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.p50.toFixed(2)} ms | ${r.p95.toFixed(2)} ms | ${(r.p50 / baseline).toFixed(1)} |`,
    );
  console.log(
    `\n${RUNS} runs each after ${WARMUP} warm-up runs; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  await app.close();
  await storage.close();
}

await main();
