/**
 * Face matching benchmark.  Run: npx tsx bench/faces.bench.ts
 * FACES_BENCH_PARTS=extract,search chooses the parts (default both); FACES_BENCH_N sets the 1:N
 * gallery size (default 1,000,000); FACES_BENCH_Q=f32|f16|i8 the HNSW vector storage (default f32).
 *
 * extract: every photo of ../shared/data/faces (London 102 x 2, one-person, Canada, MEDS frontal,
 * no-face, two-faces) through extractFaces: time per photo, photos with no face, and FMR / FNMR at
 * FACE_MATCH_THRESHOLD, with the EER and FNMR at FMR 1% and 0.1%, per set. These are real people's
 * photos: they are read here and never copied anywhere.
 *
 * search: N synthetic 512-dimension templates: random unit vectors (Gaussian components, normalised,
 * seeded mulberry32), or with FACES_BENCH_DATA=structured templates driven by 32 hidden factors plus
 * 10% noise (synthetic.ts), inserted in batches on FACES_BENCH_THREADS threads (default 2). Queries are planted near-duplicates: an
 * enrolled template plus noise, at cosine similarity 0.4..0.9 to it (a second photo of an enrolled
 * person). HNSW search latency (p50, p99, one thread) over all queries; recall at rank 1 against exact
 * brute-force search over the same index in the same run; build time; memory per template (resident
 * memory growth, beside the formula).
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  equalErrorRate,
  falseMatchRate,
  falseNonMatchRate,
  type ScoredPairs,
  scorePairs,
  thresholdForFmr,
} from "../src/search/faces/error-rates.ts";
import { extractFaces } from "../src/search/faces/extract.ts";
import { DEFAULT_HNSW, FaceIndex } from "../src/search/faces/face-index.ts";
import {
  gaussian,
  mulberry32,
  plantedQuery,
  randomTemplates,
  structuredTemplates,
} from "../src/search/faces/synthetic.ts";
import { FACE_MATCH_THRESHOLD } from "../src/search/faces/threshold.ts";
import { cosineSimilarity } from "../src/search/faces/vectors.ts";

const PARTS = new Set((process.env.FACES_BENCH_PARTS ?? "extract,search").split(","));
const N = Number(process.env.FACES_BENCH_N ?? 1_000_000);
const QUANTIZATION = (process.env.FACES_BENCH_Q ?? "f32") as "f32" | "f16" | "i8";
// uniform: random unit vectors (the worst case for a graph index); structured: 32 factors + 10% noise.
const DATA = process.env.FACES_BENCH_DATA === "structured" ? "structured" : "uniform";
const DIM = 512;
const QUERIES = 1_000;
const EXACT_QUERIES = 200; // brute force over 1M is ~0.5 s a query here
const BATCH = 50_000;
const THREADS = Number(process.env.FACES_BENCH_THREADS ?? 2);
const FACES = path.resolve(process.cwd(), "../shared/data/faces");

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 3 : 1)}%`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const load = () => os.loadavg()[0]?.toFixed(2);

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function machine(): void {
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores, ${mb(os.totalmem())} RAM`);
  console.log(`node ${process.version}, load average ${load()} (other jobs share these cores)`);
}

type Photo = { set: string; file: string; identity: string; template: Float32Array | undefined };

function listPhotos(): { set: string; file: string; identity: string }[] {
  const jpgs = (dir: string) =>
    readdirSync(path.join(FACES, dir))
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort();
  return [
    ...jpgs("london").map((f) => ({ set: "london", file: `london/${f}`, identity: f.slice(0, 3) })),
    ...jpgs("london/one-person").map((f) => ({
      set: "extra",
      file: `london/one-person/${f}`,
      identity: "one",
    })),
    ...jpgs("london/canada").map((f) => ({ set: "extra", file: `london/canada/${f}`, identity: `ca-${f}` })),
    // The README's five profiles (t10_02, t10_03) are left out: this is frontal matching.
    ...jpgs("meds")
      .filter((f) => !/-t10_0[23]\./.test(f))
      .map((f) => ({ set: "meds", file: `meds/${f}`, identity: f.slice(0, 4) })),
    ...jpgs("no-face").map((f) => ({ set: "no-face", file: `no-face/${f}`, identity: f })),
    ...jpgs("two-faces").map((f) => ({ set: "two-faces", file: `two-faces/${f}`, identity: f })),
  ];
}

async function benchExtraction(): Promise<void> {
  const t0 = performance.now();
  await extractFaces(readFileSync(path.join(FACES, "london/001_neutral.jpg"))); // loads the models
  console.log(`\nextraction: first call (model load + one photo) ${(performance.now() - t0).toFixed(0)} ms`);
  const photos: Photo[] = [];
  const times: number[] = [];
  const counts = new Map<string, number[]>();
  for (const p of listPhotos()) {
    const bytes = readFileSync(path.join(FACES, p.file));
    const start = performance.now();
    const { faces } = await extractFaces(bytes);
    times.push(performance.now() - start);
    counts.set(p.set, [...(counts.get(p.set) ?? []), faces.length]);
    photos.push({ ...p, template: faces[0]?.template });
  }
  console.log(
    `per photo: median ${percentile(times, 50).toFixed(0)} ms, p90 ${percentile(times, 90).toFixed(0)} ms over ${times.length} photos (load ${load()})`,
  );
  for (const [set, c] of counts) {
    const histogram = [0, 1, 2, 3].map((k) => `${k}: ${c.filter((n) => Math.min(n, 3) === k).length}`);
    console.log(
      `  ${set}: ${c.length} photos; photos by faces found (3 = 3 or more) ${histogram.join(", ")}`,
    );
  }
  const score = (a: Photo, b: Photo) =>
    a.template && b.template ? cosineSimilarity(a.template, b.template) : Number.NEGATIVE_INFINITY;
  const sets: [string, Photo[]][] = [
    ["london", photos.filter((p) => p.set === "london")],
    ["london + one-person + canada", photos.filter((p) => p.set === "london" || p.set === "extra")],
    ["meds (frontal)", photos.filter((p) => p.set === "meds")],
  ];
  const scored = sets.map(([name, ps]) => [name, scorePairs(ps, (p) => p.identity, score)] as const);
  const pooled = [...(scored[1]?.[1].impostor ?? []), ...(scored[2]?.[1].impostor ?? [])];
  console.log(
    `threshold for FMR 0.1% over all ${pooled.length} impostor pairs: ${thresholdForFmr(pooled, 0.001).toFixed(4)}; shipped ${FACE_MATCH_THRESHOLD}`,
  );
  for (const [name, pairs] of scored) report(name, pairs);
}

function report(name: string, p: ScoredPairs): void {
  const { eer, threshold } = equalErrorRate(p);
  const at = (fmr: number) => falseNonMatchRate(p.genuine, thresholdForFmr(p.impostor, fmr));
  console.log(
    `  ${name}: ${p.genuine.length} genuine / ${p.impostor.length} impostor pairs; at ${FACE_MATCH_THRESHOLD}: ` +
      `FMR ${pct(falseMatchRate(p.impostor, FACE_MATCH_THRESHOLD))}, FNMR ${pct(falseNonMatchRate(p.genuine, FACE_MATCH_THRESHOLD))}; ` +
      `EER ${pct(eer)} (at ${threshold.toFixed(3)}); FNMR at FMR 1% ${pct(at(0.01))}, at FMR 0.1% ${pct(at(0.001))}`,
  );
}

function benchSearch(): void {
  console.log(
    `\n1:N search: ${N.toLocaleString("en")} x ${DIM}-d ${DATA}, ${QUANTIZATION}, M=${DEFAULT_HNSW.connectivity}, ` +
      `efConstruction=${DEFAULT_HNSW.expansionAdd}, ef=${DEFAULT_HNSW.expansionSearch} (load ${load()})`,
  );
  const normal = gaussian(mulberry32(2024));
  const index = new FaceIndex({ dimensions: DIM, quantization: QUANTIZATION });
  const sources = Array.from({ length: QUERIES }, (_, q) => Math.floor(((q + 0.5) * N) / QUERIES));
  const sourceVectors = new Map<number, Float32Array>();
  const rss0 = process.memoryUsage().rss;
  let building = 0;
  for (let from = 0; from < N; from += BATCH) {
    const n = Math.min(BATCH, N - from);
    const block = DATA === "uniform" ? randomTemplates(n, DIM, normal) : structuredTemplates(n, DIM, normal);
    for (const s of sources)
      if (s >= from && s < from + n)
        sourceVectors.set(s, block.slice((s - from) * DIM, (s - from + 1) * DIM));
    const ids = Array.from({ length: n }, (_, i) => from + i);
    const t = performance.now();
    index.addBatch(ids, block, THREADS);
    building += performance.now() - t;
    if ((from / BATCH) % 4 === 3)
      console.log(`  ${(from + n).toLocaleString("en")} inserted, ${(building / 1000).toFixed(0)} s`);
  }
  const grown = process.memoryUsage().rss - rss0;
  const formula = index.memoryPerTemplate();
  console.log(
    `build: ${(building / 1000).toFixed(1)} s insert time (${Math.round(N / (building / 1000)).toLocaleString("en")} templates/s on ${THREADS} threads, generation excluded)`,
  );
  console.log(
    `memory: resident growth ${mb(grown)} = ${(grown / N).toFixed(0)} B per template, of which the exact-search copy ` +
      `${formula.exactCopyBytes} B; HNSW alone by formula ${formula.hnswBytes} B, measured ~${(grown / N - formula.exactCopyBytes).toFixed(0)} B`,
  );
  const queries = sources.map((s, q) =>
    plantedQuery(sourceVectors.get(s) as Float32Array, 0.4 + (q % 6) * 0.1, normal),
  );
  for (let q = 0; q < 50; q++) index.search(queries[q] as Float32Array, 10); // warm-up
  const latency: number[] = [];
  const hnswTop: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    const found = index.search(query, 10);
    latency.push(performance.now() - t);
    hnswTop.push(found[0]?.id ?? -1);
  }
  console.log(
    `HNSW search (k=10, one thread): p50 ${percentile(latency, 50).toFixed(3)} ms, p99 ${percentile(latency, 99).toFixed(3)} ms over ${QUERIES} queries (load ${load()})`,
  );
  let agree = 0;
  let planted = 0;
  const exactTimes: number[] = [];
  for (let q = 0; q < EXACT_QUERIES; q++) {
    const t = performance.now();
    const exact = index.exactSearch(queries[q] as Float32Array, 1)[0];
    exactTimes.push(performance.now() - t);
    if (exact?.id === hnswTop[q]) agree++;
    if (exact?.id === sources[q]) planted++;
  }
  console.log(
    `recall@1 against exact search: ${(agree / EXACT_QUERIES).toFixed(3)} (${agree}/${EXACT_QUERIES} queries); ` +
      `exact rank 1 is the planted source in ${planted}/${EXACT_QUERIES}; exact search p50 ${percentile(exactTimes, 50).toFixed(0)} ms`,
  );
  const hnswPlanted = hnswTop.filter((id, q) => id === sources[q]).length;
  console.log(`HNSW rank 1 is the planted source in ${hnswPlanted}/${QUERIES} queries`);
}

machine();
if (PARTS.has("extract")) await benchExtraction();
if (PARTS.has("search")) benchSearch();
