import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { canSee } from "../../shared/envelope/visibility.ts";
import { fileReaderRoles, roles } from "../../shared/roles.ts";

/**
 * The access matrix: three member countries and the Secretariat, every role, every distribution
 * mode. Whatever the path (list, get, search, export), nobody receives a record their country may
 * not see, and roles that do not read files receive none at all.
 */
const owners = ["FR", "US", "KE"] as const;
const viewers = ["FR", "US", "KE", "XG"] as const;
const modes = [
  { distribution: "all", distributionCountries: [] },
  { distribution: "only", distributionCountries: ["US"] },
  { distribution: "except", distributionCountries: ["US"] },
] as const;

type Seeded = {
  id: string;
  owner: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string[];
};

describe.each(backends)("record access matrix on %s", (kind) => {
  let t: TestContext;
  const records: Seeded[] = [];
  const sessions = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const owner of owners) {
      const officer = await t.user(`${owner.toLowerCase()}.writer`, "ncb_officer", owner);
      for (const m of modes) {
        const r = await t.services.records.create(officer, {
          schema: "Person",
          properties: { name: [`Matrix ${owner} ${m.distribution}`] },
          envelope: {
            ...m,
            distributionCountries: [...m.distributionCountries],
            sourceReliability: "B",
            informationAccuracy: 2,
            sourceType: "police",
          },
          source: "matrix test",
        });
        records.push({
          id: r.id,
          owner,
          distribution: m.distribution,
          distributionCountries: [...m.distributionCountries],
        });
      }
    }
    for (const role of roles) {
      for (const country of viewers) {
        const name = `${role.replace("_", "")}.${country.toLowerCase()}`;
        await t.user(name, role, country);
        sessions.set(`${role}/${country}`, (await t.login(name)).headers);
      }
    }
  });
  afterAll(() => t?.close());

  const expectedFor = (country: string) =>
    records
      .filter((r) => canSee(r, { country, isSecretariat: country === "XG" }))
      .map((r) => r.id)
      .sort();

  const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();

  it.each(roles.flatMap((role) => viewers.map((country) => [role, country] as const)))(
    "%s of %s sees exactly what its country may see, by every path",
    async (role, country) => {
      const headers = sessions.get(`${role}/${country}`)!;
      const reader = fileReaderRoles.includes(role);
      const expected = expectedFor(country);

      const list = await t.app.inject({ method: "GET", url: "/api/v1/records?pageSize=200", headers });
      const search = await t.app.inject({
        method: "GET",
        url: "/api/v1/records?q=matrix&pageSize=200",
        headers,
      });
      const exp = await t.app.inject({ method: "GET", url: "/api/v1/records/export", headers });
      if (!reader) {
        for (const res of [list, search, exp]) expect(res.statusCode).toBe(403);
      } else {
        expect(idsOf(list.json().items)).toEqual(expected);
        expect(idsOf(search.json().items)).toEqual(expected);
        const exported = exp.body
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { id: string });
        expect(idsOf(exported)).toEqual(expected);
      }
      for (const r of records) {
        const res = await t.app.inject({ method: "GET", url: `/api/v1/records/${r.id}`, headers });
        const want = !reader ? 403 : expected.includes(r.id) ? 200 : 404;
        expect(res.statusCode, `${role}/${country} reading ${r.owner}/${r.distribution}`).toBe(want);
      }
    },
  );

  it("API clients see no files unless granted, and then only their country's view", async () => {
    const admin: Actor = {
      kind: "system",
      id: "00000000-0000-0000-0000-000000000000",
      username: "system",
      role: "admin",
      country: "XG",
      isSecretariat: true,
      scopes: [],
    };
    const border = await t.services.clients.create(admin, {
      name: "US border",
      role: "border_officer",
      country: "US",
      scopes: ["screening:check"],
    });
    const bureau = await t.services.clients.create(admin, {
      name: "US case system",
      role: "ncb_officer",
      country: "US",
      scopes: ["records:read"],
    });
    const asBorder = await t.app.inject({
      method: "GET",
      url: "/api/v1/records",
      headers: { authorization: `Bearer ${border.token}` },
    });
    expect(asBorder.statusCode).toBe(403);
    const asBureau = await t.app.inject({
      method: "GET",
      url: "/api/v1/records?pageSize=200",
      headers: { authorization: `Bearer ${bureau.token}` },
    });
    expect(idsOf(asBureau.json().items)).toEqual(expectedFor("US"));
  });

  it("only the owner changes a record; the Secretariat's oversight reads are flagged in the audit", async () => {
    const target = records.find((r) => r.owner === "FR" && r.distribution === "only")!;
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/records/${target.id}`,
        headers,
        payload: { properties: { name: ["Changed"] }, source: "edit" },
      });
    expect((await patch(sessions.get("ncb_officer/US")!)).statusCode).toBe(403);
    expect((await patch(sessions.get("ncb_officer/KE")!)).statusCode).toBe(404);
    expect((await patch(sessions.get("gs_analyst/XG")!)).statusCode).toBe(403);
    expect((await patch(sessions.get("ncb_officer/FR")!)).statusCode).toBe(200);

    await t.app.inject({
      method: "GET",
      url: `/api/v1/records/${target.id}`,
      headers: sessions.get("gs_reviewer/XG")!,
    });
    const row = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "record.read")
      .where("record_id", "=", target.id)
      .where("actor_country", "=", "XG")
      .executeTakeFirstOrThrow();
    expect(row.detail).toMatchObject({ oversight: true, owner: "FR" });
  });

  it("the SQL rule and the in-memory rule agree on every combination", async () => {
    const cases = [];
    for (const owner of ["FR", "US"])
      for (const d of ["all", "only", "except"] as const)
        for (const list of [["US"], ["FR", "KE"], ["KE"]])
          for (const viewer of ["FR", "US", "KE", "XG"])
            cases.push({ owner, distribution: d, distributionCountries: list, viewer, gs: viewer === "XG" });
    for (const c of cases) {
      const { sql } = await import("kysely");
      const r = await sql<{
        v: boolean;
      }>`SELECT fusion_can_see(${c.owner}, ${c.distribution}, ${c.distributionCountries}::text[], ${c.viewer}, ${c.gs}) AS v`.execute(
        t.deps.db,
      );
      expect(r.rows[0]?.v, JSON.stringify(c)).toBe(canSee(c, { country: c.viewer, isSecretariat: c.gs }));
    }
  });
});
