import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";

/*
 * The directory of platform partners: a referral unit picks a platform by name, never by an id it
 * cannot see; the platform operator keeps the list. A partner without a live API client is listed
 * but says it cannot receive referrals.
 */
describe.each(backends)("the directory of platform partners on %s", (kind) => {
  let t: TestContext;
  let admin: Actor;
  let analyst: Actor;
  let clientId: string;
  let headers: {
    admin: Record<string, string>;
    analyst: Record<string, string>;
    officer: Record<string, string>;
  };

  const http = (method: "GET" | "POST" | "PATCH", url: string, h: Record<string, string>, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/content/partners${url}`,
      headers: h,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestContext({ kind });
    admin = await t.user("op.admin", "admin", "XG");
    analyst = await t.user("fr.content", "content_analyst", "FR");
    await t.user("fr.officer", "ncb_officer", "FR");
    const { client } = await t.services.clients.create(admin, {
      name: "Streamly trust and safety",
      role: "platform_partner",
      scopes: ["content:referrals"],
      country: "US",
    });
    clientId = client.id;
    headers = {
      admin: (await t.login("op.admin")).headers,
      analyst: (await t.login("fr.content")).headers,
      officer: (await t.login("fr.officer")).headers,
    };
  });
  afterAll(() => t?.close());

  it("lets the operator add partners, and an analyst find them by any part of the name", async () => {
    const created = await http("POST", "", headers.admin, {
      name: "Streamly",
      legalName: "Streamly Video Services, Inc.",
      country: "US",
      contactEmail: "abuse@streamly.example",
      referralEndpoint: "https://streamly.example/referrals",
      terms: "Removal orders are answered within the hour.",
      clientId,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Streamly",
      receivesReferrals: true,
      clientName: expect.any(String),
    });
    await t.services.partners.create(admin, {
      name: "Forum Nine",
      legalName: "Nine Boards Ltd",
      country: "GB",
    });

    const found = await http("GET", "?q=VIDEO%20serv", headers.analyst);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((p: { name: string }) => p.name)).toEqual(["Streamly"]);
    // An analyst sees whether a partner can take a referral, not which API client answers for it.
    expect(found.json().items[0]).toMatchObject({ receivesReferrals: true, clientName: null });
    const forum = (await http("GET", "?q=nine", headers.analyst)).json().items[0];
    expect(forum).toMatchObject({ name: "Forum Nine", receivesReferrals: false });
  });

  it("retires a partner: still listed on request, no longer able to receive referrals", async () => {
    const { items } = await t.services.partners.list(admin, { q: "streamly" });
    const id = items[0]?.id as string;
    const retired = await http("PATCH", `/${id}`, headers.admin, { active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ active: false, receivesReferrals: false });
    const active = (await http("GET", "?active=true", headers.analyst)).json().items;
    expect(active.map((p: { name: string }) => p.name)).not.toContain("Streamly");
    const all = (await http("GET", "?active=false", headers.analyst)).json().items;
    expect(all.map((p: { name: string }) => p.name)).toEqual(["Streamly"]);
    await http("PATCH", `/${id}`, headers.admin, { active: true });
  });

  it("keeps names and API clients unique, and refuses bad input without changing anything", async () => {
    const before = await t.rowCount("platform_partners");
    const base = { legalName: "Someone", country: "FR" };
    const cases: [object, number, string][] = [
      [{ ...base, name: "STREAMLY" }, 409, "name"],
      [{ ...base, name: "Other", clientId }, 409, "clientId"],
      [{ ...base, name: "Other", referralEndpoint: "http://plain.example" }, 400, "referralEndpoint"],
      [{ ...base, name: "Other", country: "ZZ" }, 400, "country"],
      [{ ...base, name: "Other", contactEmail: "not an address" }, 400, "contactEmail"],
      [{ ...base, name: "Other", clientId: "00000000-0000-4000-8000-000000000000" }, 400, "clientId"],
      [{ ...base, name: "" }, 400, "name"],
      [{ ...base, name: "Other", owner: "me" }, 400, ""],
    ];
    for (const [payload, status, field] of cases) {
      const res = await http("POST", "", headers.admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      if (field) expect(JSON.stringify(res.json().errors ?? []), JSON.stringify(payload)).toContain(field);
    }
    expect(await t.rowCount("platform_partners")).toBe(before);
  });

  it("is kept by the operator only, and read only by those who refer content", async () => {
    expect(
      (await http("POST", "", headers.analyst, { name: "X", legalName: "X", country: "FR" })).statusCode,
    ).toBe(403);
    expect((await http("GET", "", headers.officer)).statusCode).toBe(403);
    expect((await http("GET", "/not-an-id", headers.analyst)).statusCode).toBe(404);
    await expect(t.services.partners.list(analyst, { q: "(" })).resolves.toMatchObject({ total: 0 });
  });
});
