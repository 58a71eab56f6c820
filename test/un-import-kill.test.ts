import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, killEach, runToEnd, spawnCli, tempDir, withThrowawayDatabase } from "./import-kill.ts";

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

describe.skipIf(!url)("UN list import killed with SIGKILL and run again", () => {
  const db = withThrowawayDatabase(url, `fusion_kill_${process.pid}`);
  const { count } = db;
  const listings = () => count("SELECT count(*) AS n FROM un_listings");

  it("leaves one subject record per listed person and entity, and no orphan", async () => {
    const env = { ...cliEnv, DATABASE_URL: db.url, DATA_DIR: tempDir("fusion-kill-") };
    const runImport = () => spawnCli(["import", "un-list", UN_LIST], env);

    // Kill twice, each time once the import is well under way (more entries than the last time).
    const killedAt = await killEach(runImport, listings, [60, 200]);
    expect(killedAt[0]).toBeGreaterThanOrEqual(60);
    expect(killedAt[0]).toBeLessThan(LISTED);

    const last = await runToEnd(runImport());
    expect(last.code, last.stderr).toBe(0);

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
