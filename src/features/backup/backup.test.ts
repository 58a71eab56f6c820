import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../../test/global-setup.ts";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";
import type { StorageKind } from "../../storage/db.ts";
import { listDatabaseTables } from "./backup.repo.ts";
import { backup, restore } from "./backup.service.ts";
import { backupTables, notBackedUp } from "./backup.tables.ts";

const operator = systemActor("XG");
const tmpFile = (name: string) => path.join(mkdtempSync(path.join(os.tmpdir(), "fusion-backup-")), name);

describe("backup coverage", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("every table is either backed up or deliberately left out", async () => {
    const covered = new Set([...backupTables.map((b) => b.name), ...notBackedUp]);
    const missing = (await listDatabaseTables(t.deps.db)).filter((name) => !covered.has(name));
    expect(missing, "add new tables to backup.tables.ts").toEqual([]);
  });
});

/** A source with two accounts, an API client and their audit rows. */
async function seeded(kind: StorageKind): Promise<TestContext> {
  const t = await createTestContext({ kind });
  const admin = await t.user("fr.keeper", "ncb_admin", "FR");
  await t.user("fr.second", "ncb_officer", "FR");
  await t.services.clients.create(admin, {
    name: "CDG",
    role: "border_officer",
    scopes: ["screening:check"],
  });
  return t;
}

const lastAudit = (t: TestContext) =>
  t.deps.db
    .selectFrom("audit_log")
    .select(["action", "actor_username", "actor_country", "actor_role", "detail"])
    .orderBy("seq", "desc")
    .executeTakeFirstOrThrow();

describe.each(backends)("backup and restore (%s)", (kind) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await seeded(kind);
  });
  afterAll(() => t.close());

  it("audits the backup: who, which file, how many rows per table", async () => {
    const file = tmpFile("audited.fbk");
    const counts = await backup(t.deps, file, { actor: operator });
    expect(counts).toMatchObject({ countries: 200, users: 2, api_clients: 1, audit_log: 3, records: 0 });
    expect(Object.keys(counts)).not.toContain("sessions");
    const row = await lastAudit(t);
    expect(row).toMatchObject({
      action: "system.backup",
      actor_username: "system",
      actor_country: "XG",
      actor_role: "admin",
      detail: { file, createdAt: "2026-06-01T09:00:00.000Z", rows: 200 + 2 + 1 + 3 },
    });
    expect(row.detail.tables).toEqual(counts);
    // The backup's own audit row is not in the snapshot it describes.
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    expect(lines.filter((l) => l.includes('"system.backup"'))).toEqual([]);
  });

  it.each(backends)("restores into an empty %s database; the audit chain verifies", async (targetKind) => {
    const file = tmpFile("cross.fbk");
    const counts = await backup(t.deps, file, { actor: operator });
    const target = await createTestContext({ kind: targetKind });
    try {
      expect(await restore(target.deps, file, { actor: operator })).toEqual(counts);
      const names = await target.deps.db.selectFrom("users").select("username").orderBy("username").execute();
      expect(names.map((n) => n.username)).toEqual(["fr.keeper", "fr.second"]);
      expect(await lastAudit(target)).toMatchObject({
        action: "system.restore",
        actor_username: "system",
        detail: { file, backupCreatedAt: "2026-06-01T09:00:00.000Z", tables: counts },
      });
      const verified = await target.services.audit.verify(operator);
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBe((counts.audit_log ?? 0) + 1);
    } finally {
      await target.close();
    }
  });

  it("a restore that fails half-way leaves the database empty, so it can be run again", async () => {
    const good = tmpFile("good.fbk");
    await backup(t.deps, good);
    const lines = gunzipSync(readFileSync(good)).toString("utf8").trim().split("\n");
    // A valid beginning, then a row the database refuses after some tables went in.
    const bad = tmpFile("bad.fbk");
    const cut = lines.findIndex((l) => l.startsWith('{"t":"api_clients"'));
    const broken = [...lines.slice(0, cut), JSON.stringify({ t: "api_clients", r: { nope: 1 } })];
    writeFileSync(bad, gzipSync(`${broken.join("\n")}\n`));
    const target = await createTestContext({ kind });
    try {
      await expect(restore(target.deps, bad)).rejects.toThrow();
      const users = await target.deps.db.selectFrom("users").select("id").execute();
      expect(users).toEqual([]);
      expect((await restore(target.deps, good)).users).toBe(2);
    } finally {
      await target.close();
    }
  });

  it("a backup that fails leaves no file behind", async () => {
    const file = tmpFile("failed.fbk");
    await expect(
      backup(t.deps, file, {
        onProgress: (table) => {
          if (table === "users") throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(existsSync(file)).toBe(false);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a backup is one snapshot (PostgreSQL)", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await seeded("postgres");
  });
  afterAll(() => t.close());

  it("rows written by others while the backup runs are not in it, even in tables read later", async () => {
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.deps.db);
    const other = new pg.Client({
      connectionString: withDatabase(process.env.DATABASE_URL ?? "", rows[0]?.db ?? ""),
    });
    await other.connect();
    const file = tmpFile("snapshot.fbk");
    try {
      const counts = await backup(t.deps, file, {
        // After the first table, another server writes to tables the backup has not read yet.
        onProgress: async (table) => {
          if (table !== "countries") return;
          await other.query(
            "INSERT INTO users (username, display_name, role, country, password_hash) VALUES ('fr.late', 'Late', 'ncb_officer', 'FR', 'x')",
          );
          await other.query(
            "INSERT INTO change_feed (entity_type, entity_id, op) VALUES ('user', 'late', 'upsert')",
          );
        },
      });
      expect(counts.users).toBe(2);
      expect(counts.change_feed).toBe(0);
      const now = await t.deps.db
        .selectFrom("users")
        .select("username")
        .where("username", "=", "fr.late")
        .execute();
      expect(now).toEqual([{ username: "fr.late" }]);
    } finally {
      await other.end();
    }
  });
});
