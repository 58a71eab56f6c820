import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { runFusion } from "../../../test/cli-runner.ts";
import { createStorage } from "../../storage/db.ts";

const fusion = runFusion;

const createUser = (env: NodeJS.ProcessEnv, username: string) =>
  fusion(
    env,
    "users",
    "create",
    "--username",
    username,
    "--role",
    "ncb_officer",
    "--country",
    "DE",
    "--password",
    "a long enough password",
  );

describe("fusion audit checkpoint and fusion audit verify", () => {
  it("anchor the trail outside the database and report the newest rows cut", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fusion-audit-cli-"));
    const env = { DATA_DIR: dir, FUSION_DEMO: "true", LOG_LEVEL: "silent" };
    for (const name of ["cli.one", "cli.two"]) expect((await createUser(env, name)).code).toBe(0);

    const signed = await fusion(env, "audit", "checkpoint");
    expect(signed.code, signed.err).toBe(0);
    const cp = JSON.parse(readFileSync(path.join(dir, "audit-checkpoints.jsonl"), "utf8").trim());
    expect(signed.out).toContain(
      `audit checkpoint signed: seq ${cp.seq} (${cp.count} rows), key ${cp.keyId}`,
    );
    const intact = await fusion(env, "audit", "verify");
    expect(intact.code).toBe(0);
    expect(intact.out).toContain(`signed checkpoints agree: 1 checked, the latest vouches for seq ${cp.seq}`);

    // The insider: straight into the database, guard off, newest rows gone.
    const storage = await createStorage({ kind: "pglite", dataDir: dir });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(storage.db);
    await sql`DELETE FROM audit_log WHERE seq >= ${cp.seq}`.execute(storage.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(storage.db);
    const head = await storage.db
      .selectFrom("audit_log")
      .select((eb) => [eb.fn.max("seq").as("seq"), eb.fn.countAll<number>().as("rows")])
      .executeTakeFirst();
    await storage.close();

    const cut = await fusion(env, "audit", "verify");
    expect(cut.code).toBe(3);
    expect(cut.out).toBe("");
    expect(cut.err.split("\n")).toEqual([
      `truncated: rows after seq ${head?.seq} missing (the checkpoint signed at ${cp.at} vouches for seq ${cp.seq} and ${cp.count} rows; the table ends at seq ${head?.seq} with ${head?.rows} rows)`,
    ]);
  }, 120_000); // several opens of a fresh embedded database
});
