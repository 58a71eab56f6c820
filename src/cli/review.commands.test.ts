import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { addMonths, isoDay } from "../features/review/review.schema.ts";
import { createServices } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";

const bureau = (country: string): Actor => ({
  ...systemActor(country),
  role: "ncb_officer",
  isSecretariat: false,
});
const env = (reviewAt: string) => ({
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
  reviewAt,
});

describe("fusion review report", () => {
  it("prints each bureau's counts per type (one bureau with --as)", async () => {
    const dir = {
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
      FUSION_DEMO: "true",
      LOG_LEVEL: "silent",
    };
    expect((await runFusion(dir, "migrate")).code).toBe(0);
    const deps = await bootstrap(loadConfig(dir));
    const services = createServices(deps);
    // The CLI runs on the real clock: dates far from the window's edges keep the counts exact.
    const today = isoDay(new Date());
    const inAMonth = addMonths(today, 1);
    const person = (actor: Actor, name: string, reviewAt: string) =>
      services.records.create(actor, {
        schema: "Person",
        properties: { name: [name] },
        envelope: env(reviewAt),
        source: "file",
      });
    await person(bureau("FR"), "Old", "2000-01-01");
    await person(bureau("FR"), "Soon", inAMonth);
    await person(bureau("FR"), "Far", "2099-01-01");
    const gun = { make: "Glock", type: "pistol", status: "stolen" } as const;
    await services.firearms.create(bureau("FR"), { ...gun, serialNumber: "FR-1", envelope: env(inAMonth) });
    await services.firearms.create(bureau("KE"), {
      ...gun,
      serialNumber: "KE-1",
      envelope: env("2000-01-01"),
    });
    await deps.storage.close();

    const dueBy = addMonths(today, 4);
    const table = (cc: string, rows: string[]) => [
      `${cc}: review as of ${today}, due by ${dueBy}`,
      "type             overdue     due   later",
      ...rows,
    ];
    const fr = await runFusion(dir, "review", "report", "--as", "fr");
    expect(fr.code).toBe(0);
    const frLines = [
      "records                1       1       1",
      "travel_documents       0       0       0",
      "firearms               0       1       0",
      "vehicles               0       0       0",
      "cbrne_materials        0       0       0",
    ];
    expect(fr.out.split("\n")).toEqual(table("FR", frLines));
    const all = await runFusion(dir, "review", "report");
    expect(all.out.split("\n")).toEqual([
      ...table("FR", frLines),
      ...table("KE", [
        "records                0       0       0",
        "travel_documents       0       0       0",
        "firearms               1       0       0",
        "vehicles               0       0       0",
        "cbrne_materials        0       0       0",
      ]),
    ]);
    const bad = await runFusion(dir, "review", "report", "--as", "ZZ");
    expect(bad).toMatchObject({ code: 1, err: "error: --as ZZ: not a member country code" });
  });
});
