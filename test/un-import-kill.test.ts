import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "./global-setup.ts";

/*
 * `fusion import un-list`, killed with SIGKILL in the middle and run again, leaves exactly one
 * subject record per listed person and entity. Each entry's subject record, notice, history,
 * listing and audit row commit in one transaction; before, the subject was committed on its own
 * and a kill between the two left an orphan that the re-run duplicated.
 *
 * Runs where a second process can watch the database while the import writes: on PostgreSQL
 * (always in CI). The embedded database is one process's alone.
 */

const UN_LIST = path.resolve("reference/un/un-sc-consolidated-2024-09-26.xml.gz");
// The ISIL/Al-Qaida and Taliban entries of the 2024-09-26 list (see notices.un-import.test.ts).
const LISTED = 484;
const url = process.env.DATABASE_URL;

/** The CLI as one process (tsx as a loader, not its wrapper, which would leave a child behind a kill). */
function runImport(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "import", "un-list", UN_LIST], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe.skipIf(!url)("UN list import killed with SIGKILL and run again", () => {
  const name = `fusion_kill_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  const dbUrl = url ? withDatabase(url, name) : "";
  let watch: pg.Client;

  afterAll(async () => {
    await watch?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  const count = async (q: string) => Number((await watch.query(q)).rows[0]?.n ?? 0);
  const listings = () => count("SELECT count(*) AS n FROM un_listings");

  it("leaves one subject record per listed person and entity, and no orphan", async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    watch = new pg.Client({ connectionString: dbUrl });
    await watch.connect();
    const env = {
      DATABASE_URL: dbUrl,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-kill-")),
      FUSION_DEMO: "true",
      FUSION_SECRET_KEY: "cd".repeat(32),
      LOG_LEVEL: "silent",
    };

    // Kill twice, each time once the import is well under way (more entries than the last time).
    const killedAt: number[] = [];
    for (const atLeast of [60, 200]) {
      const child = runImport(env);
      const done = exited(child);
      for (;;) {
        const n = await listings();
        if (n >= atLeast) break;
        if (child.exitCode !== null) throw new Error(`the import ended before it was killed (${n} entries)`);
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill("SIGKILL");
      await done;
      killedAt.push(await listings());
    }
    expect(killedAt[0]).toBeGreaterThanOrEqual(60);
    expect(killedAt[0]).toBeLessThan(LISTED);

    const last = runImport(env);
    let stderr = "";
    last.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    expect(await exited(last), stderr).toBe(0);

    expect(await listings()).toBe(LISTED);
    expect(await count("SELECT count(*) AS n FROM notices WHERE type = 'un_special'")).toBe(LISTED);
    // One subject record per listed person and entity, each the subject of its own notice.
    expect(await count("SELECT count(*) AS n FROM records WHERE owner = 'XU'")).toBe(LISTED);
    expect(
      await count(`SELECT count(*) AS n FROM records r
        WHERE r.owner = 'XU' AND NOT EXISTS (
          SELECT 1 FROM notices n WHERE n.subject_record_id = r.id AND n.id = r.subject_of_notice)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM (
        SELECT subject_record_id FROM notices WHERE type = 'un_special'
        GROUP BY subject_record_id HAVING count(*) > 1) d`),
    ).toBe(0);
  });
});
