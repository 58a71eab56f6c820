import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";

describe("the Secretariat's overview", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await t.user("gs.overseer", "gs_analyst", "XG");
    await t.user("ke.looker", "ncb_officer", "KE");
  });
  afterAll(() => t.close());

  const overviewAudits = () =>
    t.deps.db
      .selectFrom("audit_log")
      .select(["actor_username", "actor_country", "detail"])
      .where("action", "=", "country.overview")
      .orderBy("seq")
      .execute();

  it("is audited as an oversight read, with who read it", async () => {
    const gs = (await t.login("gs.overseer")).headers;
    const res = await t.app.inject({ method: "GET", url: "/api/v1/overview", headers: gs });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; users: number; records: number }[];
    expect(items).toHaveLength(200);
    expect(items.find((c) => c.code === "KE")).toMatchObject({ users: 1, records: 0 });
    const audits = await overviewAudits();
    expect(audits).toEqual([
      {
        actor_username: "gs.overseer",
        actor_country: "XG",
        // 196 members, the General Secretariat and three international entities.
        detail: { oversight: true, countries: 200 },
      },
    ]);
  });

  it("is refused to a bureau, and a refused read writes no audit row", async () => {
    const ke = (await t.login("ke.looker")).headers;
    const res = await t.app.inject({ method: "GET", url: "/api/v1/overview", headers: ke });
    expect(res.statusCode).toBe(403);
    expect(await overviewAudits()).toHaveLength(1);
  });
});
