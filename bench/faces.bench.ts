/**
 * Face matching benchmark.  Run: node --expose-gc --import tsx bench/faces.bench.ts
 * FACES_BENCH_PARTS=extract,search chooses the parts (default both).
 *
 * extract: every photo of ../shared/data/faces (London 102 x 2, one-person, Canada, MEDS frontal,
 * no-face, two-faces) through extractFaces: time per photo (median, p90), photos with no face, and
 * FMR / FNMR at FACE_MATCH_THRESHOLD, with the EER and FNMR at FMR 1% and 0.1%, per set. These are
 * real people's photos: they are read here and never copied anywhere.
 *
 * search: a gallery of FACES_BENCH_N (default 1,000,000) synthetic 512-value templates, one per
 * enrolled person, inserted in batches of 50,000 on FACES_BENCH_THREADS threads (default 2).
 *   FACES_BENCH_DATA=identities (default): IdentityModel (synthetic.ts) people; each probe is a new
 *     capture of an enrolled person (noisier than the enrolment photo).
 *   FACES_BENCH_DATA=uniform: random unit vectors with planted queries at cosine 0.4..0.9 to their
 *     source: no face network produces these; the worst case for a graph, for transparency.
 * FACES_BENCH_Q=f32|f16|i8 graph vector storage; FACES_BENCH_M (connectivity) and FACES_BENCH_EF_ADD
 * (efConstruction) the graph; FACES_BENCH_EF a comma list of search ef values, all measured on the
 * same index; FACES_BENCH_QUERIES probes (default 1,000) and FACES_BENCH_EXACT of them (default 300)
 * with exact brute-force search in the same run as ground truth and baseline latency.
 * Reported: build (insert) time and rate, memory per template (resident growth with the exact copy,
 * beside the formula), genuine and impostor score spread of the data, exact search p50 / p99, then per
 * ef: HNSW p50 / p99 (k = 10, one query at a time), recall at rank 1 against exact search, and how
 * often rank 1 is the probe's own mate. Load average is printed with every timing: other jobs share
 * the cores, and a query waiting for a core shows in p99.
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
  ENROLMENT_NOISE,
  gaussian,
  IdentityModel,
  mulberry32,
  noiseIn,
  PROBE_NOISE,
  plantedQuery,
  randomTemplates,
} from "../src/search/faces/synthetic.ts";
import { FACE_MATCH_THRESHOLD } from "../src/search/faces/threshold.ts";
import { cosineSimilarity } from "../src/search/faces/vectors.ts";

const PARTS = new Set((process.env.FACES_BENCH_PARTS ?? "extract,search").split(","));
const N = Number(process.env.FACES_BENCH_N ?? 1_000_000);
const QUANTIZATION = (process.env.FACES_BENCH_Q ?? "f32") as "f32" | "f16" | "i8";
// identities: enrolled people and new captures of them (IdentityModel); uniform: random unit
// vectors with planted queries, the worst case for a graph index, for transparency.
const DATA = process.env.FACES_BENCH_DATA === "uniform" ? "uniform" : "identities";
const M = Number(process.env.FACES_BENCH_M ?? DEFAULT_HNSW.connectivity);
const EF_ADD = Number(process.env.FACES_BENCH_EF_ADD ?? DEFAULT_HNSW.expansionAdd);
const EF_SWEEP = (process.env.FACES_BENCH_EF ?? "16,32,64,128,256").split(",").map(Number);
const DIM = 512;
const K = 10; // a candidate list for review
const QUERIES = Number(process.env.FACES_BENCH_QUERIES ?? 1_000);
const EXACT_QUERIES = Math.min(QUERIES, Number(process.env.FACES_BENCH_EXACT ?? 300));
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

type Probe = { source: number; enrolled: Float32Array; template: Float32Array };

/** The gallery, built block by block, and one probe per sampled source id. */
function buildGallery(index: FaceIndex): { probes: Probe[]; buildMs: number } {
  const normal = gaussian(mulberry32(2024));
  const rand = mulberry32(7);
  const model = new IdentityModel(DIM);
  const sources = Array.from({ length: QUERIES }, (_, q) => Math.floor(((q + 0.5) * N) / QUERIES));
  const probes: Probe[] = [];
  let buildMs = 0;
  let q = 0;
  for (let from = 0; from < N; from += BATCH) {
    const n = Math.min(BATCH, N - from);
    let block: Float32Array;
    if (DATA === "uniform") {
      block = randomTemplates(n, DIM, normal);
      for (; q < QUERIES && (sources[q] as number) < from + n; q++) {
        const row = (sources[q] as number) - from;
        const enrolled = block.slice(row * DIM, row * DIM + DIM);
        const template = plantedQuery(enrolled, 0.4 + (q % 6) * 0.1, normal);
        probes.push({ source: sources[q] as number, enrolled, template });
      }
    } else {
      block = new Float32Array(n * DIM);
      for (let row = 0; row < n; row++) {
        const who = model.newIdentity(normal);
        model.capture(who, noiseIn(ENROLMENT_NOISE, rand), normal, block, row * DIM);
        if (q < QUERIES && sources[q] === from + row) {
          // A new capture of this enrolled person: the probe.
          const enrolled = block.slice(row * DIM, row * DIM + DIM);
          const template = model.capture(who, noiseIn(PROBE_NOISE, rand), normal);
          probes.push({ source: from + row, enrolled, template });
          q++;
        }
      }
    }
    const ids = Array.from({ length: n }, (_, k) => from + k);
    const t = performance.now();
    index.addBatch(ids, block, THREADS);
    buildMs += performance.now() - t;
    if ((from + n) % 100_000 === 0 || from + n === N)
      console.log(
        `  ${(from + n).toLocaleString("en")} inserted, ${(buildMs / 1000).toFixed(0)} s, ` +
          `${Math.round((from + n) / (buildMs / 1000))}/s (load ${load()})`,
      );
  }
  return { probes, buildMs };
}

function benchSearch(): void {
  const formulaIndex = { dimensions: DIM, quantization: QUANTIZATION, connectivity: M, expansionAdd: EF_ADD };
  console.log(
    `\n1:N search: ${N.toLocaleString("en")} x ${DIM}-d ${DATA}, ${QUANTIZATION}, M=${M}, efConstruction=${EF_ADD}, ` +
      `${THREADS} build threads, ${QUERIES} probes, ${EXACT_QUERIES} with exact ground truth (load ${load()})`,
  );
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  const index = new FaceIndex({ ...formulaIndex, expansionSearch: 1 });
  const { probes, buildMs } = buildGallery(index);
  globalThis.gc?.();
  const grown = process.memoryUsage().rss - rss0;
  const formula = index.memoryPerTemplate();
  console.log(
    `build: ${(buildMs / 1000).toFixed(1)} s insert time, ${Math.round(N / (buildMs / 1000)).toLocaleString("en")} templates/s ` +
      `on ${THREADS} threads (generation excluded)`,
  );
  console.log(
    `memory: resident growth ${mb(grown)} = ${(grown / N).toFixed(0)} B per template, of which the exact-search copy ` +
      `${formula.exactCopyBytes} B: HNSW ~${(grown / N - formula.exactCopyBytes).toFixed(0)} B measured, ${formula.hnswBytes} B by formula` +
      `${globalThis.gc ? "" : " (run node with --expose-gc for a cleaner figure)"}`,
  );

  // Ground truth: exact rank 1 for the first EXACT_QUERIES probes, and the baseline latency.
  const truth: number[] = [];
  const exactTimes: number[] = [];
  let mateFirst = 0;
  for (const p of probes.slice(0, EXACT_QUERIES)) {
    const t = performance.now();
    const top = index.exactSearch(p.template, 1)[0];
    exactTimes.push(performance.now() - t);
    truth.push(top?.id ?? -1);
    if (top?.id === p.source) mateFirst++;
  }
  // The data's shape: genuine scores (probe against its enrolled mate) and impostor scores (probe
  // against the other probes' mates), to compare with a face network's score distributions.
  const genuine = probes.map((p) => cosineSimilarity(p.template, p.enrolled));
  const impostor = probes.flatMap((p, q) =>
    [1, 2, 3].map((o) => cosineSimilarity(p.template, (probes[(q + o) % probes.length] as Probe).enrolled)),
  );
  const spread = (xs: number[]) =>
    `p1 ${percentile(xs, 1).toFixed(2)}, median ${percentile(xs, 50).toFixed(2)}, p99 ${percentile(xs, 99).toFixed(2)}`;
  console.log(`scores: genuine ${spread(genuine)}; impostor ${spread(impostor)} (${impostor.length} pairs)`);
  console.log(
    `exact search (brute force, one thread): p50 ${percentile(exactTimes, 50).toFixed(0)} ms, p99 ${percentile(exactTimes, 99).toFixed(0)} ms ` +
      `over ${exactTimes.length} probes; its rank 1 is the probe's enrolled mate in ${mateFirst}/${exactTimes.length} (load ${load()})`,
  );

  console.log(
    "| ef | HNSW p50 | HNSW p99 | recall@1 vs exact | of which exact rank 1 = mate | mate at rank 1 (all probes) | load |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const ef of EF_SWEEP) {
    for (let w = 0; w < 50; w++) index.search((probes[w] as Probe).template, K, { expansion: ef }); // warm-up
    const latency: number[] = [];
    const top: number[] = [];
    for (const p of probes) {
      const t = performance.now();
      const found = index.search(p.template, K, { expansion: ef });
      latency.push(performance.now() - t);
      top.push(found[0]?.id ?? -1);
    }
    const agree = truth.filter((id, q) => top[q] === id).length;
    // Split: probes whose exact rank 1 is their mate, and those where an impostor outscored it
    // (then rank 1 is one of many near-equal impostors, and missing it changes no decision).
    const mateTruth = truth.flatMap((id, q) => (id === (probes[q] as Probe).source ? [q] : []));
    const agreeMate = mateTruth.filter((q) => top[q] === truth[q]).length;
    const mate = top.filter((id, q) => id === (probes[q] as Probe).source).length;
    console.log(
      `| ${ef} | ${percentile(latency, 50).toFixed(3)} ms | ${percentile(latency, 99).toFixed(3)} ms | ` +
        `${(agree / truth.length).toFixed(3)} (${agree}/${truth.length}) | ${agreeMate}/${mateTruth.length} | ` +
        `${mate}/${probes.length} | ${load()} |`,
    );
  }
}

machine();
if (PARTS.has("extract")) await benchExtraction();
if (PARTS.has("search")) benchSearch();
