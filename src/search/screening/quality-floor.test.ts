import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { compareNames } from "./compare-names.ts";
import { MATCH_THRESHOLD } from "./screening-index.ts";

const data = sharedData("name-matching");

/** Measured F1 0.923 on name_bench at the shipped threshold; this floor catches a regression. */
const F1_FLOOR = 0.91;

describe.skipIf(!data.available)(`name_bench quality floor ${data.note}`, () => {
  it(`keeps F1 at or above ${F1_FLOOR}`, () => {
    const rows: Record<string, string>[] = parse(readFileSync(path.join(data.path, "name_bench_cases.csv")), {
      columns: true,
    });
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const predicted = compareNames(r.name1 ?? "", r.name2 ?? "", r.schema).score >= MATCH_THRESHOLD;
      const truth = r.is_match === "true";
      if (predicted && truth) tp++;
      else if (predicted) fp++;
      else if (truth) fn++;
    }
    const p = tp / (tp + fp);
    const rc = tp / (tp + fn);
    expect((2 * p * rc) / (p + rc)).toBeGreaterThanOrEqual(F1_FLOOR);
  });
});
