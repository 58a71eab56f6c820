/**
 * Fingerprint matcher benchmark.  Run: npx tsx bench/fingerprints.bench.ts
 * FP_BENCH_PARTS=accuracy,speed,recall,search chooses the parts (default all four). FP_BENCH_GALLERY sizes the
 * 1:N gallery of the search part (default 100,000 templates) and FP_BENCH_EXHAUSTIVE its exhaustive sample
 * (default 5 queries); FP_BENCH_RECALL_GALLERY (default 10,000) and FP_BENCH_RECALL_EXHAUSTIVE (default 28)
 * size the recall part's synthetic gallery.
 *
 * Accuracy on the 640 FVC2002/FVC2004 templates in ../shared/data/fingerprints/fvc-iso/valid/ (8 databases,
 * 10 fingers x 8 impressions): genuine pairs are every two impressions of a finger (28 per finger); impostor
 * pairs follow the FVC protocol (first impression of each finger against the first of every other finger of
 * the same database, 45 per database) and, for resolution at low FMR, every pair of different fingers of the
 * same database (2,880 per database). Equal error rate and FNMR at FMR 1% and 0.1%, per database and overall,
 * for this matcher and for openafis's published 640x640 score matrix read from the same folder, evaluated by the
 * same code. Writes docs/fingerprint-det.svg (both DET curves). Then 1:1 comparisons per second; shortlist
 * recall (the gallery's rank-1 against exhaustive rank-1, shipped options beside plain vote counts) on the FVC
 * set and on a synthetic gallery; and 1:N latency, build time and memory over a synthetic gallery (perturbed
 * real templates) with real mates enrolled.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readTemplate } from "../src/search/fingerprints/formats/index.ts";
import { detSvg } from "../src/search/fingerprints/matcher/det-svg.ts";
import {
  type ErrorRates,
  errorRates,
  type ScoredPairs,
} from "../src/search/fingerprints/matcher/error-rates.ts";
import {
  AUTOMATIC_HIT_SCORE,
  type CylinderTemplate,
  compareTemplates,
  DEFAULT_GALLERY_OPTIONS,
  FingerprintGallery,
  type GalleryEntry,
  type GalleryOptions,
  type MinutiaPoint,
  prepareMinutiae,
  prepareTemplate,
  viewMinutiae,
} from "../src/search/fingerprints/matcher/index.ts";
import { perturbMinutiae, seededRandom } from "../src/search/fingerprints/matcher/synthetic.ts";

const ROOT = path.resolve(process.cwd(), "../shared/data/fingerprints/fvc-iso");
const GALLERY = Number(process.env.FP_BENCH_GALLERY ?? 100_000);
const PARTS = new Set((process.env.FP_BENCH_PARTS ?? "accuracy,speed,recall,search").split(","));

type Sample = {
  key: string;
  db: string;
  finger: string;
  impression: number;
  minutiae: MinutiaPoint[];
  template: CylinderTemplate;
};

function loadSamples(): Sample[] {
  const samples: Sample[] = [];
  const valid = path.join(ROOT, "valid");
  for (const year of readdirSync(valid).sort())
    for (const db of readdirSync(path.join(valid, year)).sort())
      for (const file of readdirSync(path.join(valid, year, db)).sort()) {
        const [finger, impression] = file.replace(".iso", "").split("_") as [string, string];
        const decoded = readTemplate(readFileSync(path.join(valid, year, db, file)));
        const view = decoded.views[0];
        samples.push({
          key: `${year.toUpperCase()}-${db}-${finger}_${impression}`,
          db: `${year.toUpperCase()}-${db}`,
          finger: `${year}-${db}-${finger}`,
          impression: Number(impression),
          minutiae: view ? viewMinutiae(view) : [],
          template: prepareTemplate(decoded),
        });
      }
  return samples;
}

function loadOpenafis(): Map<string, Float64Array> & { index: Map<string, number> } {
  const lines = readFileSync(path.join(ROOT, "openafis_similarity_matrix.csv"), "utf8").trim().split("\n");
  const header = (lines[0] as string).split(",").slice(1);
  const rows = new Map<string, Float64Array>() as Map<string, Float64Array> & { index: Map<string, number> };
  rows.index = new Map(header.map((k, i) => [k, i]));
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    rows.set(cells[0] as string, Float64Array.from(cells.slice(1), Number));
  }
  return rows;
}

type PairSet = {
  name: string;
  genuine: [Sample, Sample][];
  fvcImpostor: [Sample, Sample][];
  allImpostor: [Sample, Sample][];
};

function pairSets(samples: Sample[]): PairSet[] {
  const dbs = [...new Set(samples.map((s) => s.db))];
  const sets = dbs.map((db) => {
    const set: PairSet = { name: db, genuine: [], fvcImpostor: [], allImpostor: [] };
    const inDb = samples.filter((s) => s.db === db);
    for (let i = 0; i < inDb.length; i++)
      for (let j = i + 1; j < inDb.length; j++) {
        const a = inDb[i] as Sample;
        const b = inDb[j] as Sample;
        if (a.finger === b.finger) set.genuine.push([a, b]);
        else {
          set.allImpostor.push([a, b]);
          if (a.impression === 1 && b.impression === 1) set.fvcImpostor.push([a, b]);
        }
      }
    return set;
  });
  const overall: PairSet = {
    name: "overall",
    genuine: sets.flatMap((s) => s.genuine),
    fvcImpostor: sets.flatMap((s) => s.fvcImpostor),
    allImpostor: sets.flatMap((s) => s.allImpostor),
  };
  return [...sets, overall];
}

const pct = (v: number) => `${(v * 100).toFixed(2)}%`.padStart(7);
const row = (r: ErrorRates) => `${pct(r.eer)} ${pct(r.fnmrAtFmr1)} ${pct(r.fnmrAtFmr01)}`;

function accuracy(samples: Sample[]): void {
  const openafis = loadOpenafis();
  const ours = new Map<string, number>();
  const scoreOurs = ([a, b]: [Sample, Sample]) => {
    const key = `${a.key}|${b.key}`;
    let s = ours.get(key);
    if (s === undefined) {
      s = compareTemplates(a.template, b.template);
      ours.set(key, s);
    }
    return s;
  };
  // The earlier impression is the row (probe), as for our matcher; the matrix is not quite symmetric.
  const scoreOpenafis = ([a, b]: [Sample, Sample]) =>
    openafis.get(a.key)?.[openafis.index.get(b.key) ?? -1] ?? Number.NaN;
  let asymmetric = 0;
  for (const a of samples.slice(0, 80))
    for (const b of samples.slice(0, 80)) if (scoreOpenafis([a, b]) !== scoreOpenafis([b, a])) asymmetric++;

  console.log(
    `\nAccuracy (EER, FNMR at FMR 1%, FNMR at FMR 0.1%); openafis matrix asymmetric cells in DB1 2002: ${asymmetric}`,
  );
  console.log(
    `${"database".padEnd(18)} gen  fvc-imp  all-imp | MCC fvc-imp             | MCC all-imp             | openafis fvc-imp        | openafis all-imp`,
  );
  const curves: { label: string; pairs: ScoredPairs }[] = [];
  const started = performance.now();
  for (const set of pairSets(samples)) {
    const score = (f: (p: [Sample, Sample]) => number, imp: [Sample, Sample][]): ScoredPairs => ({
      genuine: set.genuine.map(f),
      impostor: imp.map(f),
    });
    const mFvc = errorRates(score(scoreOurs, set.fvcImpostor));
    const mAll = score(scoreOurs, set.allImpostor);
    const oFvc = errorRates(score(scoreOpenafis, set.fvcImpostor));
    const oAll = score(scoreOpenafis, set.allImpostor);
    console.log(
      `${set.name.padEnd(18)} ${String(set.genuine.length).padStart(4)} ${String(set.fvcImpostor.length).padStart(8)} ${String(set.allImpostor.length).padStart(8)} | ${row(mFvc)} | ${row(errorRates(mAll))} | ${row(oFvc)} | ${row(errorRates(oAll))}`,
    );
    if (set.name === "overall") {
      curves.push(
        { label: "MCC (this matcher)", pairs: mAll },
        { label: "openafis (shared matrix)", pairs: oAll },
      );
      const r = errorRates(mAll);
      console.log(
        `overall, all-pairs impostors: score at FMR 1% = ${r.thresholdAtFmr1.toFixed(4)}, at FMR 0.1% = ${r.thresholdAtFmr01.toFixed(4)}; shipped AUTOMATIC_HIT_SCORE = ${AUTOMATIC_HIT_SCORE} -> FMR ${pct(r.fmrAt(AUTOMATIC_HIT_SCORE))}, FNMR ${pct(r.fnmrAt(AUTOMATIC_HIT_SCORE))}`,
      );
    }
  }
  console.log(`(${ours.size} comparisons in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const out = path.resolve(process.cwd(), "docs/fingerprint-det.svg");
  writeFileSync(
    out,
    detSvg(curves, "FVC2002+FVC2004 B sets, 640 templates: 2,240 genuine, 23,040 impostor pairs"),
  );
  console.log(`DET plot written to ${path.relative(process.cwd(), out)}`);
}

function speed(samples: Sample[]): void {
  const n = samples.length;
  const prepStart = performance.now();
  for (const s of samples) prepareMinutiae(s.minutiae);
  const prepMs = (performance.now() - prepStart) / n;
  let comparisons = 0;
  let sink = 0;
  const start = performance.now();
  const cpu = process.cpuUsage().user;
  while (performance.now() - start < 5000) {
    for (let k = 0; k < 500; k++) {
      const a = samples[(comparisons * 7) % n] as Sample;
      const b = samples[(comparisons * 13 + 1) % n] as Sample;
      sink += compareTemplates(a.template, b.template);
      comparisons++;
    }
  }
  const wall = (performance.now() - start) / 1000;
  const cpuS = (process.cpuUsage().user - cpu) / 1e6;
  console.log(
    `\n1:1: ${(comparisons / wall).toFixed(0)} comparisons/s wall, ${(comparisons / cpuS).toFixed(0)} per CPU-second (one thread; checksum ${sink.toFixed(1)})`,
  );
  console.log(`template preparation (cylinders): ${prepMs.toFixed(2)} ms per template`);
}

/** The gallery's options before the shortlist work (plain vote counts), measured beside the shipped ones. */
const PLAIN_VOTES: GalleryOptions = {
  tables: 16,
  keyBits: 12,
  shortlist: 200,
  seed: 0x9e3779b9,
  minKeyOnes: 3,
  idfWeights: false,
  voteNorm: 0,
  rotationBins: 1,
};

/**
 * Entries of a synthetic gallery: the real mates first, then templates perturbed from the sources
 * (rotated up to ±29°, moved up to ±40 px, 15% of minutiae lost, 10% spurious, 3 px jitter) up to `size`.
 */
function syntheticEntries(mates: Sample[], sources: Sample[], size: number): GalleryEntry[] {
  const random = seededRandom(12345);
  const entries: GalleryEntry[] = mates.map((s) => ({ id: s.finger, template: s.template }));
  for (let k = 0; entries.length < size; k++) {
    const src = sources[k % sources.length] as Sample;
    const minutiae = perturbMinutiae(
      src.minutiae,
      {
        rotate: (random() - 0.5) * 1.0,
        dx: (random() - 0.5) * 80,
        dy: (random() - 0.5) * 80,
        drop: 0.15,
        add: 0.1,
        jitter: 3,
        angleJitter: 0.1,
      },
      random,
    );
    entries.push({ id: `synthetic-${k}`, template: prepareMinutiae(minutiae) });
  }
  return entries;
}

/** Every `total / count`-th index: a spread sample of queries for the expensive exhaustive reference. */
const spread = (total: number, count: number) =>
  Array.from({ length: Math.min(total, count) }, (_, k) => Math.floor((k * total) / Math.min(total, count)));

/**
 * Shortlist recall: how often the gallery's rank-1 is the exhaustive rank-1 (every template scored by
 * the same 1:1 matcher), and how often the mate is in the shortlist at all.
 */
function recallReport(
  label: string,
  gallery: FingerprintGallery,
  queries: Sample[],
  exhaustiveTop: Map<Sample, string | undefined>,
): string {
  let agree = 0;
  let mateListed = 0;
  let mateFirst = 0;
  for (const q of queries) {
    const top = gallery.search(q.template, 1)[0]?.id;
    if (exhaustiveTop.has(q) && top === exhaustiveTop.get(q)) agree++;
    if (top === q.finger) mateFirst++;
    const listed = gallery.shortlistIndices(q.template);
    if (listed.some((i) => gallery.idAt(i) === q.finger)) mateListed++;
  }
  return `${label.padEnd(34)} rank-1 = exhaustive rank-1 ${pct(agree / exhaustiveTop.size)} (${agree}/${exhaustiveTop.size}) | mate in shortlist ${pct(mateListed / queries.length)} | mate at rank 1 ${pct(mateFirst / queries.length)}`;
}

function recall(samples: Sample[]): void {
  // FVC set: the first impression of each of the 80 fingers enrolled, the other 560 impressions as
  // probes. With 80 templates a 200-long shortlist would hold them all, so the shortlist is cut to 8
  // (10% of the gallery): recall then measures the ranking of the votes.
  const enrolled = samples.filter((s) => s.impression === 1);
  const probes = samples.filter((s) => s.impression > 1);
  const entries = enrolled.map((s) => ({ id: s.finger, template: s.template }));
  const exhaustiveGallery = new FingerprintGallery(entries);
  const top = new Map(probes.map((q) => [q, exhaustiveGallery.searchExhaustive(q.template, 1)[0]?.id]));
  const exhaustiveMate = probes.filter((q) => top.get(q) === q.finger).length;
  console.log(
    `\nShortlist recall, FVC set: ${entries.length} enrolled, ${probes.length} probes; exhaustive ranks the mate first for ${pct(exhaustiveMate / probes.length)}`,
  );
  for (const [label, options] of [
    ["plain votes (before), shortlist 8", { ...PLAIN_VOTES, shortlist: 8 }],
    ["shipped, shortlist 8", { ...DEFAULT_GALLERY_OPTIONS, shortlist: 8 }],
  ] as const)
    console.log(recallReport(label, new FingerprintGallery(entries, options), probes, top));

  // Synthetic gallery: the FVC2002 first impressions among templates perturbed from FVC2004.
  const size = Number(process.env.FP_BENCH_RECALL_GALLERY ?? 10_000);
  const mates = samples.filter((s) => s.db.startsWith("FVC2002") && s.impression === 1);
  const queries = samples.filter((s) => s.db.startsWith("FVC2002") && s.impression > 1);
  const synthetic = syntheticEntries(
    mates,
    samples.filter((s) => s.db.startsWith("FVC2004")),
    size,
  );
  const checked = spread(queries.length, Number(process.env.FP_BENCH_RECALL_EXHAUSTIVE ?? 28)).map(
    (i) => queries[i] as Sample,
  );
  const started = performance.now();
  const reference = new FingerprintGallery(synthetic);
  const synthTop = new Map(checked.map((q) => [q, reference.searchExhaustive(q.template, 1)[0]?.id]));
  const synthMate = checked.filter((q) => synthTop.get(q) === q.finger).length;
  console.log(
    `Shortlist recall, synthetic gallery of ${size}: ${queries.length} probes, exhaustive on ${checked.length} (${((performance.now() - started) / 1000 / checked.length).toFixed(1)} s each; mate first for ${synthMate}/${checked.length})`,
  );
  for (const [label, options] of [
    ["plain votes (before), shortlist 200", PLAIN_VOTES],
    ["shipped, shortlist 200", DEFAULT_GALLERY_OPTIONS],
  ] as const)
    console.log(recallReport(label, new FingerprintGallery(synthetic, options), queries, synthTop));
}

function search(samples: Sample[]): void {
  // Mates: first impressions of the FVC2002 fingers; queries: their other impressions. The synthetic
  // gallery perturbs the FVC2004 templates only, so no synthetic entry is a copy of a query's finger.
  const mates = samples.filter((s) => s.db.startsWith("FVC2002") && s.impression === 1);
  const queries = samples.filter((s) => s.db.startsWith("FVC2002") && s.impression > 1);
  const sources = samples.filter((s) => s.db.startsWith("FVC2004"));
  const heapBefore = process.memoryUsage();
  const buildStart = performance.now();
  const entries = syntheticEntries(mates, sources, GALLERY);
  const prepared = (performance.now() - buildStart) / 1000;
  const indexStart = performance.now();
  const gallery = new FingerprintGallery(entries);
  const indexed = (performance.now() - indexStart) / 1000;
  entries.length = 0;
  global.gc?.();
  const heapAfter = process.memoryUsage();
  const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
  console.log(
    `\n1:N gallery: ${gallery.size} templates (${mates.length} real mates + synthetic), prepared in ${prepared.toFixed(0)} s, indexed in ${indexed.toFixed(1)} s; ${mib(gallery.memoryBytes())} MiB typed arrays (${(gallery.memoryBytes() / gallery.size).toFixed(0)} B/template); process growth: rss ${mib(heapAfter.rss - heapBefore.rss)} MiB, array buffers ${mib(heapAfter.arrayBuffers - heapBefore.arrayBuffers)} MiB, JS heap ${mib(heapAfter.heapUsed - heapBefore.heapUsed)} MiB`,
  );
  const lengths = [50, 100, 200, 500, 1000];
  const listed = lengths.map(() => 0);
  for (const q of queries) {
    const position = gallery
      .shortlistIndices(q.template, 1000)
      .findIndex((i) => gallery.idAt(i) === q.finger);
    lengths.forEach((length, k) => {
      if (position >= 0 && position < length) listed[k] = (listed[k] as number) + 1;
    });
  }
  console.log(
    `mate within the first N of the vote ranking: ${lengths.map((n, k) => `N=${n} ${pct((listed[k] as number) / queries.length)}`).join(", ")} (shipped shortlist ${DEFAULT_GALLERY_OPTIONS.shortlist})`,
  );
  const latencies: number[] = [];
  const voteLatencies: number[] = [];
  let rank1 = 0;
  let autoHits = 0;
  let top10 = 0;
  for (const q of queries) {
    const v0 = performance.now();
    gallery.shortlistIndices(q.template);
    voteLatencies.push(performance.now() - v0);
    const t0 = performance.now();
    const result = gallery.search(q.template, 10);
    latencies.push(performance.now() - t0);
    if (result[0]?.id === q.finger) rank1++;
    if (result[0]?.id === q.finger && (result[0]?.score ?? 0) >= AUTOMATIC_HIT_SCORE) autoHits++;
    if (result.some((c) => c.id === q.finger)) top10++;
  }
  const at = (list: number[], p: number) => {
    const sorted = list.slice().sort((a, b) => a - b);
    return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number).toFixed(1);
  };
  console.log(
    `1:N over ${gallery.size}: ${queries.length} queries, latency p50 ${at(latencies, 0.5)} ms, p99 ${at(latencies, 0.99)} ms (voting alone p50 ${at(voteLatencies, 0.5)} ms); mate at rank 1 ${pct(rank1 / queries.length)}, in top 10 ${pct(top10 / queries.length)}, automatic hit (rank 1 and score >= ${AUTOMATIC_HIT_SCORE}) ${pct(autoHits / queries.length)}`,
  );
  // The shortlist against exhaustive scoring, on a spread sample of queries (exhaustive is slow by design).
  const checked = spread(queries.length, Number(process.env.FP_BENCH_EXHAUSTIVE ?? 5)).map(
    (i) => queries[i] as Sample,
  );
  let agree = 0;
  let exhaustiveMate = 0;
  const exhaustiveStart = performance.now();
  for (const q of checked) {
    const best = gallery.searchExhaustive(q.template, 1)[0]?.id;
    if (gallery.search(q.template, 1)[0]?.id === best) agree++;
    if (best === q.finger) exhaustiveMate++;
  }
  console.log(
    `shortlist vs exhaustive scoring: same rank-1 on ${agree}/${checked.length} sampled queries; exhaustive ranks the mate first on ${exhaustiveMate}/${checked.length} (${((performance.now() - exhaustiveStart) / checked.length / 1000).toFixed(1)} s per query)`,
  );
}

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? "unknown"} x ${cpus.length}, node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`,
);
const samples = loadSamples();
console.log(
  `${samples.length} templates, ${(samples.reduce((s, x) => s + x.minutiae.length, 0) / samples.length).toFixed(1)} minutiae on average`,
);
if (PARTS.has("accuracy")) accuracy(samples);
if (PARTS.has("speed")) speed(samples);
if (PARTS.has("recall")) recall(samples);
if (PARTS.has("search")) search(samples);
