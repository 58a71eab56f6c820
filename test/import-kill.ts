import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { withDatabase } from "./global-setup.ts";

/*
 * What the kill -9 import tests share: the CLI run as a real process (so it can be killed), a wait
 * for the import to get under way, the kill itself, and on PostgreSQL a database of its own, made
 * from the migrated template, that a second connection watches while the import writes.
 */

/** The environment every CLI run of these tests gets, besides its database and data directory. */
export const cliEnv = {
  FUSION_DEMO: "true",
  FUSION_SECRET_KEY: "cd".repeat(32),
  LOG_LEVEL: "silent",
} as const;

/** A fresh data directory (and, for the embedded back end, the database in it). */
export const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * The CLI as one process (tsx as a loader, not its wrapper, which would leave a child behind a kill),
 * with this process's environment and `env` over it; a variable set to undefined in `env` is left
 * out (DATABASE_URL, so that the CLI opens the embedded database in DATA_DIR).
 */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  return spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", ...args], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

/**
 * Kills the child with SIGKILL once `progress` reaches `atLeast`, and returns when it is gone. An
 * import that ends first fails the test: it was never killed, so it proved nothing.
 */
export async function killWhen(
  child: ChildProcess,
  progress: () => number | Promise<number>,
  atLeast: number,
): Promise<void> {
  const done = exited(child);
  for (;;) {
    const n = await progress();
    if (n >= atLeast) break;
    if (child.exitCode !== null)
      throw new Error(`the import ended before it was killed (${n} of ${atLeast})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  await done;
}

/**
 * Runs the import once per threshold, each killed once `progress` reaches it, and returns what
 * `progress` counts after each kill (what the killed runs committed).
 */
export async function killEach(
  start: () => ChildProcess,
  progress: () => number | Promise<number>,
  thresholds: readonly number[],
): Promise<number[]> {
  const killedAt: number[] = [];
  for (const atLeast of thresholds) {
    await killWhen(start(), progress, atLeast);
    killedAt.push(await progress());
  }
  return killedAt;
}

/** Lets the child run to its end: its exit code, and what it wrote to stderr (to show on failure). */
export async function runToEnd(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  return { code: await exited(child), stderr };
}

/**
 * A PostgreSQL database of the describe block's own, copied from the migrated template before its
 * tests and dropped after them, with a second connection to watch it and the URL the CLI is given.
 * Call inside `describe.skipIf(!url)`: without a server there is nothing to create.
 */
export function withThrowawayDatabase(url: string | undefined, name: string) {
  const admin = new pg.Client({ connectionString: url });
  const dbUrl = url ? withDatabase(url, name) : "";
  const watch = new pg.Client({ connectionString: dbUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    await watch.connect();
  });
  afterAll(async () => {
    await watch.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  return {
    url: dbUrl,
    /** The column `n` of the query's first row, as a number (0 where it is null). */
    count: async (q: string) => Number((await watch.query(q)).rows[0]?.n ?? 0),
  };
}
