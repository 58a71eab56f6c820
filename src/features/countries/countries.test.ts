import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { envelope, redRequest } from "../notices/notices.fixtures.ts";

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
    expect(items.find((c) => c.code === "KE")).toMatchObject({
      users: 1,
      records: 0,
      notices: 0,
      diffusions: 0,
    });
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

  it("counts notices by requesting country and diffusions by sender, as the Secretariat reads them", async () => {
    const fr = await t.user("fr.counted", "ncb_officer", "FR");
    const submitted = await t.services.notices.create(fr, {
      request: redRequest("COUNTED", "Carl") as never,
      envelope: envelope("only", ["US"]),
      publicExtract: false,
    });
    await t.services.notices.transition(fr, submitted.id, "submit");
    // A draft is the owner's working copy: the Secretariat does not read it, nor count it.
    await t.services.notices.create(fr, {
      request: redRequest("DRAFTED", "Dora") as never,
      envelope: envelope(),
      publicExtract: false,
    });
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/v1/diffusions",
      headers: (await t.login("fr.counted")).headers,
      payload: {
        kind: "information",
        recipients: ["US"],
        title: "Information: fictitious subject",
        body: "A fictitious diffusion, counted by the overview.",
        sourceReliability: "B",
        informationAccuracy: 2,
        sourceType: "police",
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const gs = (await t.login("gs.overseer")).headers;
    const items = (await t.app.inject({ method: "GET", url: "/api/v1/overview", headers: gs })).json()
      .items as { code: string; notices: number; diffusions: number }[];
    expect(items.find((c) => c.code === "FR")).toMatchObject({ notices: 1, diffusions: 1 });
  });
});
