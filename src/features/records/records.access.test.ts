import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { canSee } from "../../shared/envelope/visibility.ts";
import { type Role, roles } from "../../shared/roles.ts";

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

/** Roles that open files, written out (not read from the policy under test). */
const readers: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_reviewer", "gs_analyst"];

/** Which records each viewing country may see, by owner and distribution: the expected results. */
// biome-ignore format: the table is read as a table
const visible: Record<string, Record<(typeof viewers)[number], boolean>> = {
  "FR all":       { FR: true,  US: true,  KE: true,  XG: true },
  "FR only US":   { FR: true,  US: true,  KE: false, XG: true },
  "FR except US": { FR: true,  US: false, KE: true,  XG: true },
  "US all":       { FR: true,  US: true,  KE: true,  XG: true },
  "US only US":   { FR: false, US: true,  KE: false, XG: true },
  "US except US": { FR: true,  US: true,  KE: true,  XG: true },
  "KE all":       { FR: true,  US: true,  KE: true,  XG: true },
  "KE only US":   { FR: false, US: true,  KE: true,  XG: true },
  "KE except US": { FR: true,  US: false, KE: true,  XG: true },
};

type Seeded = {
  key: string;
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
          key: `${owner} ${m.distribution === "all" ? "all" : `${m.distribution} US`}`,
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

  const expectedFor = (country: (typeof viewers)[number]) =>
    records
      .filter((r) => visible[r.key]?.[country])
      .map((r) => r.id)
      .sort();

  it("the table has one row per seeded record", () => {
    expect(Object.keys(visible).sort()).toEqual(records.map((r) => r.key).sort());
  });

  const session = (key: string): Record<string, string> => {
    const headers = sessions.get(key);
    if (!headers) throw new Error(`no session ${key}`);
    return headers;
  };

  const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();

  it.each(roles.flatMap((role) => viewers.map((country) => [role, country] as const)))(
    "%s of %s sees exactly what its country may see, by every path",
    async (role, country) => {
      const headers = session(`${role}/${country}`);
      const reader = readers.includes(role);
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
    const target = records.find((r) => r.key === "FR only US") as Seeded;
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: "PATCH",
        url: `/api/v1/records/${target.id}`,
        headers,
        payload: { properties: { name: ["Changed"] }, source: "edit" },
      });
    expect((await patch(session("ncb_officer/US"))).statusCode).toBe(403);
    expect((await patch(session("ncb_officer/KE"))).statusCode).toBe(404);
    expect((await patch(session("gs_analyst/XG"))).statusCode).toBe(403);
    expect((await patch(session("ncb_officer/FR"))).statusCode).toBe(200);

    await t.app.inject({
      method: "GET",
      url: `/api/v1/records/${target.id}`,
      headers: session("gs_reviewer/XG"),
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

  it("the SQL rule and the in-memory rule both give the written-out answer for every combination", async () => {
    // Owner, distribution, listed countries -> may FR, US, KE, XG see it ("1" = yes).
    // biome-ignore format: the table is read as a table
    const rule: [string, "all" | "only" | "except", string[], string][] = [
      ["FR", "all",    ["US"],       "1111"],
      ["FR", "all",    ["FR", "KE"], "1111"],
      ["FR", "all",    ["KE"],       "1111"],
      ["FR", "only",   ["US"],       "1101"],
      ["FR", "only",   ["FR", "KE"], "1011"],
      ["FR", "only",   ["KE"],       "1011"],
      ["FR", "except", ["US"],       "1011"],
      ["FR", "except", ["FR", "KE"], "1101"],
      ["FR", "except", ["KE"],       "1101"],
      ["US", "all",    ["US"],       "1111"],
      ["US", "all",    ["FR", "KE"], "1111"],
      ["US", "all",    ["KE"],       "1111"],
      ["US", "only",   ["US"],       "0101"],
      ["US", "only",   ["FR", "KE"], "1111"],
      ["US", "only",   ["KE"],       "0111"],
      ["US", "except", ["US"],       "1111"],
      ["US", "except", ["FR", "KE"], "0101"],
      ["US", "except", ["KE"],       "1101"],
    ];
    const { sql } = await import("kysely");
    let checked = 0;
    for (const [owner, distribution, distributionCountries, want] of rule) {
      for (const [i, viewer] of viewers.entries()) {
        const gs = viewer === "XG";
        const expected = want[i] === "1";
        const r = await sql<{
          v: boolean;
        }>`SELECT fusion_can_see(${owner}, ${distribution}, ${distributionCountries}::text[], ${viewer}, ${gs}) AS v`.execute(
          t.deps.db,
        );
        const c = { owner, distribution, distributionCountries };
        const what = `${owner} ${distribution} ${distributionCountries.join(",")} seen by ${viewer}`;
        expect(r.rows[0]?.v, `SQL: ${what}`).toBe(expected);
        expect(canSee(c, { country: viewer, isSecretariat: gs }), `memory: ${what}`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBe(72);
  });
});
