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

  type Media = { schema?: Record<string, unknown> };
  type Operation = {
    operationId?: string;
    responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
  };
  const operations = () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    return Object.entries(doc.paths).flatMap(([route, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${route}`, op })),
    );
  };

  // A schema that says something about the body; `{}` or a bare description (z.any()) does not.
  const typed = (schema: Record<string, unknown> = {}) =>
    ["type", "$ref", "properties", "items", "anyOf", "oneOf", "allOf", "const", "enum"].some(
      (k) => k in schema,
    );

  /**
   * A route that declares no response gets `200: { description: "Default Response" }` from
   * @fastify/swagger, without content: that is not a declaration. A success response counts when it
   * is a 2xx with a non-empty schema, or a declared 204 (which has no body by definition).
   */
  const declaresSuccess = (op: Operation) =>
    Object.entries(op.responses ?? {}).some(
      ([status, r]) =>
        /^2\d\d$/.test(status) &&
        (status === "204"
          ? r.content === undefined
          : Object.values(r.content ?? {}).some((m) => typed(m.schema))),
    );

  it("every operation declares its success response schema", () => {
    const ops = operations();
    expect(ops).toHaveLength(170);
    expect(ops.filter((o) => !declaresSuccess(o.op)).map((o) => o.name)).toEqual([]);
  });

  it("every operation has a stable camelCase operationId, unique in the document", () => {
    const ops = operations();
    expect(ops).toHaveLength(170);
    const bad = ops.filter((o) => !/^[a-z][a-zA-Z0-9]+$/.test(o.op.operationId ?? ""));
    expect(bad.map((o) => o.name)).toEqual([]);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("recognises an undeclared or untyped success response", () => {
    expect(declaresSuccess({ responses: { 200: { description: "Default Response" } } })).toBe(false);
    expect(
      declaresSuccess({
        responses: { 400: { content: { "application/json": { schema: { type: "object" } } } } },
      }),
    ).toBe(false);
    expect(declaresSuccess({ responses: { 200: { content: { "application/json": { schema: {} } } } } })).toBe(
      false,
    );
    expect(declaresSuccess({ responses: { 204: { description: "Default Response" } } })).toBe(true);
    expect(
      declaresSuccess({
        responses: { 201: { content: { "application/json": { schema: { type: "object" } } } } },
      }),
    ).toBe(true);
  });

  it("serves the interactive page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
  });
});
