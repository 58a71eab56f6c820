import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";

/**
 * Who gets matches from which bank. The same hash sits in three banks with different distributions
 * and platform sharing; every viewer must get exactly the banks it may see, and platforms must learn
 * nothing about who contributed.
 */
const HASH = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
const MD5 = "0123456789abcdef0123456789abcdef";
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe.each(backends)("hash bank access on %s", (kind) => {
  let t: TestContext;
  const bearer = new Map<string, Record<string, string>>();
  const humans = new Map<string, Record<string, string>>();
  const banks: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const admin = systemActor("XG");
    const platform = async (
      name: string,
      country: string,
      scopes: ("content:match" | "content:referrals")[],
    ) => {
      const c = await t.services.clients.create(admin, { name, role: "platform_partner", country, scopes });
      bearer.set(name, { authorization: `Bearer ${c.token}` });
      return c.client.id;
    };
    const videoDe = await platform("VideoDE", "DE", ["content:match"]);
    await platform("SocialDE", "DE", ["content:match"]);
    const chatUs = await platform("ChatUS", "US", ["content:match"]);
    await platform("NoScope", "DE", ["content:referrals"]);

    for (const [name, role, country] of [
      ["fr.ca", "content_analyst", "FR"],
      ["de.officer", "ncb_officer", "DE"],
      ["us.ca", "content_analyst", "US"],
      ["gs.an", "gs_analyst", "XG"],
      ["us.border", "border_officer", "US"],
    ] as const) {
      const actor = await t.user(name, role, country);
      humans.set(name, (await t.login(name)).headers);
      if (name === "fr.ca") {
        const mk = async (bank: string, extra: object) => {
          const b = await t.services.content.createBank(actor, { name: bank, envelope, ...extra } as never);
          await t.services.content.importEntries(
            actor,
            b.id,
            `pdq,${HASH},\nmd5,${MD5},`.replace(/^/, "signal_type,value,tags\n"),
            { format: "csv" },
          );
          banks[bank] = b.id;
        };
        // Only France and Germany; shared with two platforms, one of them outside the distribution.
        await mk("restricted", {
          envelope: { ...envelope, distribution: "only", distributionCountries: ["DE"] },
          sharedWithClients: [videoDe, chatUs],
        });
        // Everyone, every platform.
        await mk("open", { sharedWithAllPlatforms: true });
        // Everyone except the US; no platform.
        await mk("no-us", {
          envelope: { ...envelope, distribution: "except", distributionCountries: ["US"] },
        });
      }
    }
  });
  afterAll(() => t?.close());

  const banksMatched = async (headers: Record<string, string>, payload: object) => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/content/match", headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().matches as Record<string, unknown>[];
  };

  it.each([
    ["fr.ca", ["no-us", "open", "restricted"]],
    ["de.officer", ["no-us", "open", "restricted"]],
    ["us.ca", ["open"]],
    ["gs.an", ["no-us", "open", "restricted"]],
  ])("%s gets matches exactly from the banks its country may see", async (name, want) => {
    for (const payload of [
      { signalType: "pdq", value: HASH },
      { signalType: "md5", value: MD5 },
    ]) {
      const matches = await banksMatched(humans.get(name)!, payload);
      expect(matches.map((m) => m.bankName).sort()).toEqual(want);
      for (const m of matches) expect(m).toMatchObject({ contributedCountry: "FR", status: "active" });
    }
  });

  it.each([
    ["VideoDE", ["open", "restricted"]],
    ["SocialDE", ["open"]],
    // Shared with ChatUS, but the US is outside the restricted bank's distribution.
    ["ChatUS", ["open"]],
  ])("platform %s sees only banks shared with it, and nothing about contributors", async (name, want) => {
    const matches = await banksMatched(bearer.get(name)!, { signalType: "pdq", value: HASH });
    expect(matches.map((m) => m.bankName).sort()).toEqual(want);
    for (const m of matches) {
      expect(Object.keys(m).sort()).toEqual(
        ["bankId", "bankName", "distance", "entryId", "labels", "signalType", "value"].sort(),
      );
    }
  });

  it("refuses roles and clients without the right to match or manage", async () => {
    const noScope = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match",
      headers: bearer.get("NoScope")!,
      payload: { signalType: "pdq", value: HASH },
    });
    expect(noScope.statusCode).toBe(403);
    const border = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match",
      headers: humans.get("us.border")!,
      payload: { signalType: "pdq", value: HASH },
    });
    expect(border.statusCode).toBe(403);
    for (const headers of [bearer.get("VideoDE")!, humans.get("de.officer")!]) {
      expect((await t.app.inject({ method: "GET", url: "/api/v1/content/banks", headers })).statusCode).toBe(
        403,
      );
    }
    // A country outside a bank's distribution cannot open, list, import into or export it.
    const us = humans.get("us.ca")!;
    const list = await t.app.inject({ method: "GET", url: "/api/v1/content/banks", headers: us });
    expect(list.json().items.map((b: { name: string }) => b.name)).toEqual(["open"]);
    for (const [method, url] of [
      ["GET", `/api/v1/content/banks/${banks.restricted}`],
      ["GET", `/api/v1/content/banks/${banks.restricted}/entries`],
      ["GET", `/api/v1/content/banks/${banks["no-us"]}/export`],
    ] as const)
      expect((await t.app.inject({ method, url, headers: us })).statusCode, url).toBe(404);
    // Only the owner (or the Secretariat) changes a bank's settings.
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/content/banks/${banks.open}`,
      headers: us,
      payload: { sharedWithAllPlatforms: false },
    });
    expect(patch.statusCode).toBe(403);
  });

  it("sharing changes apply to the next match at once", async () => {
    const gs = humans.get("gs.an")!;
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/content/banks/${banks.open}`,
      headers: gs,
      payload: { sharedWithAllPlatforms: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    const matches = await banksMatched(bearer.get("SocialDE")!, { signalType: "pdq", value: HASH });
    expect(matches).toEqual([]);
  });

  it("rate-limits the match route per client", async () => {
    // The limit is 600 a minute; this only checks the headers are there, not the ceiling itself.
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match",
      headers: bearer.get("VideoDE")!,
      payload: { signalType: "md5", value: MD5 },
    });
    expect(res.headers["x-ratelimit-limit"]).toBe("600");
  });
});
