import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../test/cli-runner.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { createServices } from "../services.ts";
import { type Actor, systemActor } from "../shared/actor.ts";

const bureau = (country: string): Actor => ({
  ...systemActor(country),
  role: "ncb_officer",
  isSecretariat: false,
});
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe("fusion resolve", () => {
  it("suggests, judges, exports what --as may see, and undoes", async () => {
    const env = {
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
      FUSION_DEMO: "true",
      LOG_LEVEL: "silent",
    };
    expect((await runFusion(env, "migrate")).code).toBe(0);
    const deps = await bootstrap(loadConfig(env));
    const records = createServices(deps).records;
    const a = await records.create(bureau("FR"), {
      schema: "Person",
      properties: { name: ["Aleksandr Kadyrov"], birthDate: ["1979-04-02"] },
      envelope,
      source: "FR file",
    });
    const b = await records.create(bureau("RU"), {
      schema: "Person",
      properties: { name: ["Кадыров Александр"], birthDate: ["1979"] },
      envelope: { ...envelope, distribution: "only", distributionCountries: ["FR"] },
      source: "RU list",
    });
    await deps.storage.close();

    const suggest = await runFusion(env, "resolve", "suggest");
    expect(suggest.code).toBe(0);
    expect(suggest.out).toMatch(/2 records, 1 pairs scored, 1 suggestions/);
    expect(suggest.out).toContain("1 suggestion(s)");
    // KE is outside the Russian record's distribution: no suggestion, no count.
    expect((await runFusion(env, "resolve", "suggest", "--no-run", "--as", "KE")).out).toBe(
      "0 suggestion(s)",
    );

    const judged = await runFusion(env, "resolve", "judge", a.id, b.id, "same", "--as", "FR");
    expect(judged.code).toBe(0);
    expect(judged.out).toMatch(/^judgement 1: positive \(NK-[0-9a-f]{32}\)$/);
    expect((await runFusion(env, "resolve", "judge", a.id, a.id, "same")).code).toBe(1);
    const bad = await runFusion(env, "resolve", "judge", a.id, b.id, "maybe");
    expect([bad.code, bad.err]).toEqual([1, 'error: judgement "maybe": expected same, different or unsure']);

    const fr = await runFusion(env, "resolve", "export", "--as", "FR");
    expect(fr.out.split("\n")).toHaveLength(2);
    expect(JSON.parse(fr.out.split("\n")[0] as string)).toEqual([
      expect.stringMatching(/^NK-/),
      expect.any(String),
      "positive",
      null,
      "system",
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0$/),
    ]);
    expect((await runFusion(env, "resolve", "export", "--as", "KE")).out).toBe("");

    expect((await runFusion(env, "resolve", "undo", "1", "--as", "KE")).code).toBe(1);
    const undone = await runFusion(env, "resolve", "undo", "1", "--as", "FR");
    expect([undone.code, undone.out]).toEqual([0, "undone judgement 1 (positive)"]);
    expect((await runFusion(env, "resolve", "export")).out).toBe("");
  });
});
