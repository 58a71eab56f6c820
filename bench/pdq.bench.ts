/**
 * PDQ hashing and matching benchmark.  Run: npx tsx bench/pdq.bench.ts
 * PDQ_BENCH_N=1000000 shrinks the index (default 10,000,000 hashes); PDQ_BENCH_PARTS=hash,video,index
 * chooses the parts (default all three; video needs ffmpeg and is skipped without it).
 *
 * Prints the machine, the data sizes and medians: PDQ hashing of a 1600x1004 JPEG with and without
 * decoding, against the previous direct implementation (reference.ts) in the same run, with a check
 * that both give the same hash; vPDQ hashing of a generated video and brute-force vPDQ matching; the
 * multi-index build and import rates, query latency of the index against a brute-force scan measured
 * in the same run (and a check that both return the same results), and memory per hash.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { decodeImage, pdqFromImage } from "../src/search/pdq/decode.ts";
import { formatPdqHex, wordsToPdqHash } from "../src/search/pdq/hash.ts";
import { pdqDihedralFromRgb, pdqFromRgb } from "../src/search/pdq/pdq.ts";
import { referencePdqFromRgb } from "../src/search/pdq/reference.ts";
import { bruteForce, type PdqMatch } from "../src/search/pdq-index/matches.ts";
import { PdqIndex } from "../src/search/pdq-index/mih.ts";
import { plantNear, plantSpread, randomHashes, xorshift32 } from "../src/search/pdq-index/synthetic.ts";
import { hasFfmpeg, hashVideo, vpdqMatch } from "../src/search/vpdq/index.ts";

const N = Number(process.env.PDQ_BENCH_N ?? 10_000_000);
const PARTS = new Set((process.env.PDQ_BENCH_PARTS ?? "hash,video,index").split(","));
const PLANT_SOURCES = 500; // rows with near-duplicates planted at distances 0..40
const MAX_PLANTED = 40;
const QUERIES = 1_000; // half plant sources (hits), half fresh random hashes (misses)
const BRUTE_QUERIES = 100;
const HASH_RUNS = 15;
// The bridge photo shipped in reference/pdq/ (README there: source and licence).
const IMAGE = path.resolve(process.cwd(), "reference/pdq/dih/bridge-1-original.jpg");

// A full GC before each memory reading, without requiring --expose-gc on the command line.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const result = fn();
  return [result, performance.now() - t0];
}

function machine(): void {
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? "unknown"} x ${cpus.length} cores, ${mb(os.totalmem())} RAM`);
  console.log(
    `node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg()[0]?.toFixed(2)}`,
  );
}

async function benchHashing(): Promise<void> {
  const bytes = readFileSync(IMAGE);
  const img = await decodeImage(bytes);
  const { pixels, width, height, channels } = img;
  const runs = {
    decodeOnly: [] as number[],
    decoded: [] as number[],
    fast: [] as number[],
    previous: [] as number[],
  };
  const dihedral: number[] = [];
  let differ = 0;
  for (let i = 0; i < HASH_RUNS; i++) {
    // Interleaved, so that load from other jobs on the machine falls on both sides alike.
    runs.decodeOnly.push(await timeAsync(() => decodeImage(bytes)));
    runs.decoded.push(await timeAsync(() => pdqFromImage(bytes)));
    const [fast, tFast] = time(() => pdqFromRgb(pixels, width, height, channels));
    const [previous, tPrevious] = time(() => referencePdqFromRgb(pixels, width, height, channels));
    runs.fast.push(tFast);
    runs.previous.push(tPrevious);
    dihedral.push(time(() => pdqDihedralFromRgb(pixels, width, height, channels))[1]);
    if (fast.hex !== previous.hex || fast.quality !== previous.quality) differ++;
  }
  const med = (xs: number[]) => percentile(xs, 50);
  console.log(
    `\nPDQ hash of ${path.basename(IMAGE)} (${width}x${height}, ${bytes.length} bytes), ${HASH_RUNS} runs:`,
  );
  console.log(`  decode only (sharp)             median ${ms(med(runs.decodeOnly))}`);
  console.log(`  decode + hash                   median ${ms(med(runs.decoded))}`);
  console.log(`  hash (pixels)                   median ${ms(med(runs.fast))}`);
  console.log(`  hash (pixels), previous version median ${ms(med(runs.previous))}  (baseline, same run)`);
  console.log(`  previous / current              ${(med(runs.previous) / med(runs.fast)).toFixed(1)}x`);
  console.log(`  8 dihedral hashes (pixels)      median ${ms(med(dihedral))}`);
  console.log(`  same hash and quality as previous version: ${HASH_RUNS - differ}/${HASH_RUNS} runs`);
  if (differ > 0) process.exitCode = 1;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** vPDQ: hashing a generated 60 s 1280x720 video at 1 frame per second, and brute-force matching. */
async function benchVideo(): Promise<void> {
  if (!(await hasFfmpeg())) {
    console.log("\nvPDQ: skipped (ffmpeg is not installed)");
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-vpdq-bench-"));
  try {
    const file = path.join(dir, "testsrc2.mp4");
    const source = "testsrc2=duration=60:size=1280x720:rate=30";
    const quiet = ["-hide_banner", "-loglevel", "error"];
    execFileSync("ffmpeg", [...quiet, "-f", "lavfi", "-i", source, "-c:v", "mpeg4", "-q:v", "5", file]);
    const decodeArgs = [...quiet, "-i", file, "-vf", "select=not(mod(n\\,30))", "-fps_mode", "passthrough"];
    const decodeOnly: number[] = [];
    const hashing: number[] = [];
    let frames = 0;
    for (let i = 0; i < 3; i++) {
      decodeOnly.push(
        time(() => execFileSync("ffmpeg", [...decodeArgs, "-pix_fmt", "rgb24", "-f", "null", "-"]))[1],
      );
      const t0 = performance.now();
      frames = (await hashVideo(file)).frames.length;
      hashing.push(performance.now() - t0);
    }
    const perFrame = percentile(hashing, 50) / frames;
    console.log(`\nvPDQ: ${source} (mpeg4), 1 frame per second, 3 runs:`);
    console.log(
      `  hashVideo                      median ${ms(percentile(hashing, 50))}  (${frames} frames, ${ms(perFrame)} per frame)`,
    );
    console.log(`  ffmpeg decode + select alone   median ${ms(percentile(decodeOnly, 50))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rand = xorshift32(4);
  const toFrames = (words: Uint32Array) =>
    Array.from({ length: words.length / 8 }, (_, i) => ({
      pdq: formatPdqHex(wordsToPdqHash(words, i * 8)),
      quality: 100,
    }));
  const [query, target] = [toFrames(randomHashes(3600, rand)), toFrames(randomHashes(3600, rand))];
  const matching: number[] = [];
  for (let i = 0; i < 3; i++) matching.push(time(() => vpdqMatch(query, target))[1]);
  console.log(
    `  vpdqMatch 3,600 x 3,600 frames (two 1-hour videos, no match: full scan)  median ${ms(percentile(matching, 50))}`,
  );
}

/** N random hashes; rows 0..PLANT_SOURCES-1 get near-duplicates at every distance 0..40. */
function makeData(): { words: Uint32Array; ids: Uint32Array } {
  const rand = xorshift32(1);
  const words = randomHashes(N, rand);
  const sources = Math.min(PLANT_SOURCES, Math.floor(N / (MAX_PLANTED + 2)));
  for (let q = 0; q < sources; q++) {
    for (let d = 0; d <= MAX_PLANTED; d++) {
      const to = sources + q * (MAX_PLANTED + 1) + d;
      (d % 2 ? plantSpread : plantNear)(words, q, to, d, rand);
    }
  }
  return { words, ids: Uint32Array.from({ length: N }, (_, i) => i) };
}

function makeQueries(words: Uint32Array): Uint8Array[] {
  const rand = xorshift32(2);
  const fresh = randomHashes(QUERIES / 2, rand);
  const queries: Uint8Array[] = [];
  for (let i = 0; i < QUERIES / 2; i++) {
    queries.push(wordsToPdqHash(words, (i % Math.min(PLANT_SOURCES, N)) * 8));
    queries.push(wordsToPdqHash(fresh, i * 8));
  }
  return queries;
}

function sameResults(a: PdqMatch[], b: PdqMatch[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.distance === b[i]?.distance);
}

function benchIndex(): void {
  const [{ words, ids }, genMs] = time(makeData);
  console.log(
    `\nindex: ${N.toLocaleString("en")} random hashes (${mb(words.byteLength)} packed), generated in ${ms(genMs)}`,
  );
  gc();
  const before = process.memoryUsage();
  const index = new PdqIndex();
  const [, buildMs] = time(() => index.addBulk(ids, words));
  gc();
  const after = process.memoryUsage();
  const rssPerHash = (after.rss - before.rss) / N;
  console.log(
    `  bulk import + build  ${ms(buildMs)}  (${Math.round(N / (buildMs / 1000)).toLocaleString("en")} hashes/s)`,
  );
  console.log(
    `  index bytes          ${mb(index.byteLength())}  = ${(index.byteLength() / N).toFixed(1)} B/hash (own count)`,
  );
  console.log(
    `  RSS growth           ${mb(after.rss - before.rss)}  = ${rssPerHash.toFixed(1)} B/hash (process.memoryUsage)`,
  );

  const queries = makeQueries(words);
  const mih: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const [res, t] = time(() => index.query(q));
    mih.push(t);
    hits += res.length;
  }
  console.log(
    `  MIH query (r=31)     p50 ${ms(percentile(mih, 50))}  p99 ${ms(percentile(mih, 99))}  over ${QUERIES} queries, ${hits} matches`,
  );

  const brute: number[] = [];
  let mismatches = 0;
  for (let i = 0; i < BRUTE_QUERIES; i++) {
    const q = queries[i] as Uint8Array;
    const [expected, t] = time(() => bruteForce(words, ids, q));
    brute.push(t);
    if (!sameResults(index.query(q), expected)) mismatches++;
  }
  const ratio = percentile(brute, 50) / percentile(mih, 50);
  console.log(
    `  brute force (r=31)   p50 ${ms(percentile(brute, 50))}  p99 ${ms(percentile(brute, 99))}  over ${BRUTE_QUERIES} queries`,
  );
  console.log(
    `  MIH vs brute force   ${ratio.toFixed(0)}x faster at p50; results identical on ${BRUTE_QUERIES - mismatches}/${BRUTE_QUERIES}`,
  );
  if (mismatches > 0) process.exitCode = 1;

  benchIncremental(index);
}

/** Single add() calls, enough to trigger one merge of the append buffer, amortised over the adds. */
function benchIncremental(index: PdqIndex): void {
  const count = Math.ceil(index.size / 16) + 1;
  const rand = xorshift32(3);
  const fresh = randomHashes(count, rand);
  const hashes = Array.from({ length: count }, (_, i) => wordsToPdqHash(fresh, i * 8));
  const [, t] = time(() => {
    for (let i = 0; i < count; i++) index.add(N + i, hashes[i] as Uint8Array);
  });
  const { pending } = index.stats();
  console.log(
    `  incremental add()    ${count.toLocaleString("en")} adds incl. one merge in ${ms(t)}  (${Math.round(count / (t / 1000)).toLocaleString("en")} hashes/s amortised; pending after: ${pending})`,
  );
}

machine();
if (PARTS.has("hash")) await benchHashing();
if (PARTS.has("video")) await benchVideo();
if (PARTS.has("index")) benchIndex();
