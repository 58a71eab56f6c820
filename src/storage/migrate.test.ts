import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { withDatabase } from "../../test/global-setup.ts";
import { buildApp } from "../app.ts";
import { bootstrap } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { randomToken } from "../shared/ids.ts";
import { createStorage, type Storage } from "./db.ts";
import { listMigrations, migrate } from "./migrate.ts";
import { seedReferenceData } from "./seed/reference.ts";

const url = process.env.DATABASE_URL ?? "";
const allMigrations = listMigrations().map((m) => m.name);
// 196 members plus the General Secretariat and the international entities.
const countCountries = async (s: Storage) =>
  Number(
    (
      await s.db
        .selectFrom("countries")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const startUp = async (s: Storage) => {
  const applied = await migrate(s);
  await seedReferenceData(s);
  return applied;
};

describe("migrations on the embedded database", () => {
  it("apply once when two start-ups race on one handle, and not again later", async () => {
    const s = await createStorage({ kind: "pglite" });
    try {
      const [a, b] = await Promise.all([startUp(s), startUp(s)]);
      expect([...a, ...b].sort()).toEqual(allMigrations);
      expect(await migrate(s)).toEqual([]);
      const rows = await s.db.selectFrom("schema_migrations").select("name").orderBy("name").execute();
      expect(rows.map((r) => r.name)).toEqual(allMigrations);
      expect(await countCountries(s)).toBeGreaterThan(196);
    } finally {
      await s.close();
    }
  });
});

describe.skipIf(!url)("two servers, one fresh PostgreSQL database", () => {
  const created: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  const freshDatabase = async () => {
    const name = `fusion_mig_${randomToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return withDatabase(url, name);
  };
  afterEach(async () => {
    for (const name of created.splice(0)) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
  });

  it("both start-ups succeed and each migration is applied exactly once", async () => {
    const dbUrl = await freshDatabase();
    const a = await createStorage({ kind: "postgres", url: dbUrl, poolSize: 2 });
    const b = await createStorage({ kind: "postgres", url: dbUrl, poolSize: 2 });
    try {
      const results = await Promise.allSettled([startUp(a), startUp(b)]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      const applied = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
      // Each migration was applied by exactly one of the two.
      expect(applied.sort()).toEqual(allMigrations);
      const rows = await a.db
        .selectFrom("schema_migrations")
        .select(["name", (eb) => eb.fn.countAll().as("n")])
        .groupBy("name")
        .orderBy("name")
        .execute();
      expect(rows.map((r) => [r.name, Number(r.n)])).toEqual(allMigrations.map((m) => [m, 1]));
      expect(await countCountries(b)).toBe(await countCountries(a));
      expect(await countCountries(a)).toBeGreaterThan(196);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a pool of one connection migrates without waiting on itself", async () => {
    const s = await createStorage({ kind: "postgres", url: await freshDatabase(), poolSize: 1 });
    try {
      expect(await startUp(s)).toEqual(allMigrations);
      expect(await startUp(s)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it("two app instances started at the same moment both come up and answer", async () => {
    const dbUrl = await freshDatabase();
    const config = (dir: string) =>
      loadConfig({
        DATA_DIR: dir,
        DATABASE_URL: dbUrl,
        FUSION_DEMO: "false",
        FUSION_SECRET_KEY: "cd".repeat(32),
        LOG_LEVEL: "silent",
      });
    const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), "fusion-two-")));
    const deps = await Promise.all(dirs.map((d) => bootstrap(config(d))));
    const apps = await Promise.all(deps.map((d) => buildApp(d)));
    try {
      await Promise.all(apps.map((app) => app.ready()));
      const health = await Promise.all(
        apps.map((app) => app.inject({ method: "GET", url: "/api/v1/health" })),
      );
      expect(health.map((h) => h.statusCode)).toEqual([200, 200]);
      const [first] = deps;
      const applied = await first?.db
        .selectFrom("schema_migrations")
        .select("name")
        .orderBy("name")
        .execute();
      expect(applied?.map((r) => r.name)).toEqual(allMigrations);
    } finally {
      for (const app of apps) await app.close();
      for (const d of deps) await d.storage.close();
    }
  });
});
