import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./harness.ts";

/** Bad input of every kind gets a clear 4xx problem+json, never a stack or SQL, and changes nothing. */
describe("HTTP hardening", () => {
  let t: TestContext;
  let fr: Record<string, string>;
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.hard", "ncb_officer", "FR");
    fr = (await t.login("fr.hard")).headers;
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("records")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/records",
      headers: { ...fr, "content-type": "application/json", ...headers },
      payload,
    });
  const valid = {
    schema: "Person",
    properties: { name: ["X"] },
    envelope: { sourceReliability: "A", informationAccuracy: 1, sourceType: "police" },
    source: "s",
  };

  const cases: [
    string,
    () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
    number,
    string,
  ][] = [
    ["malformed JSON", () => post("{not json"), 400, "bad_request"],
    [
      "wrong types",
      () => post(JSON.stringify({ ...valid, properties: { name: "not-an-array" } })),
      400,
      "validation_failed",
    ],
    ["unknown fields", () => post(JSON.stringify({ ...valid, owner: "US" })), 400, "validation_failed"],
    ["unknown schema", () => post(JSON.stringify({ ...valid, schema: "Dragon" })), 400, "validation_failed"],
    [
      "oversized body",
      () => post(JSON.stringify({ ...valid, source: "x".repeat(2_000_000) })),
      413,
      "payload_too_large",
    ],
    [
      "wrong content type",
      () => post("<xml/>", { "content-type": "application/xml" }),
      415,
      "unsupported_media_type",
    ],
    [
      "a bad bearer token",
      () =>
        t.app.inject({
          method: "GET",
          url: "/api/v1/records",
          headers: { authorization: "Bearer fsn_forged" },
        }),
      401,
      "unauthenticated",
    ],
    ["no credentials", () => t.app.inject({ method: "GET", url: "/api/v1/records" }), 401, "unauthenticated"],
    [
      "an unknown route",
      () => t.app.inject({ method: "GET", url: "/api/v1/nowhere", headers: fr }),
      404,
      "not_found",
    ],
    [
      "a malformed id",
      () => t.app.inject({ method: "GET", url: "/api/v1/records/'; DROP TABLE records; --", headers: fr }),
      404,
      "not_found",
    ],
  ];

  it.each(cases)("%s gets a problem+json 4xx and changes nothing", async (_name, send, status, code) => {
    const before = await count();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(String(res.headers["content-type"])).toContain("application/problem+json");
    const body = JSON.parse(res.body);
    expect(body.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT |syntax error/i);
    expect(await count()).toBe(before);
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(res.json()).toMatchObject({ status: "ok", storage: "pglite" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-frame-options"]).toBeDefined();
  });
});
