import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, killEach, runToEnd, spawnCli, tempDir, withThrowawayDatabase } from "./import-kill.ts";

/*
 * `fusion import documents`, killed with SIGKILL in the middle and run again, leaves every document
 * of the file exactly once: each batch (its rows, change-feed rows and audit row) commits in one
 * transaction, and the re-run upserts by the natural key.
 *
 * Runs where a second process can watch the database while the import writes: on PostgreSQL
 * (always in CI). The embedded database is one process's alone.
 */

const ROWS = 60_000;
const BAD = [17, 30_001]; // rows written with an unknown status: rejected on every run
const BATCH = 1000;
const url = process.env.DATABASE_URL;

function writeFile(dir: string): string {
  const file = path.join(dir, "documents.csv");
  const lines = ["number,country,type,status,event_date"];
  for (let i = 1; i <= ROWS; i++)
    lines.push(
      `FR${String(i).padStart(8, "0")},FRA,passport,${BAD.includes(i) ? "gone" : "stolen"},2025-03-01`,
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe.skipIf(!url)("travel documents import killed with SIGKILL and run again", () => {
  const db = withThrowawayDatabase(url, `fusion_dkill_${process.pid}`);
  const { count } = db;
  const documents = () => count("SELECT count(*) AS n FROM travel_documents");
  const createdByBatches = () =>
    count("SELECT sum((detail->>'created')::int) AS n FROM audit_log WHERE action = 'document.import.batch'");

  it("leaves every good row exactly once, and whole batches only", async () => {
    const dir = tempDir("fusion-dkill-");
    const file = writeFile(dir);
    const env = { ...cliEnv, DATABASE_URL: db.url, DATA_DIR: dir };
    const runImport = () => spawnCli(["import", "documents", file, "--as", "FR"], env);

    const killedAt = await killEach(runImport, documents, [5_000, 20_000]);
    expect(killedAt[1]).toBeLessThan(ROWS - BAD.length);
    // Nothing half-written: each batch holds 1000 good rows and commits whole with its audit row.
    expect(killedAt.map((n) => n % BATCH)).toEqual([0, 0]);
    expect(await createdByBatches()).toBe(killedAt[1]);

    const last = await runToEnd(runImport());
    expect(last.code, last.stderr).toBe(0);

    expect(await documents()).toBe(ROWS - BAD.length);
    expect(await count("SELECT count(DISTINCT number_norm) AS n FROM travel_documents")).toBe(
      ROWS - BAD.length,
    );
    // Every document was created once across all runs: the batches' audit rows add up to the file.
    expect(await createdByBatches()).toBe(ROWS - BAD.length);
    expect(
      await count(
        "SELECT count(DISTINCT entity_id) AS n FROM change_feed WHERE entity_type = 'travel_document'",
      ),
    ).toBe(ROWS - BAD.length);
    const rejects = readFileSync(`${file}.rejects.jsonl`, "utf8").trim().split("\n");
    expect(rejects.map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(BAD.map((i) => i + 1));
  });
});
