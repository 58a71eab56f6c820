import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runFusion } from "./cli-runner.ts";
import { cliEnv, spawnCli, tempDir, withThrowawayDatabase } from "./import-kill.ts";

/*
 * Scale-out on one machine: the main server and two screening-only nodes (`fusion serve --role
 * screening`) on loopback, all on the same PostgreSQL. A person entered through the main server is
 * found on both nodes within a second, through the change feed, without a restart.
 */

const url = process.env.DATABASE_URL;
const FRESH_WITHIN_MS = 1000;

async function waitHealthy(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited: ${log()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server on ${port} did not start: ${log()}`);
}

const tokenOf = (out: string) => /token \(shown once, store it now\): (\S+)/.exec(out)?.[1] ?? "";

describe.skipIf(!url)("screening nodes following the change feed", () => {
  const db = withThrowawayDatabase(url, `fusion_nodes_${process.pid}`);

  it("finds a person written through the main server on both screening nodes within a second", async () => {
    const base = { ...cliEnv, DATABASE_URL: db.url, HOST: "127.0.0.1", SCREENING_FEED_POLL_MS: "100" };
    const client = async (role: string, country: string, scopes: string) => {
      const r = await runFusion(
        { ...base, DATA_DIR: tempDir("fusion-nodes-") },
        "clients",
        "create",
        "--name",
        `${role} ${country}`,
        "--role",
        role,
        "--country",
        country,
        "--scopes",
        scopes,
      );
      expect(r.code, r.err).toBe(0);
      return tokenOf(r.out);
    };
    const writer = await client("ncb_officer", "FR", "records:write,records:read");
    const border = await client("border_officer", "US", "screening:check");
    const ports = [18480 + (process.pid % 500), 19080 + (process.pid % 500), 19680 + (process.pid % 500)];
    const logs = ports.map(() => "");
    // The main server without demo data: this test needs nothing but the record it writes.
    const roles = [["serve"], ["serve", "--role", "screening"], ["serve", "--role", "screening"]];
    const children = roles.map((args, i) =>
      spawnCli(args, {
        ...base,
        FUSION_DEMO: "false",
        PORT: String(ports[i]),
        DATA_DIR: tempDir("fusion-node-"),
      }),
    );
    children.forEach((c, i) => {
      c.stderr?.on("data", (d) => {
        logs[i] += String(d);
      });
    });
    try {
      await Promise.all(children.map((c, i) => waitHealthy(ports[i] as number, c, () => logs[i] ?? "")));
      const screen = (port: number) =>
        fetch(`http://127.0.0.1:${port}/api/v1/screening/check`, {
          method: "POST",
          headers: { authorization: `Bearer ${border}`, "content-type": "application/json" },
          body: JSON.stringify({ name: "Ilyas Nadirov", dateOfBirth: "1991-09-09" }),
        }).then(async (r) => (await r.json()) as { hit: boolean });
      for (const port of ports.slice(1)) expect((await screen(port)).hit).toBe(false);

      const written = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/records`, {
        method: "POST",
        headers: { authorization: `Bearer ${writer}`, "content-type": "application/json" },
        body: JSON.stringify({
          schema: "Person",
          properties: { name: ["Ilyas Nadirov"], birthDate: ["1991-09-09"] },
          envelope: {
            distribution: "all",
            sourceReliability: "B",
            informationAccuracy: 2,
            sourceType: "police",
          },
          source: "Case file 2026/501",
        }),
      });
      expect(written.status, await written.clone().text()).toBe(201);
      const at = performance.now();
      const foundAfter = await Promise.all(
        ports.slice(1).map(async (port) => {
          for (;;) {
            if ((await screen(port)).hit) return performance.now() - at;
            if (performance.now() - at > 10_000) return Number.POSITIVE_INFINITY;
            await new Promise((r) => setTimeout(r, 20));
          }
        }),
      );
      for (const ms of foundAfter) expect(ms).toBeLessThan(FRESH_WITHIN_MS);
    } finally {
      for (const c of children) c.kill("SIGTERM");
    }
  }, 120_000);
});
