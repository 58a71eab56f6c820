/**
 * In-process speed and memory of the screening index on generated persons (several naming
 * cultures, Arabic and Cyrillic originals, aliases, weak aliases, partial dates of birth).
 * The main queries are persons of the same stream entered again with variations (another
 * spelling, the original script, swapped order, a typo), so most have a true hit. Three more
 * mixes time what a border sees: the exact name of a listed person, a random name of the same
 * cultures that is not listed (most travellers), and a listed name with one typing error.
 * Run: npx tsx --expose-gc bench/screening-names.bench.ts [persons=1000000] [queries=5000]
 * (node --expose-gc --import tsx ... also works; without --expose-gc the heap figure is rougher).
 * SCREENING_BENCH_DUMP=file writes the main queries' results (ids and scores), one JSON line
 * each, to compare two versions of the index. SCREENING_BENCH_TAIL=1 lists the slowest 1% of each
 * mix by CPU time, with the persons read and kept by blocking and whether a collection overlapped.
 * Each mix prints wall-clock and CPU-time percentiles (CPU time is what a shared, loaded machine
 * does not inflate by preemption).
 */
import { writeFileSync } from "node:fs";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { ScreeningIndex, type TravellerQuery } from "../src/search/screening/index.ts";
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

const queryOf = (p: GeneratedPerson, k: number): TravellerQuery => ({
  name: p.name,
  birthDate: k % 3 === 0 ? p.birthDate?.slice(0, 4) : p.birthDate,
  nationality: p.nationality[0],
  sex: p.sex === "U" ? undefined : p.sex,
});

/** One keyboard slip in the longest Latin word: two letters swapped, or one dropped or doubled. */
function misspell(name: string, k: number): string {
  const words = name.split(" ");
  const at = words.reduce((best, w, i) => (w.length > (words[best] as string).length ? i : best), 0);
  const w = words[at] as string;
  if (w.length < 4 || !/^[A-Za-z]/.test(w)) return name;
  const i = 1 + (k % (w.length - 2));
  const slips = [
    w.slice(0, i) + w.slice(i + 1),
    w.slice(0, i) + w[i] + w.slice(i),
    w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2),
  ];
  words[at] = slips[k % 3] as string;
  return words.join(" ");
}

const before = heap();
const index = new ScreeningIndex();
const queries: TravellerQuery[] = [];
const exact: TravellerQuery[] = [];
const misspelled: TravellerQuery[] = [];
const mixSize = Math.max(1, Math.floor(Q / 3));
const mixStep = Math.max(1, Math.floor(N / mixSize));
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
  if (p.duplicateOf && queries.length < Q && p.index % 7 === 0) queries.push(queryOf(p, queries.length));
  if (p.index % mixStep === 3 && exact.length < mixSize) {
    exact.push(queryOf(p, exact.length));
    const latin = p.aliases[0] && !/^[A-Za-z]/.test(p.name) ? (p.aliases[0] as string) : p.name;
    misspelled.push({ ...queryOf(p, misspelled.length), name: misspell(latin, misspelled.length) });
  }
}
const buildMs = performance.now() - t0;
const after = heap();
// Persons of the same cultures from another stream: namesakes of listed persons, rarely the same.
const random: TravellerQuery[] = [];
for (const p of generatePersons(mixSize, SEED + 1)) random.push(queryOf(p, random.length));

console.log(
  `persons ${N.toLocaleString("en")} (${names.toLocaleString("en")} names), build ${(buildMs / 1000).toFixed(1)} s`,
);
console.log(
  `heap growth ${mb(after - before)} = ${((after - before) / N).toFixed(0)} bytes a person; index estimate ${((index.memoryBytes?.() ?? 0) / N).toFixed(0)} bytes a person`,
);

/* Garbage collections seen while the queries run: a slow query that overlaps one was paused. */
const pauses: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ["gc"] });
const TAIL = process.env.SCREENING_BENCH_TAIL !== undefined;
/* The candidate counts of the last search (read by the finder), for the tail dump. */
const lastCounts = () => (index as unknown as { finder: { lastCounts?: number[] } }).finder.lastCounts ?? [];

async function run(label: string, list: TravellerQuery[], dump?: string[]) {
  const times: number[] = [];
  const cpu: number[] = [];
  const slow: {
    ms: number;
    wall: number;
    q: TravellerQuery;
    counts: number[];
    start: number;
    hits: number;
  }[] = [];
  let found = 0;
  const firstPause = pauses.length;
  const t1 = performance.now();
  for (const q of list) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = index.search(q);
    const ms = performance.now() - t;
    const used = process.cpuUsage(c);
    times.push(ms);
    cpu.push((used.user + used.system) / 1000);
    if (TAIL)
      slow.push({
        ms: used.user / 1000 + used.system / 1000,
        wall: ms,
        q,
        counts: lastCounts(),
        start: t,
        hits: r.length,
      });
    if (r.length > 0) found++;
    dump?.push(JSON.stringify([...r.map((m) => [m.id, m.score]), [q.name, q.birthDate ?? ""]]));
  }
  const wall = performance.now() - t1;
  // The observer is told of the pauses after the loop: give it a turn first.
  await new Promise((r) => setTimeout(r, 20));
  const ordered = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    (ordered[Math.min(ordered.length - 1, Math.floor(p * ordered.length))] ?? 0) * 1000;
  const gcs = pauses.slice(firstPause);
  // CPU time per query (all threads of the process) is what a loaded machine does not inflate.
  cpu.sort((a, b) => a - b);
  const cpuAt = (p: number) => (cpu[Math.min(cpu.length - 1, Math.floor(p * cpu.length))] ?? 0) * 1000;
  console.log(
    `${label} ${times.length}: p50 ${at(0.5).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs, p99.9 ${at(0.999).toFixed(0)} µs, max ${at(1).toFixed(0)} µs; ` +
      `${((1000 * times.length) / wall).toFixed(0)} queries/s on one core; with a hit ${((100 * found) / Math.max(1, times.length)).toFixed(1)}%`,
  );
  console.log(
    `  CPU time a query: p50 ${cpuAt(0.5).toFixed(0)} µs, p99 ${cpuAt(0.99).toFixed(0)} µs, p99.9 ${cpuAt(0.999).toFixed(0)} µs, max ${cpuAt(1).toFixed(0)} µs; ` +
      `${((1000 * cpu.length) / cpu.reduce((a, b) => a + b, 0)).toFixed(0)} queries per CPU second`,
  );
  if (!TAIL) return;
  // The slowest by CPU time (a query preempted by another process is not slow).
  slow.sort((a, b) => b.ms - a.ms);
  const inGc = (s: (typeof slow)[number]) => gcs.some((g) => g.start < s.start + s.wall && g.end > s.start);
  const top = slow.slice(0, Math.max(1, Math.ceil(slow.length / 100)));
  console.log(
    `  slowest 1%: ${top.filter(inGc).length} of ${top.length} overlap a GC (${gcs.length} GCs, ${gcs.reduce((s, g) => s + g.end - g.start, 0).toFixed(0)} ms in all)`,
  );
  for (const s of top)
    console.log(
      `  ${(s.ms * 1000).toFixed(0)} µs${inGc(s) ? " GC" : ""} [read ${s.counts.join("/")}] hits ${s.hits} ${s.q.name} ${s.q.birthDate ?? ""}`,
    );
}

const dump: string[] | undefined = process.env.SCREENING_BENCH_DUMP ? [] : undefined;
await run("queries (listed persons re-entered with variations)", queries, dump);
await run("  exact names of listed persons", exact);
await run("  random names, not listed", random);
await run("  listed names with a typing error", misspelled);
if (dump && process.env.SCREENING_BENCH_DUMP)
  writeFileSync(process.env.SCREENING_BENCH_DUMP, `${dump.join("\n")}\n`);
