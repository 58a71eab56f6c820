/**
 * In-process speed and memory of the screening index on generated persons (several naming
 * cultures, Arabic and Cyrillic originals, aliases, weak aliases, partial dates of birth).
 * Queries are persons of the same stream entered again with variations (another spelling, the
 * original script, swapped order, a typo), so most have a true hit.
 * Run: npx tsx --expose-gc bench/screening-names.bench.ts [persons=1000000] [queries=5000]
 * (node --expose-gc --import tsx ... also works; without --expose-gc the heap figure is rougher).
 */
import { performance } from "node:perf_hooks";
import { ScreeningIndex } from "../src/search/screening/index.ts";
import { type GeneratedPerson, generatePersons } from "./persons-data.ts";

const N = Number(process.argv[2] ?? 1_000_000);
const Q = Number(process.argv[3] ?? 5_000);
const SEED = 20240926;
const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

const before = heap();
const index = new ScreeningIndex();
const queries: GeneratedPerson[] = [];
const t0 = performance.now();
let names = 0;
for (const p of generatePersons(N, SEED)) {
  index.add(p.index, {
    names: [p.name, ...p.aliases],
    weakNames: p.weakAliases,
    birthDates: p.birthDate ? [p.birthDate] : [],
    nationalities: p.nationality,
    sex: p.sex === "U" ? null : p.sex,
  });
  names += 1 + p.aliases.length + p.weakAliases.length;
  // The planted duplicates are the same person entered by another bureau: good queries.
  if (p.duplicateOf && queries.length < Q && p.index % 7 === 0) queries.push(p);
}
const buildMs = performance.now() - t0;
const after = heap();
console.log(
  `persons ${N.toLocaleString("en")} (${names.toLocaleString("en")} names), build ${(buildMs / 1000).toFixed(1)} s`,
);
console.log(
  `heap growth ${mb(after - before)} = ${((after - before) / N).toFixed(0)} bytes a person; index estimate ${((index.memoryBytes?.() ?? 0) / N).toFixed(0)} bytes a person`,
);

const times: number[] = [];
let found = 0;
for (const [k, q] of queries.entries()) {
  const t = performance.now();
  const r = index.search({
    name: q.name,
    birthDate: k % 3 === 0 ? q.birthDate?.slice(0, 4) : q.birthDate,
    nationality: q.nationality[0],
    sex: q.sex === "U" ? undefined : q.sex,
  });
  times.push(performance.now() - t);
  if (r.length > 0) found++;
}
times.sort((a, b) => a - b);
const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 1000;
console.log(
  `queries ${times.length}: p50 ${at(0.5).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs, max ${at(1).toFixed(0)} µs; with a hit ${((100 * found) / Math.max(1, times.length)).toFixed(1)}%`,
);
