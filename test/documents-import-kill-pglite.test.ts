import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createStorage } from "../src/storage/db.ts";

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

function runImport(file: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/index.ts", "import", "documents", file, "--as", "FR"],
    { env: embedded({ ...process.env, ...env }), stdio: ["ignore", "pipe", "pipe"] },
  );
}

/** The environment without DATABASE_URL: the CLI then opens the embedded database in DATA_DIR. */
function embedded(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
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
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-dkill-pglite-"));
    const file = path.join(dir, "documents.csv");
    const lines = ["number,country,type,status"];
    for (let i = 1; i <= ROWS; i++)
      lines.push(`FR${String(i).padStart(8, "0")},FRA,passport,${isBad(i) ? "gone" : "stolen"}`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    const rejects = `${file}.rejects.jsonl`;
    const env = {
      DATA_DIR: path.join(dir, "data"),
      FUSION_DEMO: "true",
      FUSION_SECRET_KEY: "cd".repeat(32),
      LOG_LEVEL: "silent",
    };

    const child = runImport(file, env);
    const done = exited(child);
    while (rejectLines(rejects) < 8) {
      if (child.exitCode !== null) throw new Error("the import ended before it was killed");
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await done;
    const killed = await counts(env.DATA_DIR);
    expect(killed.rows).toBeGreaterThan(0);
    expect(killed.rows).toBeLessThan(GOOD);
    // Whole batches only: the rows are exactly those the committed batches' audit rows created.
    expect(killed.created).toBe(killed.rows);

    const last = runImport(file, env);
    let stderr = "";
    last.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    expect(await exited(last), stderr).toBe(0);
    expect(await counts(env.DATA_DIR)).toEqual({ rows: GOOD, distinct: GOOD, created: GOOD });
  });
});
