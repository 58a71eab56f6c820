import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./harness.ts";

describe("OpenAPI document", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("the committed docs/openapi.json matches the routes (run `npm run openapi` after changing a route)", () => {
    const committed = JSON.parse(readFileSync("docs/openapi.json", "utf8"));
    expect(JSON.parse(JSON.stringify(t.app.swagger()))).toEqual(committed);
  });

  it("every operation has a response schema", () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { responses?: object }>> };
    for (const [route, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops))
        expect(op.responses, `${method} ${route}`).toBeDefined();
    }
  });

  it("serves the interactive page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });
});
