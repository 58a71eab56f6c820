import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./harness.ts";

/*
 * Closed by default: every route of the API answers 401 to a caller without credentials, however
 * the path is spelled, except the few routes declared public - listed here literally, so that a
 * route made public by mistake fails this test.
 */

const PUBLIC = new Set([
  "GET /api/v1/health",
  "POST /api/v1/auth/login",
  "GET /notices/v1/red",
  "GET /notices/v1/red/{noticeID}",
  "GET /notices/v1/red/{noticeID}/images",
  "GET /notices/v1/red/{noticeID}/images/{pictureId}",
  "GET /notices/v1/yellow",
  "GET /notices/v1/yellow/{noticeID}",
  "GET /notices/v1/yellow/{noticeID}/images",
  "GET /notices/v1/yellow/{noticeID}/images/{pictureId}",
  "GET /notices/v1/un/persons",
  "GET /notices/v1/un/persons/{noticeID}",
  "GET /notices/v1/un/persons/{noticeID}/images",
  "GET /notices/v1/un/persons/{noticeID}/images/{pictureId}",
  "GET /notices/v1/un/entities",
  "GET /notices/v1/un/entities/{noticeID}",
]);

type Operation = { method: string; path: string };

const spec = JSON.parse(readFileSync("docs/openapi.json", "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
};
const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })),
);

const concrete = (path: string) =>
  path.replace("{id}", "00000000-0000-4000-8000-000000000001").replace("{noticeID}", "2024-12345");

/** The same path with the first letter of every segment percent-encoded (`/%61pi/%761/...`). */
const encoded = (path: string) =>
  path.replace(/\/([a-z])/g, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`);

/** The plain path, with lower-case escapes, and with upper-case escapes (`%6E` for `%6e`). */
const spellings = (path: string) => [
  path,
  encoded(path),
  encoded(path).replace(/%([0-9a-f]{2})/g, (_, hex: string) => `%${hex.toUpperCase()}`),
];

describe("authentication decides on the matched route, closed by default", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("finds every documented operation, public ones included", () => {
    expect(operations.length).toBe(170);
    const documented = new Set(operations.map((o) => `${o.method} ${o.path}`));
    for (const p of PUBLIC) expect(documented.has(p), p).toBe(true);
  });

  it("refuses every non-public operation without credentials, whatever the spelling", async () => {
    const closed = operations.filter((o) => !PUBLIC.has(`${o.method} ${o.path}`));
    expect(closed.length).toBe(operations.length - PUBLIC.size);
    for (const op of closed) {
      for (const url of spellings(concrete(op.path))) {
        const res = await t.app.inject({
          method: op.method as "GET",
          url,
          payload: op.method === "GET" ? undefined : {},
        });
        expect(`${op.method} ${url} -> ${res.statusCode}`).toBe(`${op.method} ${url} -> 401`);
        expect(res.json().code).toBe("unauthenticated");
      }
    }
  });

  it("serves the public operations without credentials, encoded paths included", async () => {
    for (const url of spellings("/api/v1/health")) {
      const res = await t.app.inject({ method: "GET", url });
      expect(`${url} -> ${res.statusCode}`).toBe(`${url} -> 200`);
    }
    const red = await t.app.inject({ method: "GET", url: encoded("/notices/v1/red") });
    expect(red.statusCode).toBe(200);
  });

  it("asks for credentials on unknown API paths instead of revealing which exist", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/no-such-thing" });
    expect(res.statusCode).toBe(401);
  });
});
