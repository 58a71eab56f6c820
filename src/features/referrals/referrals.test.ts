import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";

/**
 * Referrals from a referral unit to two platforms: each platform sees and answers only its own;
 * deadlines of removal orders are one hour and overdue ones are flagged; statistics add up.
 */
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const HASH = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

describe.each(backends)("content referrals on %s", (kind) => {
  let t: TestContext;
  const platforms: Record<string, { id: string; headers: Record<string, string> }> = {};
  let fr: Record<string, string>;
  let entryId: number;
  let hiddenEntryId: number;
  let unsharedEntryId: number;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, scopes] of [
      ["Alpha", ["content:referrals", "content:match"]],
      ["Beta", ["content:referrals"]],
      ["Gamma", ["content:match"]],
    ] as const) {
      const c = await t.services.clients.create(systemActor("XG"), {
        name,
        role: "platform_partner",
        country: "IE",
        scopes: [...scopes],
      });
      platforms[name] = { id: c.client.id, headers: { authorization: `Bearer ${c.token}` } };
    }
    const analyst = await t.user("fr.ref", "content_analyst", "FR");
    await t.user("de.ref", "content_analyst", "DE");
    await t.user("gs.ref", "gs_analyst", "XG");
    fr = (await t.login("fr.ref")).headers;
    const bank = await t.services.content.createBank(analyst, {
      name: "referrals",
      envelope,
      sharedWithClients: [platforms.Alpha!.id, platforms.Beta!.id],
    });
    entryId = (
      await t.services.content.addEntry(analyst, bank.id, {
        signalType: "pdq",
        value: HASH,
        labels: ["attack_footage"],
      })
    ).id;
    const hidden = await t.services.content.createBank(analyst, {
      name: "france and spain only",
      envelope: { ...envelope, distribution: "only", distributionCountries: ["ES"] },
    });
    hiddenEntryId = (
      await t.services.content.addEntry(analyst, hidden.id, { signalType: "md5", value: "e".repeat(32) })
    ).id;
    // France's own bank, visible to France but never shared with any platform.
    const unshared = await t.services.content.createBank(analyst, { name: "not for platforms", envelope });
    unsharedEntryId = (
      await t.services.content.addEntry(analyst, unshared.id, { signalType: "md5", value: "a".repeat(32) })
    ).id;
  });
  afterAll(() => t?.close());

  const refer = (payload: object, headers = fr) =>
    t.app.inject({ method: "POST", url: "/api/v1/content/referrals", headers, payload });
  const call = (method: "GET" | "POST", url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it("runs the whole flow and keeps platforms apart", async () => {
    const order = await refer({
      platformClientId: platforms.Alpha!.id,
      url: "https://video.example/watch?v=1",
      legalBasis: "removal_order",
    });
    expect(order.statusCode, order.body).toBe(201);
    const o = order.json();
    expect(new Date(o.deadline).getTime() - new Date(o.createdAt).getTime()).toBe(3_600_000);
    expect(o).toMatchObject({ state: "open", overdue: false, referringCountry: "FR" });

    const voluntary = await refer({
      platformClientId: platforms.Beta!.id,
      hashEntryId: entryId,
      legalBasis: "voluntary",
      note: "manifesto mirror",
    });
    expect(voluntary.statusCode, voluntary.body).toBe(201);
    expect(voluntary.json()).toMatchObject({
      deadline: null,
      hash: { entryId, signalType: "pdq", value: HASH },
    });
    const v = voluntary.json();

    const alphaList = await call("GET", "/api/v1/content/referrals", platforms.Alpha!.headers);
    expect(alphaList.json().items.map((r: { id: string }) => r.id)).toEqual([o.id]);
    const betaList = await call("GET", "/api/v1/content/referrals", platforms.Beta!.headers);
    expect(betaList.json().items.map((r: { id: string }) => r.id)).toEqual([v.id]);
    expect((await call("GET", `/api/v1/content/referrals/${o.id}`, platforms.Beta!.headers)).statusCode).toBe(
      404,
    );
    expect(
      (await call("POST", `/api/v1/content/referrals/${o.id}/acknowledge`, platforms.Beta!.headers))
        .statusCode,
    ).toBe(404);
    expect((await call("GET", "/api/v1/content/referrals", platforms.Gamma!.headers)).statusCode).toBe(403);

    const ack = await call("POST", `/api/v1/content/referrals/${o.id}/acknowledge`, platforms.Alpha!.headers);
    expect(ack.json()).toMatchObject({ state: "acknowledged" });
    const noCountries = await call(
      "POST",
      `/api/v1/content/referrals/${o.id}/outcome`,
      platforms.Alpha!.headers,
      {
        outcome: "geo_blocked",
      },
    );
    expect(noCountries.statusCode).toBe(400);
    t.clock.advance(20 * 60_000);
    const geo = await call("POST", `/api/v1/content/referrals/${o.id}/outcome`, platforms.Alpha!.headers, {
      outcome: "geo_blocked",
      countries: ["FR", "DE"],
    });
    expect(geo.json()).toMatchObject({
      state: "geo_blocked",
      geoBlockedCountries: ["DE", "FR"],
      overdue: false,
    });
    const again = await call("POST", `/api/v1/content/referrals/${o.id}/outcome`, platforms.Alpha!.headers, {
      outcome: "removed",
    });
    expect(again.statusCode).toBe(409);
    const refuseNoReason = await call(
      "POST",
      `/api/v1/content/referrals/${v.id}/outcome`,
      platforms.Beta!.headers,
      {
        outcome: "refused",
      },
    );
    expect(refuseNoReason.statusCode).toBe(400);
    const refused = await call("POST", `/api/v1/content/referrals/${v.id}/outcome`, platforms.Beta!.headers, {
      outcome: "refused",
      reason: "satire, not terrorist content",
    });
    expect(refused.json()).toMatchObject({
      state: "refused",
      outcomeReason: "satire, not terrorist content",
    });
    // Analysts cannot answer for a platform.
    expect((await call("POST", `/api/v1/content/referrals/${v.id}/acknowledge`, fr)).statusCode).toBe(403);
  });

  it("flags removal orders past their hour, in responses and statistics", async () => {
    const late = await refer({
      platformClientId: platforms.Alpha!.id,
      url: "https://video.example/watch?v=2",
      legalBasis: "removal_order",
    });
    expect(late.statusCode).toBe(201);
    t.clock.advance(61 * 60_000);
    const list = await call("GET", "/api/v1/content/referrals?overdue=true", platforms.Alpha!.headers);
    expect(list.json().items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([
      [late.json().id, true],
    ]);
    const gs = (await t.login("gs.ref")).headers;
    const stats = await call("GET", "/api/v1/content/referrals/stats?period=week", gs);
    expect(stats.statusCode, stats.body).toBe(200);
    const alpha = stats.json().byPlatform.find((r: { platformName: string }) => r.platformName === "Alpha");
    expect(alpha).toMatchObject({
      total: 2,
      overdue: 1,
      byState: { open: 1, acknowledged: 0, geo_blocked: 1, removed: 0, refused: 0 },
      medianMinutesToAction: 20,
    });
    const beta = stats.json().byPlatform.find((r: { platformName: string }) => r.platformName === "Beta");
    expect(beta).toMatchObject({ total: 1, overdue: 0, byState: { refused: 1 } });
    expect(stats.json().byPeriod).toHaveLength(2);
    expect(
      stats.json().byPeriod.every((r: { periodStart: string }) => /^\d{4}-\d{2}-\d{2}$/.test(r.periodStart)),
    ).toBe(true);
    // A platform's statistics cover only itself.
    const own = await call("GET", "/api/v1/content/referrals/stats", platforms.Beta!.headers);
    expect(own.json().byPlatform.map((r: { platformName: string }) => r.platformName)).toEqual(["Beta"]);
  });

  it("keeps countries' referrals apart and refuses bad referrals", async () => {
    const de = (await t.login("de.ref")).headers;
    expect((await call("GET", "/api/v1/content/referrals", de)).json().items).toEqual([]);
    const frHeaders = (await t.login("fr.ref")).headers;
    expect((await call("GET", "/api/v1/content/referrals", frHeaders)).json().items).toHaveLength(3);
    // To a client that cannot receive referrals, with nothing to refer, with a bad URL.
    for (const payload of [
      { platformClientId: platforms.Gamma!.id, url: "https://x.example/", legalBasis: "voluntary" },
      { platformClientId: platforms.Alpha!.id, legalBasis: "voluntary" },
      { platformClientId: platforms.Alpha!.id, url: "javascript:alert(1)", legalBasis: "voluntary" },
      { platformClientId: platforms.Alpha!.id, url: "https://x.example/", legalBasis: "court_whim" },
    ])
      expect((await refer(payload, frHeaders)).statusCode, JSON.stringify(payload)).toBe(400);
    // An entry Germany may not see is "not found" for Germany.
    expect(
      (
        await refer(
          { platformClientId: platforms.Alpha!.id, hashEntryId: 999_999, legalBasis: "voluntary" },
          de,
        )
      ).statusCode,
    ).toBe(404);
  });

  it("refers an entry only from a bank shared with that platform, and stores nothing otherwise", async () => {
    const frHeaders = (await t.login("fr.ref")).headers;
    const before = (await call("GET", "/api/v1/content/referrals", frHeaders)).json().items.length;
    const res = await refer(
      { platformClientId: platforms.Alpha!.id, hashEntryId: unsharedEntryId, legalBasis: "voluntary" },
      frHeaders,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      { path: "hashEntryId", message: "the entry's bank is not shared with this platform" },
    ]);
    expect((await call("GET", "/api/v1/content/referrals", frHeaders)).json().items).toHaveLength(before);
    // Nor does the platform ever see that hash through its referrals.
    const seen = (await call("GET", "/api/v1/content/referrals", platforms.Alpha!.headers)).json().items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((r: { hash: { value: string } | null }) => r.hash?.value === "a".repeat(32))).toEqual(
      [],
    );
  });
});
