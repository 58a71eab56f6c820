import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";

describe("fusion export persons", () => {
  it("exports what the acting country may see as FtM, JSON Lines or CSV, with formulas defused", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-cli-"));
    const env = { DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent" };
    expect((await runFusion(env, "migrate")).code).toBe(0);
    const file = path.join(dir, "fr.csv");
    writeFileSync(
      file,
      [
        "reference,name,aliases,date_of_birth,nationality,sex,topics",
        "FR-1,Jean EXPORT,=cmd|J. Export,circa 1970,FR,M,terrorism",
        "FR-2,Range PERSON,,1966-1968,FR,F,",
      ].join("\n"),
    );
    expect((await runFusion(env, "import", "persons", file, "--as", "FR")).code).toBe(0);

    const ftm = await runFusion(env, "export", "persons", "--as", "FR");
    const entities = ftm.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(entities.map((e) => e.properties.name[0]).sort()).toEqual(["Jean EXPORT", "Range PERSON"]);
    const range = entities.find((e) => e.properties.name[0] === "Range PERSON");
    expect(range.properties.birthDate).toEqual(["1966", "1967", "1968"]);

    const csv = await runFusion(env, "export", "persons", "--as", "FR", "--format", "csv");
    const lines = csv.out.trim().split("\n");
    expect(lines[0]).toBe(
      "reference,name,aliases,weak_aliases,date_of_birth,place_of_birth,nationality,sex,topics,schema,owner,distribution,distribution_countries,review_at",
    );
    // A value a spreadsheet would run as a formula is written as text.
    expect(lines.find((l) => l.startsWith("FR-1,"))).toMatch(
      /^FR-1,Jean EXPORT,'=cmd\|J\. Export,,1970~,,FR,M,crime\.terror,Person,FR,all,,\d{4}-\d{2}-\d{2}$/,
    );
    // Another bureau sees the records distributed to all; nothing when the format is unknown.
    expect((await runFusion(env, "export", "persons", "--as", "KE", "--format", "jsonl")).out).toContain(
      '"reference":"FR-2"',
    );
    const bad = await runFusion(env, "export", "persons", "--format", "xml");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--format xml: expected ftm, jsonl or csv");
  });
});
