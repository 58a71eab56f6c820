import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, killEach, runToEnd, spawnCli, tempDir, withThrowawayDatabase } from "./import-kill.ts";

/*
 * `fusion import persons`, killed with SIGKILL in the middle and run again, leaves every person of
 * the file exactly once, with its values' statements once: each batch (records, statements,
 * change-feed rows and audit row) commits in one transaction, and the re-run upserts by
 * (owner, reference).
 *
 * Runs where a second process can watch the database while the import writes: on PostgreSQL
 * (always in CI). The embedded database is one process's alone.
 */

const ROWS = 30_000;
const BAD = [17, 15_001]; // rows with an impossible date of birth: rejected on every run
const BATCH = 1000;
const url = process.env.DATABASE_URL;

function writeFile(dir: string): string {
  const file = path.join(dir, "persons.csv");
  const lines = ["reference,name,aliases,date_of_birth,nationality,sex"];
  for (let i = 1; i <= ROWS; i++)
    lines.push(
      `FR-P${i},Person NUMBER${i},P. ${i}|Number ${i},${BAD.includes(i) ? "1985-02-30" : "1985-02-14"},FR,M`,
    );
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe.skipIf(!url)("persons import killed with SIGKILL and run again", () => {
  const db = withThrowawayDatabase(url, `fusion_pkill_${process.pid}`);
  const { count } = db;
  // The demo data's records have no reference: only the imported ones are counted.
  const persons = () => count("SELECT count(*) AS n FROM records WHERE reference IS NOT NULL");
  const createdByBatches = () =>
    count("SELECT sum((detail->>'created')::int) AS n FROM audit_log WHERE action = 'record.import.batch'");

  it("leaves every good person exactly once, and whole batches only", async () => {
    const dir = tempDir("fusion-pkill-");
    const file = writeFile(dir);
    const env = { ...cliEnv, DATABASE_URL: db.url, DATA_DIR: dir };
    const runImport = () => spawnCli(["import", "persons", file, "--as", "FR"], env);

    const killedAt = await killEach(runImport, persons, [3_000, 12_000]);
    expect(killedAt[1]).toBeLessThan(ROWS - BAD.length);
    // Nothing half-written: each batch holds 1000 good rows and commits whole with its audit row.
    expect(killedAt.map((n) => n % BATCH)).toEqual([0, 0]);
    expect(await createdByBatches()).toBe(killedAt[1]);

    const last = await runToEnd(runImport());
    expect(last.code, last.stderr).toBe(0);

    expect(await persons()).toBe(ROWS - BAD.length);
    expect(
      await count("SELECT count(DISTINCT reference) AS n FROM records WHERE reference IS NOT NULL"),
    ).toBe(ROWS - BAD.length);
    // Six values a person (name, two aliases, date of birth, nationality, gender), each stated once.
    expect(
      await count(
        "SELECT count(*) AS n FROM record_statements s JOIN records r ON r.id = s.record_id WHERE r.reference IS NOT NULL",
      ),
    ).toBe((ROWS - BAD.length) * 6);
    // Every person was created once across all runs: the batches' audit rows add up to the file.
    expect(await createdByBatches()).toBe(ROWS - BAD.length);
    expect(
      await count(
        "SELECT count(*) AS n FROM change_feed f JOIN records r ON r.id::text = f.entity_id WHERE f.entity_type = 'record' AND r.reference IS NOT NULL",
      ),
    ).toBe(ROWS - BAD.length);
    const rejects = readFileSync(`${file}.rejects.jsonl`, "utf8").trim().split("\n");
    expect(rejects.map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(BAD.map((i) => i + 1));
  });
});
