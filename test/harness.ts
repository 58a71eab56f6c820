import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type App, buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { currentTotp } from "../src/features/auth/credentials.ts";
import { createServices, type Services } from "../src/services.ts";
import type { Actor } from "../src/shared/actor.ts";
import { fixedClock } from "../src/shared/clock.ts";
import { randomToken } from "../src/shared/ids.ts";
import type { Role } from "../src/shared/roles.ts";
import { createStorage, type Storage, type StorageKind } from "../src/storage/db.ts";
import type { Database } from "../src/storage/schema.ts";
import { withDatabase } from "./global-setup.ts";

export const TEST_PASSWORD = "correct horse battery staple";

/** The back ends the storage-level tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const backends: StorageKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

async function cloneStorage(kind: StorageKind, waitMs?: number): Promise<Storage> {
  const wait = waitMs === undefined ? {} : { waitMs };
  if (kind === "pglite") {
    const tar = readFileSync(inject("pgliteTemplate"));
    return createStorage({ kind: "pglite", loadDataDir: new Blob([tar]), ...wait });
  }
  const url = process.env.DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!url || !template) throw new Error("PostgreSQL tests need DATABASE_URL");
  const name = `fusion_t_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const storage = await createStorage({
    kind: "postgres",
    url: withDatabase(url, name),
    poolSize: 4,
    ...wait,
  });
  const close = storage.close;
  storage.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name}`);
    await a.end();
  };
  return storage;
}

export type TestContext = {
  deps: Deps;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  app: App;
  close(): Promise<void>;
  /** How many rows a table holds now: "nothing changed" checks compare it before and after. */
  rowCount(table: keyof Database): Promise<number>;
  /** Creates an account and returns it as an actor (for service-level tests). */
  user(username: string, role: Role, country: string): Promise<Actor>;
  /** Logs in over HTTP and returns the cookie and CSRF headers to use. */
  login(
    username: string,
    totpSecret?: string,
  ): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }>;
};

export async function createTestContext(
  options: { kind?: StorageKind; demo?: boolean; waitMs?: number } = {},
): Promise<TestContext> {
  const storage = await cloneStorage(options.kind ?? "pglite", options.waitMs);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fusion-test-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    FUSION_DEMO: options.demo === false ? "false" : "true",
    FUSION_SECRET_KEY: "ab".repeat(32),
    LOG_LEVEL: "silent",
    LOGIN_ATTEMPTS_PER_MINUTE: "100000",
    // A write is screened by the next query: the watchlist reads the change feed before each one.
    SCREENING_FEED_POLL_MS: "0",
  });
  const clock = fixedClock(new Date("2026-06-01T09:00:00Z"));
  const deps: Deps = {
    config,
    storage,
    db: storage.db,
    clock,
    secretKey: Buffer.from("ab".repeat(32), "hex"),
  };
  const services = createServices(deps);
  const app = await buildApp(deps, { services });
  await app.ready();

  const user = async (username: string, role: Role, country: string): Promise<Actor> => {
    const admin: Actor = {
      kind: "system",
      id: "00000000-0000-0000-0000-000000000000",
      username: "system",
      role: "admin",
      country: "XG",
      isSecretariat: true,
      scopes: [],
    };
    const { user: u } = await services.users.create(admin, {
      username,
      displayName: username,
      role,
      country,
      password: TEST_PASSWORD,
    });
    return { kind: "user", id: u.id, username, role, country, isSecretariat: country === "XG", scopes: [] };
  };

  const login = async (username: string, totpSecret?: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: {
        username,
        password: TEST_PASSWORD,
        ...(totpSecret ? { totp: currentTotp(totpSecret, clock.now()) } : {}),
      },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "fusion_session");
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    const cookieHeader = `fusion_session=${cookie?.value}`;
    return { cookie: cookieHeader, csrf, headers: { cookie: cookieHeader, "x-csrf-token": csrf } };
  };

  const rowCount = async (table: keyof Database) =>
    Number(
      (
        await storage.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  return {
    deps,
    services,
    clock,
    app,
    user,
    login,
    rowCount,
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}
