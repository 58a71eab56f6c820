import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "./global-setup.ts";

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

/** The CLI as one process (tsx as a loader, not its wrapper, which would leave a child behind a kill). */
function runImport(file: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/index.ts", "import", "persons", file, "--as", "FR"],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe.skipIf(!url)("persons import killed with SIGKILL and run again", () => {
  const name = `fusion_pkill_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  const dbUrl = url ? withDatabase(url, name) : "";
  let watch: pg.Client;

  afterAll(async () => {
    await watch?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  const count = async (q: string) => Number((await watch.query(q)).rows[0]?.n ?? 0);
  // The demo data's records have no reference: only the imported ones are counted.
  const persons = () => count("SELECT count(*) AS n FROM records WHERE reference IS NOT NULL");
  const createdByBatches = () =>
    count("SELECT sum((detail->>'created')::int) AS n FROM audit_log WHERE action = 'record.import.batch'");

  it("leaves every good person exactly once, and whole batches only", async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    watch = new pg.Client({ connectionString: dbUrl });
    await watch.connect();
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-pkill-"));
    const file = writeFile(dir);
    const env = {
      DATABASE_URL: dbUrl,
      DATA_DIR: dir,
      FUSION_DEMO: "true",
      FUSION_SECRET_KEY: "cd".repeat(32),
      LOG_LEVEL: "silent",
    };

    const killedAt: number[] = [];
    for (const atLeast of [3_000, 12_000]) {
      const child = runImport(file, env);
      const done = exited(child);
      for (;;) {
        const n = await persons();
        if (n >= atLeast) break;
        if (child.exitCode !== null) throw new Error(`the import ended before it was killed (${n} rows)`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill("SIGKILL");
      await done;
      killedAt.push(await persons());
    }
    expect(killedAt[1]).toBeLessThan(ROWS - BAD.length);
    // Nothing half-written: each batch holds 1000 good rows and commits whole with its audit row.
    expect(killedAt.map((n) => n % BATCH)).toEqual([0, 0]);
    expect(await createdByBatches()).toBe(killedAt[1]);

    const last = runImport(file, env);
    let stderr = "";
    last.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    expect(await exited(last), stderr).toBe(0);

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
