import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { createServices } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";

const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const bureau = (country: string): Actor => ({
  ...systemActor(country),
  role: "ncb_officer",
  isSecretariat: false,
});

describe("fusion export firearms|vehicles|materials", () => {
  it("writes what the acting country may see to standard output, as JSON lines or CSV", async () => {
    const env = {
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
      FUSION_DEMO: "true",
      LOG_LEVEL: "silent",
    };
    expect((await runFusion(env, "migrate")).code).toBe(0);
    const deps = await bootstrap(loadConfig(env));
    const services = createServices(deps);
    const gun = { make: "Glock", type: "pistol", status: "stolen" } as const;
    await services.firearms.create(bureau("FR"), { ...gun, serialNumber: "OPEN-1", envelope });
    await services.firearms.create(bureau("FR"), {
      ...gun,
      serialNumber: "SECRET-2",
      envelope: { ...envelope, distribution: "only", distributionCountries: ["US"] },
    });
    await services.vehicles.create(bureau("FR"), {
      vin: "1M8GDM9AXKP042788",
      make: "Ford",
      status: "stolen",
      envelope,
    });
    await deps.storage.close();

    const ke = await runFusion(env, "export", "firearms", "--as", "KE");
    expect(ke.code).toBe(0);
    expect(ke.out.split("\n").map((l) => JSON.parse(l).serialNumber)).toEqual(["OPEN-1"]);
    const us = await runFusion(env, "export", "firearms", "--as", "us", "--format", "csv");
    const [header, ...rows] = us.out.split("\n");
    expect(header).toBe(
      "id,serial_number,make,model,calibre,type,country_of_manufacture,status,event_date,owner,distribution,distribution_countries,handling_code,review_at",
    );
    expect(rows.map((r) => r.split(",")[1]).sort()).toEqual(["OPEN-1", "SECRET-2"]);
    const gs = await runFusion(env, "export", "vehicles");
    expect(JSON.parse(gs.out)).toMatchObject({ vin: "1M8GDM9AXKP042788", envelope: { owner: "FR" } });
    expect((await runFusion(env, "export", "materials", "--as", "KE")).out).toBe("");
    const bad = await runFusion(env, "export", "firearms", "--as", "ZZ");
    expect(bad).toMatchObject({ code: 1, err: "error: --as ZZ: not a member country code" });
    const xml = await runFusion(env, "export", "vehicles", "--format", "xml");
    expect(xml).toMatchObject({ code: 1, err: "error: --format xml: expected jsonl, csv or ftm" });

    // FtM entities: the schema, FtM's properties plus ours in its style, the envelope under `fusion`.
    const ftm = await runFusion(env, "export", "firearms", "--as", "KE", "--format", "ftm");
    const [firearm, ...more] = ftm.out.split("\n").map((l) => JSON.parse(l));
    expect(more).toEqual([]);
    expect(firearm).toMatchObject({
      schema: "Firearm",
      properties: { name: ["Glock"], serialNumber: ["OPEN-1"], weaponType: ["pistol"], status: ["stolen"] },
      fusion: { envelope: { owner: "FR", distribution: "all" } },
    });
    expect(firearm.id).toMatch(/^firearm-[0-9a-f-]{36}$/);
    const vehicle = JSON.parse((await runFusion(env, "export", "vehicles", "--format", "ftm")).out);
    expect(vehicle).toMatchObject({
      schema: "Vehicle",
      properties: { name: ["Ford"], vin: ["1M8GDM9AXKP042788"], status: ["stolen"] },
    });
    expect(vehicle.properties.registrationNumber).toBeUndefined();
  });
});
