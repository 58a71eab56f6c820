import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import type { Deps } from "../deps.ts";
import { createServices } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";

/*
 * `fusion screen` on the embedded database: one traveller as JSON, a manifest as one JSON object per
 * passenger (unreadable rows reported with their reasons), and what a country outside the
 * distribution gets (nothing).
 */

const bureau = (country: string): Actor => ({
  ...systemActor(country),
  role: "ncb_officer",
  isSecretariat: false,
});
const envelope = (distribution: "all" | "only", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});

describe("fusion screen", () => {
  const env = {
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-screen-")),
    FUSION_DEMO: "true",
    LOG_LEVEL: "silent",
  };
  let deps: Deps;

  beforeAll(async () => {
    expect((await runFusion(env, "migrate")).code).toBe(0);
    deps = await bootstrap(loadConfig(env));
    const services = createServices(deps);
    await services.records.create(bureau("FR"), {
      schema: "Person",
      properties: { name: ["Karim Benali"], birthDate: ["1984-02-17"], nationality: ["DZ"] },
      envelope: envelope("only", ["US"]),
      source: "Case file 2026/12",
    });
    await services.documents.create(bureau("FR"), {
      number: "18FV02281",
      country: "FRA",
      type: "passport",
      status: "stolen",
    });
    // The CLI opens the same embedded database: this process lets go of it first.
    await deps.storage.close();
  });

  it("prints one JSON object with the hits, best first, for a country inside the distribution", async () => {
    const r = await runFusion(
      env,
      "screen",
      "--name",
      "BENALI Karim",
      "--dob",
      "1984-02-17",
      "--as",
      "US",
      "--json",
    );
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as {
      hit: boolean;
      hits: { match: boolean; kind: string; score: number }[];
    };
    expect(out.hit).toBe(true);
    expect(out.hits[0]).toMatchObject({ match: true, kind: "person" });
    const scores = out.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("gives a country outside the distribution nothing", async () => {
    const r = await runFusion(
      env,
      "screen",
      "--name",
      "Karim Benali",
      "--dob",
      "1984-02-17",
      "--as",
      "KE",
      "--json",
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ hit: false, hits: [] });
  });

  it("screens a manifest: one line per passenger with its id, unreadable rows with their reasons", async () => {
    const file = path.join(env.DATA_DIR, "flight.csv");
    writeFileSync(
      file,
      [
        "id,name,date_of_birth,nationality,sex,document_number,document_country",
        "A1,Karim Benali,1984-02-17,DZ,M,,",
        "A2,Jane Doe,1990-02-30,GB,F,,",
        "A3,John Roe,1970-01-01,GB,M,18FV0228I,FRA",
      ].join("\n"),
    );
    const r = await runFusion(env, "screen", "--file", file, "--as", "US", "--json");
    expect(r.code, r.err).toBe(0);
    const lines = r.out
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; hit?: boolean; problems?: unknown[] });
    expect(lines.map((l) => l.id)).toEqual(["A1", "A2", "A3"]);
    expect(lines[0]?.hit).toBe(true);
    expect(lines[1]?.problems?.length).toBeGreaterThan(0);
    // The stolen passport, read with I for 1.
    expect(lines[2]?.hit).toBe(true);
  });

  it("refuses a traveller it cannot read, saying which field", async () => {
    const r = await runFusion(env, "screen", "--name", "A B", "--dob", "1990-13-45", "--json");
    expect(r.code).toBe(1);
    expect(r.err).toContain("dateOfBirth");
  });
});
