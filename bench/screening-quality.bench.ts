/**
 * Quality of the screening engine on public reference data (../shared/data, beside the checkout):
 *  1. name_bench: precision / recall / F1 of `compareNames` at the shipped threshold, beside the
 *     reference matcher's frozen run, by case group and quality, with the cases still wrong;
 *  2. UN persons: the untreated file indexed, the treated file (typos, reordering, DOB changes)
 *     as queries: recall at rank 1;
 *  3. 50,000 synthetic negatives screened against the UN list (XML, with aliases): hits;
 *  4. cross-script: UN individuals with an original-script name, queried in that script against
 *     an index of the Latin-only entries: recall at rank 1.
 * Run: npx tsx bench/screening-quality.bench.ts   (or npm run bench -- screening)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import {
  compareNames,
  MATCH_THRESHOLD,
  ScreeningIndex,
  type ScreeningSubject,
} from "../src/search/screening/index.ts";
import { scriptOf } from "../src/search/transliterate.ts";

const dir = path.resolve(process.cwd(), "../shared/data/name-matching");
const unXml = path.resolve(process.cwd(), "../shared/data/watchlists/un-sc-consolidated-2024-09-26.xml");
if (!existsSync(dir)) {
  console.error(`../shared/data/name-matching is missing beside the checkout (${dir}): nothing to measure.`);
  process.exit(2);
}
type Row = Record<string, string>;
const csv = (file: string): Row[] =>
  parse(readFileSync(path.join(dir, file)), { columns: true, relax_column_count: true });
/** `--wrong`: list every case still wrong (name_bench by category, all negatives hit, all misses). */
const listAll = process.argv.includes("--wrong");
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

type Counts = { tp: number; fp: number; fn: number; tn: number };
const prf = (c: Counts) => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const tally = (c: Counts, predicted: boolean, truth: boolean) => {
  if (predicted && truth) c.tp++;
  else if (predicted) c.fp++;
  else if (truth) c.fn++;
  else c.tn++;
};
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

// 1. name_bench ------------------------------------------------------------------------------
function nameBench() {
  const cases = csv("name_bench_cases.csv");
  const overall = empty();
  const slices = new Map<string, Counts>();
  const wrong = new Map<string, string[]>();
  const t0 = performance.now();
  for (const c of cases) {
    const score = compareNames(c.name1 ?? "", c.name2 ?? "", c.schema).score;
    const predicted = score >= MATCH_THRESHOLD;
    const truth = c.is_match === "true";
    tally(overall, predicted, truth);
    for (const key of [`group ${c.case_group}`, `quality ${c.quality || "MEDIUM"}`, `schema ${c.schema}`]) {
      const s = slices.get(key) ?? empty();
      tally(s, predicted, truth);
      slices.set(key, s);
    }
    if (predicted !== truth) {
      const category = `${truth ? "missed" : "false hit"} ${c.schema} ${c.quality || "MEDIUM"} ${c.category || "(no category)"}`;
      const list = wrong.get(category) ?? [];
      list.push(`${score.toFixed(3)}  ${c.name1}  |  ${c.name2}`);
      wrong.set(category, list);
    }
  }
  const perCaseUs = ((performance.now() - t0) * 1000) / cases.length;
  const ref = empty();
  for (const r of csv("name_bench_logicv2_reference_run.csv"))
    tally(ref, Number(r.score) >= 0.7, r.is_match === "true");
  const ours = prf(overall);
  const theirs = prf(ref);
  console.log(`\nname_bench (${cases.length} cases), threshold ${MATCH_THRESHOLD}:`);
  console.log(
    `  this engine      P ${f3(ours.p)}  R ${f3(ours.r)}  F1 ${f3(ours.f1)}  (${perCaseUs.toFixed(0)} µs a pair)`,
  );
  console.log(
    `  reference (0.70) P ${f3(theirs.p)}  R ${f3(theirs.r)}  F1 ${f3(theirs.f1)}  (its frozen run)`,
  );
  for (const [k, c] of [...slices].sort()) {
    const m = prf(c);
    console.log(
      `  ${k.padEnd(28)} n ${String(c.tp + c.fp + c.fn + c.tn).padStart(4)}  P ${f3(m.p)}  R ${f3(m.r)}  F1 ${f3(m.f1)}`,
    );
  }
  if (listAll) {
    console.log("\n  cases still wrong, by category:");
    for (const [k, list] of [...wrong].sort()) {
      console.log(`  ${k} (${list.length})`);
      for (const l of list) console.log(`      ${l}`);
    }
  } else console.log(`  (${overall.fp + overall.fn} cases wrong; --wrong lists them by category)`);
  return { ours, theirs };
}

// 2. UN persons treated vs untreated -------------------------------------------------------------
const subjectOf = (r: Row): ScreeningSubject => ({
  names: [r.full_name ?? ""],
  birthDates: r.date_of_birth ? [r.date_of_birth] : [],
  nationalities: r.nationality ? [r.nationality.toUpperCase()] : [],
  birthPlaces: r.place_of_birth ? [r.place_of_birth] : [],
});

function unPersons() {
  const listed = csv("positives_un_untreated.csv");
  const queries = csv("positives_un_treated.csv");
  const index = new ScreeningIndex();
  for (const [i, r] of listed.entries()) index.add(i, subjectOf(r));
  let top = 0;
  let hit = 0;
  const misses: string[] = [];
  queries.forEach((r, i) => {
    const results = index.search(
      {
        name: r.full_name ?? "",
        birthDate: r.date_of_birth,
        nationality: r.nationality?.toUpperCase(),
        birthPlace: r.place_of_birth,
      },
      { limit: 1, threshold: 0 },
    );
    if (results[0]?.id === i) {
      top++;
      if (results[0].match) hit++;
    } else misses.push(`${r.full_name} -> ${results[0] ? listed[results[0].id]?.full_name : "(nothing)"}`);
  });
  console.log(`\nUN persons (${queries.length} treated queries against ${listed.length} untreated):`);
  console.log(
    `  recall at rank 1 ${pct(top / queries.length)}; top result also a hit at ${MATCH_THRESHOLD}: ${pct(hit / queries.length)}`,
  );
  for (const m of misses.slice(0, listAll ? undefined : 10)) console.log(`    missed: ${m}`);
  return { rank1: top / queries.length, hitRate: hit / queries.length };
}

// 3 and 4. UN XML ------------------------------------------------------------------------------
type UnPerson = {
  ref: string;
  names: string[];
  weak: string[];
  original?: string;
  dates: string[];
  nat: string[];
};
const countryCode = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code) map.set(name.toLowerCase(), code);
    }
  return (name: string) => map.get(name.trim().toLowerCase());
})();
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const text = (x: unknown) => (typeof x === "string" || typeof x === "number" ? String(x).trim() : "");

function readUn(): UnPerson[] {
  const xml = new XMLParser({ parseTagValue: false }).parse(readFileSync(unXml, "utf8"));
  const individuals = list(xml.CONSOLIDATED_LIST?.INDIVIDUALS?.INDIVIDUAL) as Record<string, unknown>[];
  return individuals.map((p) => {
    const main = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
      .map((k) => text(p[k]))
      .filter(Boolean)
      .join(" ");
    const names = [main];
    const weak: string[] = [];
    for (const a of list(p.INDIVIDUAL_ALIAS as Record<string, unknown>[])) {
      const n = text(a?.ALIAS_NAME);
      if (n) (text(a.QUALITY) === "Low" ? weak : names).push(n);
    }
    const dates: string[] = [];
    for (const d of list(p.INDIVIDUAL_DATE_OF_BIRTH as Record<string, unknown>[])) {
      const type = text(d?.TYPE_OF_DATE);
      const date = text(d?.DATE) || text(d?.YEAR);
      if (type === "BETWEEN" && text(d.FROM_YEAR) && text(d.TO_YEAR))
        dates.push(`${text(d.FROM_YEAR)}/${text(d.TO_YEAR)}`);
      else if (date) dates.push(type === "APPROXIMATELY" ? `${date}~` : date);
    }
    const nat = list((p.NATIONALITY as Record<string, unknown>)?.VALUE as string[])
      .map((v) => countryCode(text(v)))
      .filter((c): c is string => c !== undefined);
    const original = text(p.NAME_ORIGINAL_SCRIPT);
    return { ref: text(p.REFERENCE_NUMBER), names, weak, original: original || undefined, dates, nat };
  });
}

function negatives(un: UnPerson[]) {
  const index = new ScreeningIndex();
  for (const [i, p] of un.entries())
    index.add(i, {
      names: [...p.names, ...(p.original ? [p.original] : [])],
      weakNames: p.weak,
      birthDates: p.dates,
      nationalities: p.nat,
    });
  const rows = csv("negatives_global.csv");
  let hits = 0;
  const examples: string[] = [];
  const t0 = performance.now();
  for (const r of rows) {
    const found = index.search(
      {
        name: r.full_name ?? "",
        birthDate: r.date_of_birth,
        nationality: countryCode(r.nationality ?? ""),
        sex: r.gender === "male" ? "M" : r.gender === "female" ? "F" : undefined,
      },
      { limit: 1 },
    );
    if (found.length > 0) {
      hits++;
      if (examples.length < (listAll ? Infinity : 10))
        examples.push(`${r.full_name} (${r.date_of_birth}) -> ${found[0]?.explanation.summary}`);
    }
  }
  const ms = performance.now() - t0;
  console.log(
    `\nnegatives (${rows.length} against ${un.length} UN individuals with aliases and original script):`,
  );
  console.log(
    `  hits at ${MATCH_THRESHOLD}: ${hits} (${pct(hits / rows.length)}), ${((ms * 1000) / rows.length).toFixed(0)} µs a query`,
  );
  for (const e of examples) console.log(`    ${e}`);
  return { hits, total: rows.length };
}

function crossScript(un: UnPerson[]) {
  const index = new ScreeningIndex();
  for (const [i, p] of un.entries())
    index.add(i, { names: p.names, weakNames: p.weak, birthDates: p.dates, nationalities: p.nat });
  const cases = un.map((p, i) => ({ p, i })).filter(({ p }) => p.original && scriptOf(p.original) !== "Latn");
  const byScript = new Map<string, { n: number; top: number }>();
  const misses: string[] = [];
  let top = 0;
  for (const { p, i } of cases) {
    const exact = p.dates.find((d) => /^\d{4}(-\d{2}-\d{2})?$/.test(d));
    const found = index.search({ name: p.original ?? "", birthDate: exact }, { limit: 1, threshold: 0 });
    const script = scriptOf(p.original ?? "");
    const s = byScript.get(script) ?? { n: 0, top: 0 };
    s.n++;
    if (found[0]?.id === i) {
      top++;
      s.top++;
    } else
      misses.push(`${p.original} (${p.names[0]}) -> ${found[0] ? un[found[0].id]?.names[0] : "(nothing)"}`);
    byScript.set(script, s);
  }
  console.log(
    `\ncross-script (${cases.length} UN individuals queried in their original script, Latin-only index):`,
  );
  console.log(`  recall at rank 1 ${pct(top / cases.length)}`);
  for (const [s, c] of byScript) console.log(`    ${s}: ${c.top}/${c.n}`);
  for (const m of misses.slice(0, listAll ? undefined : 12)) console.log(`    missed: ${m}`);
  return { rank1: top / cases.length, n: cases.length };
}

const bench = nameBench();
const un = unPersons();
const unList = existsSync(unXml) ? readUn() : undefined;
const neg = unList ? negatives(unList) : undefined;
const cross = unList ? crossScript(unList) : undefined;

console.log("\nFor BENCHMARKS.md:");
console.log("| measure | this engine | reference / target |");
console.log("|---|---|---|");
console.log(
  `| name_bench P / R / F1 at ${MATCH_THRESHOLD} | ${f3(bench.ours.p)} / ${f3(bench.ours.r)} / ${f3(bench.ours.f1)} | ${f3(bench.theirs.p)} / ${f3(bench.theirs.r)} / ${f3(bench.theirs.f1)} (logic-v2 at 0.70); target F1 >= 0.92 |`,
);
console.log(
  `| UN treated persons, recall at rank 1 | ${pct(un.rank1)} (top result a hit: ${pct(un.hitRate)}) | >= 99% |`,
);
if (neg)
  console.log(
    `| negatives hitting the UN list | ${neg.hits} of ${neg.total} (${pct(neg.hits / neg.total)}) | <= 0.1% (50) |`,
  );
if (cross) console.log(`| cross-script recall at rank 1 | ${pct(cross.rank1)} of ${cross.n} | >= 95% |`);
