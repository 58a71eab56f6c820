import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "./cli-runner.ts";

/** `fusion import vehicles|materials FILE --as CC`: the report, the rejects file, an idempotent re-run. */
describe("fusion import vehicles and materials", () => {
  it("imports as the acting country, writes the rejects and re-runs without duplicating", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-objects-cli-"));
    const env = { DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent" };
    const vehicles = path.join(dir, "vehicles.csv");
    writeFileSync(
      vehicles,
      "vin,plate,plate_country,make,status\n1M8GDM9AXKP042788,,,Ford,stolen\n1M8GDM9AXKP042789,,,Ford,stolen\n",
    );
    const materials = path.join(dir, "materials.jsonl");
    writeFileSync(
      materials,
      '{"category":"explosive","description":"TATP","identifier":"LOT 7","country":"KE","event_date":"2026-05-01","status":"seized"}\n',
    );
    const first = await runFusion(env, "import", "vehicles", vehicles, "--as", "KE");
    expect([first.code, first.err]).toEqual([0, ""]);
    expect(first.out.split("\n")[0]).toBe("2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected");
    expect(readFileSync(`${vehicles}.rejects.jsonl`, "utf8")).toBe(
      `${JSON.stringify({ line: 3, reason: "vin: check digit (position 9) is X, expected 1", raw: "1M8GDM9AXKP042789,,,Ford,stolen" })}\n`,
    );
    const again = await runFusion(env, "import", "vehicles", vehicles, "--as", "KE");
    expect(again.out.split("\n")[0]).toBe("2 rows: 0 created, 0 updated, 1 unchanged, 1 rejected");

    const m = await runFusion(env, "import", "materials", materials, "--as", "KE");
    expect(m.out.split("\n")[0]).toBe("1 rows: 1 created, 0 updated, 0 unchanged, 0 rejected");
    const exported = await runFusion(env, "export", "materials", "--as", "KE");
    expect(JSON.parse(exported.out)).toMatchObject({
      identifierNormalized: "LOT7",
      envelope: { owner: "KE" },
    });
    const bad = await runFusion(env, "import", "firearms", vehicles, "--as", "ZZ");
    expect([bad.code, bad.err]).toEqual([1, "error: --as ZZ: not a member country code"]);
  });
});
