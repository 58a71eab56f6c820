import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../../test/cli-runner.ts";
import { defaultReviewAt } from "../../shared/envelope/envelope.sql.ts";

describe("fusion import documents and fusion export documents", () => {
  it("imports as the acting country, writes the rejects, re-runs idempotently and exports what a country sees", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-docs-cli-"));
    const env = { DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent" };
    const file = path.join(dir, "sltd.csv");
    writeFileSync(
      file,
      [
        "number,country,type,status,event_date,reported_date,blank",
        "KE1000001,KEN,passport,stolen,2026-01-05,2026-01-06,no",
        "KE1000002,KEN,id_card,lost,,,",
        "FR1000003,FRA,passport,stolen,,,",
        "KE1000004,KEN,passport,stolen,2026-13-01,,",
        "",
      ].join("\n"),
    );
    const first = await runFusion(env, "import", "documents", file, "--as", "KE");
    expect([first.code, first.err]).toEqual([0, ""]);
    expect(first.out.split("\n")[0]).toBe("4 rows: 2 created, 0 updated, 0 unchanged, 2 rejected");
    const rejects = readFileSync(`${file}.rejects.jsonl`, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rejects).toEqual([
      {
        line: 4,
        reason: "country: documents issued by FRA are entered by FR only, not by KE",
        raw: "FR1000003,FRA,passport,stolen,,,",
      },
      { line: 5, reason: "eventDate: Invalid ISO date", raw: "KE1000004,KEN,passport,stolen,2026-13-01,," },
    ]);

    const again = await runFusion(
      env,
      "import",
      "documents",
      file,
      "--as",
      "KE",
      "--rejects",
      path.join(dir, "r2"),
    );
    expect(again.out.split("\n")[0]).toBe("4 rows: 0 created, 0 updated, 2 unchanged, 2 rejected");

    // The CLI runs on the real clock: documents are due for review ten years from today.
    const review = defaultReviewAt(new Date(), 10);
    const csv = await runFusion(env, "export", "documents", "--format", "csv", "--as", "FR");
    expect(csv.code).toBe(0);
    expect(csv.out.split("\n")).toEqual([
      "number,country,type,status,blank,event_date,reported_date,owner,distribution,distribution_countries,review_at",
      `KE1000001,KEN,passport,stolen,false,2026-01-05,2026-01-06,KE,all,,${review}`,
      `KE1000002,KEN,id_card,lost,false,,,KE,all,,${review}`,
    ]);
    const jsonl = await runFusion(env, "export", "documents");
    expect(jsonl.out.split("\n").map((l) => JSON.parse(l).number)).toEqual(["KE1000001", "KE1000002"]);
    const ftm = await runFusion(env, "export", "documents", "--format", "ftm", "--as", "FR");
    const [passport, card] = ftm.out.split("\n").map((l) => JSON.parse(l));
    expect([passport.schema, passport.properties]).toEqual([
      "Passport",
      {
        number: ["KE1000001"],
        country: ["ke"],
        type: ["passport"],
        summary: ["stolen; reported 2026-01-06"],
        date: ["2026-01-05"],
      },
    ]);
    expect([card.schema, card.properties.summary, card.fusion.envelope.owner]).toEqual([
      "Identification",
      ["lost"],
      "KE",
    ]);

    const bad = await runFusion(env, "import", "documents", file, "--as", "ZZ");
    expect([bad.code, bad.err]).toEqual([1, "error: --as ZZ: not a member country code"]);
  });
});
