import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { redRequest } from "./notices.fixtures.ts";

describe("live compliance feedback and the notice catalogue", () => {
  let t: TestContext;
  let fr: Record<string, string>;
  let border: Record<string, string>;
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("fr.drafter", "ncb_officer", "FR");
    await t.user("fr.gate", "border_officer", "FR");
    fr = (await t.login("fr.drafter")).headers;
    border = (await t.login("fr.gate")).headers;
  });
  afterAll(() => t.close());

  const preview = (request: unknown, headers = fr) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/notices/compliance-preview",
      headers,
      payload: { request },
    });

  it("finds nothing blocking in a complete Red Notice request, and saves nothing", async () => {
    const res = await preview(redRequest());
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.filter((f: { severity: string }) => f.severity === "block")).toEqual([]);
    const notices = await t.deps.db.selectFrom("notices").select("id").execute();
    expect(notices).toEqual([]);
  });

  it("flags a low penalty and political wording as the user drafts", async () => {
    const request = redRequest();
    request.offences[0] = { ...request.offences[0]!, maxPenaltyMonths: 6 };
    request.summary = {
      ...request.summary,
      text: "He insulted the president during an opposition demonstration.",
    };
    const res = await preview(request);
    const codes = res.json().findings.map((f: { code: string }) => f.code);
    expect(res.json().findings[0].severity).toBe("block");
    expect(codes.some((c: string) => c.includes("penalty"))).toBe(true);
    expect(codes.some((c: string) => c.startsWith("article3"))).toBe(true);
    expect(res.json().riskScore).toBeGreaterThan(100);
  });

  it("refuses malformed requests and roles that do not request notices", async () => {
    expect((await preview({ type: "crimson" })).statusCode).toBe(400);
    expect((await preview(redRequest(), border)).statusCode).toBe(403);
  });

  it("serves the catalogue of types with purpose, action and required fields", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/notices/catalogue", headers: fr });
    const red = res.json().items.find((i: { type: string }) => i.type === "red");
    expect(red.action).toMatch(/arrest/i);
    expect(red.requiredFields.length).toBeGreaterThan(3);
    expect(res.json().items).toHaveLength(9);
  });
});
