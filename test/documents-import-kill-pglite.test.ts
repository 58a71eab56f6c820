import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createStorage } from "../src/storage/db.ts";
import { cliEnv, killWhen, runToEnd, spawnCli, tempDir } from "./import-kill.ts";

/*
 * The embedded twin of documents-import-kill.test.ts: `fusion import documents` on a PGlite data
 * directory, killed with SIGKILL in the middle and run again, leaves every good row exactly once.
 * No second process can watch an embedded database, so the kill waits for the rejects file, which
 * grows as the import reads (one bad row in each thousand); the database is opened once the
 * process is gone.
 */

const ROWS = 30_000;
const isBad = (i: number) => i % 1000 === 500;
const GOOD = ROWS - ROWS / 1000;

const rejectLines = (file: string) =>
  existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).length : 0;

async function counts(dataDir: string) {
  const storage = await createStorage({ kind: "pglite", dataDir });
  try {
    const one = async (q: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await q.execute(storage.db)).rows[0]?.n ?? 0);
    return {
      rows: await one(sql<{ n: number }>`SELECT count(*) AS n FROM travel_documents`),
      distinct: await one(sql<{ n: number }>`SELECT count(DISTINCT number_norm) AS n FROM travel_documents`),
      created: await one(
        sql<{
          n: number;
        }>`SELECT coalesce(sum((detail->>'created')::int), 0) AS n FROM audit_log WHERE action = 'document.import.batch'`,
      ),
    };
  } finally {
    await storage.close();
  }
}

describe("travel documents import on PGlite killed with SIGKILL and run again", () => {
  it("leaves every good row exactly once", async () => {
    const dir = tempDir("fusion-dkill-pglite-");
    const file = path.join(dir, "documents.csv");
    const lines = ["number,country,type,status"];
    for (let i = 1; i <= ROWS; i++)
      lines.push(`FR${String(i).padStart(8, "0")},FRA,passport,${isBad(i) ? "gone" : "stolen"}`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    const rejects = `${file}.rejects.jsonl`;
    // Without DATABASE_URL the CLI opens the embedded database in DATA_DIR.
    const env = { ...cliEnv, DATABASE_URL: undefined, DATA_DIR: path.join(dir, "data") };
    const runImport = () => spawnCli(["import", "documents", file, "--as", "FR"], env);

    await killWhen(runImport(), () => rejectLines(rejects), 8);
    const killed = await counts(env.DATA_DIR);
    expect(killed.rows).toBeGreaterThan(0);
    expect(killed.rows).toBeLessThan(GOOD);
    // Whole batches only: the rows are exactly those the committed batches' audit rows created.
    expect(killed.created).toBe(killed.rows);

    const last = await runToEnd(runImport());
    expect(last.code, last.stderr).toBe(0);
    expect(await counts(env.DATA_DIR)).toEqual({ rows: GOOD, distinct: GOOD, created: GOOD });
  });
});
