/**
 * Entity resolution benchmark: the suggestion pass (blocking + scoring) over generated persons.
 * Run: npx tsx bench/resolution.bench.ts   (RESOLUTION_BENCH_N, default 1,000,000; seed 7)
 *
 * Generates N persons with bench/persons-data.ts (10% planted cross-country duplicates, the true
 * pairs known), converts them to FtM properties, then times, in memory: preparing the subjects
 * (name forms, skeletons, phonetic keys), blocking, and scoring; prints pairs scored per second,
 * peak RSS, and precision / recall of the suggestions against the true pairs. The baseline, in the
 * same run, is the naive pass without blocking on a sample of 5,000 persons (every pair scored),
 * extrapolated: what blocking saves. The database round trip (loading 1M records and writing the
 * candidates) is measured separately by the PostgreSQL part when DATABASE_URL is set and
 * RESOLUTION_BENCH_DB=1.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { prepareAll, scorePair, suggest } from "../src/search/resolution/index.ts";
import { generatePersons, pairKey, toFtmProperties, truePairKeys } from "./persons-data.ts";

const N = Number(process.env.RESOLUTION_BENCH_N ?? 1_000_000);
const SEED = 7;
const mb = (b: number) => `${Math.round(b / 1e6)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function main() {
  console.log(`machine: ${os.cpus()[0]?.model} x${os.cpus().length}, node ${process.version}`);
  console.log(`persons: ${N.toLocaleString("en")} (seed ${SEED})`);
  let t = performance.now();
  const persons = [...generatePersons(N, SEED)];
  const truth = truePairKeys(persons);
  const refById = new Map<string, string>();
  const subjects = persons.map((p) => {
    refById.set(p.reference, p.reference);
    return { id: p.reference, owner: p.owner, schema: "Person", properties: toFtmProperties(p) };
  });
  console.log(`generate: ${s(performance.now() - t)}; true pairs ${truth.size.toLocaleString("en")}`);

  t = performance.now();
  const prepared = prepareAll(subjects, subjects.length);
  const tPrepare = performance.now() - t;
  t = performance.now();
  const { suggestions, stats } = suggest(prepared);
  const tSuggest = performance.now() - t;
  let hits = 0;
  let crossCountry = 0;
  const owners = new Map(persons.map((p) => [p.reference, p.owner]));
  for (const x of suggestions) {
    if (truth.has(pairKey(x.left, x.right))) hits++;
    if (owners.get(x.left) !== owners.get(x.right)) crossCountry++;
  }
  const precision = hits / Math.max(1, suggestions.length);
  const recall = hits / Math.max(1, truth.size);
  console.log(`prepare: ${s(tPrepare)}`);
  console.log(
    `blocking + scoring: ${s(tSuggest)}; keys ${stats.keys.toLocaleString("en")}, blocks ${stats.blocks.toLocaleString("en")} (dropped as too common ${stats.droppedBlocks}), pairs compared ${stats.pairsCompared.toLocaleString("en")}, scored ${stats.pairsScored.toLocaleString("en")} (${Math.round(stats.pairsScored / (tSuggest / 1000)).toLocaleString("en")}/s)`,
  );
  console.log(
    `suggestions: ${suggestions.length.toLocaleString("en")} (cross-country ${crossCountry.toLocaleString("en")}); precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
  );
  baseline(prepared.slice(0, 5000), stats.pairsScored / (tSuggest / 1000));
  // The pass is synchronous, so a timer could not sample it: the kernel's high-water mark instead.
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

/** Every pair of a sample scored (no blocking), timed and extrapolated to N. */
function baseline(sample: ReturnType<typeof prepareAll>, blockedRate: number) {
  const t = performance.now();
  let pairs = 0;
  for (let i = 0; i < sample.length; i++)
    for (let j = i + 1; j < sample.length; j++) {
      scorePair(sample[i] as never, sample[j] as never);
      pairs++;
    }
  const ms = performance.now() - t;
  const rate = pairs / (ms / 1000);
  const all = (N * (N - 1)) / 2;
  console.log(
    `baseline (no blocking, ${sample.length} persons, every pair): ${pairs.toLocaleString("en")} pairs in ${s(ms)} (${Math.round(rate).toLocaleString("en")}/s); for N: ${all.toExponential(2)} pairs = ${(all / rate / 86400).toFixed(1)} days (blocked pass scores at ${Math.round(blockedRate).toLocaleString("en")}/s)`,
  );
}

main();
