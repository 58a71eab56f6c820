import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../../test/shared-data.ts";
import { readTemplate } from "../formats/index.ts";
import { compareTemplates, prepareTemplate } from "./compare.ts";
import { errorRates } from "./error-rates.ts";

const data = sharedData("fingerprints");

// An accuracy floor on one database (not timed). The benchmark measured an EER of 2.15% on FVC2002
// DB1 (all same-database impostor pairs); the floor leaves room for small changes only.
describe.skipIf(!data.available)(`MCC accuracy on FVC2002 DB1 ${data.note}`, () => {
  it("keeps the equal error rate below 3.5% and FNMR at FMR 1% below 5%", () => {
    const dir = path.join(data.path, "fvc-iso/valid/fvc2002/DB1_B");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".iso"))
      .sort();
    const templates = files.map((f) => ({
      finger: f.split("_")[0],
      template: prepareTemplate(readTemplate(readFileSync(path.join(dir, f)))),
    }));
    const genuine: number[] = [];
    const impostor: number[] = [];
    for (let i = 0; i < templates.length; i++)
      for (let j = i + 1; j < templates.length; j++) {
        const a = templates[i] as (typeof templates)[number];
        const b = templates[j] as (typeof templates)[number];
        (a.finger === b.finger ? genuine : impostor).push(compareTemplates(a.template, b.template));
      }
    expect(genuine).toHaveLength(280);
    expect(impostor).toHaveLength(2880);
    const rates = errorRates({ genuine, impostor });
    expect(rates.eer).toBeLessThan(0.035);
    expect(rates.fnmrAtFmr1).toBeLessThan(0.05);
  });
});
