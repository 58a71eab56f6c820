import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createStorage } from "../src/storage/db.ts";
import { runFusion } from "./cli-runner.ts";

const fusion = runFusion;

const freshEnv = (): NodeJS.ProcessEnv => ({
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "fusion-cli-")),
  FUSION_DEMO: "true",
  LOG_LEVEL: "silent",
});

describe("fusion CLI", () => {
  it("prints help through npx", () => {
    const help = execFileSync("npx", ["fusion", "--help"], { encoding: "utf8" });
    for (const cmd of ["serve", "migrate", "seed-demo", "users", "clients", "audit", "backup", "restore"])
      expect(help).toContain(cmd);
  });

  it("manages users and clients, verifies the audit trail, backs up and restores into an empty data directory", async () => {
    const env = freshEnv();
    expect((await fusion(env, "migrate")).code).toBe(0);
    const created = await fusion(
      env,
      "users",
      "create",
      "--username",
      "cli.officer",
      "--role",
      "ncb_officer",
      "--country",
      "DE",
      "--password",
      "a long enough password",
    );
    expect(created.code).toBe(0);
    expect(
      (
        await fusion(
          env,
          "users",
          "create",
          "--username",
          "cli.x",
          "--role",
          "king",
          "--country",
          "DE",
          "--password",
          "a long enough password",
        )
      ).code,
    ).not.toBe(0);
    const dup = await fusion(
      env,
      "users",
      "create",
      "--username",
      "cli.officer",
      "--role",
      "ncb_officer",
      "--country",
      "DE",
      "--password",
      "a long enough password",
    );
    expect(dup.code).toBe(1);
    expect(dup.err).toContain("taken");
    const client = await fusion(
      env,
      "clients",
      "create",
      "--name",
      "Frankfurt airport",
      "--role",
      "border_officer",
      "--country",
      "DE",
      "--scopes",
      "screening:check",
    );
    expect(client.out).toMatch(/token \(shown once.*fsn_/);
    const clientId = /created client ([0-9a-f-]+)/.exec(client.out)?.[1];
    expect((await fusion(env, "clients", "revoke", clientId!)).code).toBe(0);
    expect((await fusion(env, "users", "reset-totp", "cli.officer")).out).toContain("otpauth://");
    expect((await fusion(env, "users", "disable", "cli.officer")).code).toBe(0);
    expect((await fusion(env, "seed-demo")).out).toContain("DEMO CREDENTIALS");
    const verify = await fusion(env, "audit", "verify");
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/intact: \d+ rows/);

    const file = path.join(env.DATA_DIR!, "..", `backup-${Date.now()}.fbk`);
    expect((await fusion(env, "backup", file)).code).toBe(0);
    // The backup is audited in the source: by the operator, naming the file and the rows per table
    // (the CLI account and the 11 demo accounts; its client and the 3 demo clients).
    const source = await createStorage({ kind: "pglite", dataDir: env.DATA_DIR });
    const audited = await source.db
      .selectFrom("audit_log")
      .select(["action", "actor_username", "actor_role", "detail"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    await source.close();
    expect(audited).toMatchObject({
      action: "system.backup",
      actor_username: "system",
      actor_role: "admin",
      detail: { file: path.resolve(file), tables: { users: 12, api_clients: 4 } },
    });
    const target = freshEnv();
    const restored = await fusion(target, "restore", file);
    expect(restored.code, restored.err).toBe(0);
    const users = await fusion(target, "users", "list");
    expect(users.out).toContain("cli.officer");
    expect(users.out).toContain("fr.officer");
    expect((await fusion(target, "audit", "verify")).out).toContain("intact");
    const restoredAudit = await createStorage({ kind: "pglite", dataDir: target.DATA_DIR });
    const last = await restoredAudit.db
      .selectFrom("audit_log")
      .select(["action", "actor_username"])
      .where("action", "like", "system.%")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    await restoredAudit.close();
    expect(last).toEqual({ action: "system.restore", actor_username: "system" });
    expect((await fusion(target, "restore", file)).err).toContain("not empty");
  }, 180_000); // a dozen fresh embedded databases: slow on a loaded 2-core machine
});
