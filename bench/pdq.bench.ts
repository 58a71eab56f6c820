/**
 * PDQ hashing and matching benchmark.  Run: npx tsx bench/pdq.bench.ts
 * PDQ_BENCH_N=1000000 shrinks the index (default 10,000,000 hashes).
 *
 * Prints the machine, the data sizes and medians: PDQ hashing of a 1600x1004 JPEG with and without
 * decoding, the multi-index build and import rates, query latency of the index against a brute-force
 * scan measured in the same run (and a check that both return the same results), and memory per hash.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { decodeImage, pdqFromImage } from "../src/search/pdq/decode.ts";
import { wordsToPdqHash } from "../src/search/pdq/hash.ts";
import { pdqFromRgb } from "../src/search/pdq/pdq.ts";
import { bruteForce, type PdqMatch } from "../src/search/pdq-index/matches.ts";
import { PdqIndex } from "../src/search/pdq-index/mih.ts";
import { plantNear, plantSpread, randomHashes, xorshift32 } from "../src/search/pdq-index/synthetic.ts";

const N = Number(process.env.PDQ_BENCH_N ?? 10_000_000);
const PLANT_SOURCES = 500; // rows with near-duplicates planted at distances 0..40
const MAX_PLANTED = 40;
const QUERIES = 1_000; // half plant sources (hits), half fresh random hashes (misses)
const BRUTE_QUERIES = 100;
const HASH_RUNS = 15;
const IMAGE = path.resolve(process.cwd(), "../shared/data/pdq/dih/bridge-1-original.jpg");

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
  const decoded: number[] = [];
  const pixelsOnly: number[] = [];
  for (let i = 0; i < HASH_RUNS; i++) {
    const t0 = performance.now();
    await pdqFromImage(bytes);
    decoded.push(performance.now() - t0);
    pixelsOnly.push(time(() => pdqFromRgb(img.pixels, img.width, img.height, img.channels))[1]);
  }
  console.log(
    `\nPDQ hash of ${path.basename(IMAGE)} (${img.width}x${img.height}, ${bytes.length} bytes), ${HASH_RUNS} runs:`,
  );
  console.log(`  decode + hash  median ${ms(percentile(decoded, 50))}`);
  console.log(`  hash (pixels)  median ${ms(percentile(pixelsOnly, 50))}`);
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
await benchHashing();
benchIndex();
