import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, MISSING_ID, type Row, rowsSeenBy } from "../../../test/matrix.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";

/**
 * Referrals, written out literally. A referral may carry a hash entry only from a bank that the
 * referring unit may see AND that is shared with the platform within the bank's distribution (else
 * it is refused when made, and nothing is stored); a URL may always be referred. A platform sees
 * only its own referrals, a country those it made, the Secretariat all.
 */
const humans = ["FR", "US", "KE", "XG"] as const;
const platforms = ["pFR", "pUS", "pKE"] as const;
const viewers = [...humans, ...platforms] as const;
type Viewer = (typeof viewers)[number];

/** Banks: owner, distribution, platforms it is shared with. */
// biome-ignore format: the table is read as a table
const bankSpecs: Record<string, { owner: string; only?: string; except?: string; shared: string[] | "all" }> = {
  "FR all shared-all":         { owner: "FR", shared: "all" },
  "FR only-US shared-pUS-pKE": { owner: "FR", only: "US", shared: ["pUS", "pKE"] },
  "FR except-US shared-all":   { owner: "FR", except: "US", shared: "all" },
  "FR all unshared":           { owner: "FR", shared: [] },
  "KE only-FR shared-pFR-pUS": { owner: "KE", only: "FR", shared: ["pFR", "pUS"] },
};

// Referrer -> platform, carrying a bank's entry or a URL: created (201) or refused (4xx).
// biome-ignore format: the table is read as a table
const requests: readonly [key: string, created: boolean][] = [
  ["FR>pUS FR all shared-all",          true],
  ["FR>pUS FR only-US shared-pUS-pKE",  true],
  ["FR>pFR FR only-US shared-pUS-pKE",  false], // not shared with pFR
  ["FR>pKE FR only-US shared-pUS-pKE",  false], // shared, but Kenya is outside the distribution
  ["FR>pUS FR except-US shared-all",    false], // the US is outside the distribution
  ["FR>pFR FR all unshared",            false], // shared with no platform
  ["FR>pFR KE only-FR shared-pFR-pUS",  true],
  ["FR>pUS KE only-FR shared-pFR-pUS",  false], // shared with pUS, but the US is outside the distribution
  ["US>pUS KE only-FR shared-pFR-pUS",  false], // the US unit may not see the bank
  ["XG>pFR KE only-FR shared-pFR-pUS",  true],
  ["FR>pKE url",                        true],
  ["US>pUS url",                        true],
];

// Who sees each referral that was made.
// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                                    FR     US     KE     XG     pFR    pUS    pKE
  ["FR>pUS FR all shared-all",          true,  false, false, true,  false, true,  false],
  ["FR>pUS FR only-US shared-pUS-pKE",  true,  false, false, true,  false, true,  false],
  ["FR>pFR KE only-FR shared-pFR-pUS",  true,  false, false, true,  true,  false, false],
  ["XG>pFR KE only-FR shared-pFR-pUS",  false, false, false, true,  true,  false, false],
  ["FR>pKE url",                        true,  false, false, true,  false, false, true],
  ["US>pUS url",                        false, true,  false, true,  false, true,  false],
];

const env = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe.each(backends)("referral access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const headers = new Map<Viewer, H>();
  const entries = new Map<string, number>();
  const clientIds: Record<string, string> = {};
  const made = new Map<string, { status: number; id?: string }>();
  type Listed = {
    id: string;
    referringCountry: string;
    platformClientId: string;
    hash: { entryId: number } | null;
  };
  const lists = new Map<Viewer, Listed[]>();
  const missing = new Map<Viewer, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const p of platforms) {
      const c = await t.services.clients.create(systemActor("XG"), {
        name: `Platform ${p}`,
        role: "platform_partner",
        country: p.slice(1),
        scopes: ["content:match", "content:referrals"],
      });
      clientIds[p] = c.client.id;
      headers.set(p, { authorization: `Bearer ${c.token}` });
    }
    const analysts: Record<string, Actor> = {};
    for (const h of humans) {
      analysts[h] = await t.user(`${h.toLowerCase()}.ca`, h === "XG" ? "gs_analyst" : "content_analyst", h);
      headers.set(h, (await t.login(`${h.toLowerCase()}.ca`)).headers);
    }
    for (const [name, s] of Object.entries(bankSpecs)) {
      const mode = s.only ? "only" : s.except ? "except" : "all";
      const bank = await t.services.content.createBank(analysts[s.owner] as Actor, {
        name,
        envelope: {
          ...env,
          distribution: mode,
          distributionCountries: [s.only ?? s.except].filter(Boolean) as string[],
        },
        sharedWithAllPlatforms: s.shared === "all",
        sharedWithClients: s.shared === "all" ? [] : s.shared.map((p) => clientIds[p] as string),
      });
      const value = createHash("md5").update(name).digest("hex");
      const e = await t.services.content.addEntry(analysts[s.owner] as Actor, bank.id, {
        signalType: "md5",
        value,
      });
      entries.set(name, e.id);
    }
    for (const [key] of requests) {
      const [route, ...rest] = key.split(" ");
      const [from, to] = (route as string).split(">") as [Viewer, string];
      const source = rest.join(" ");
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/content/referrals",
        headers: headers.get(from) as H,
        payload: {
          platformClientId: clientIds[to],
          legalBasis: "voluntary",
          ...(source === "url"
            ? { url: `https://video.example/${to}` }
            : { hashEntryId: entries.get(source) }),
        },
      });
      made.set(key, { status: res.statusCode, ...(res.statusCode === 201 ? { id: res.json().id } : {}) });
    }
    for (const v of viewers) {
      const h = headers.get(v) as H;
      lists.set(v, (await getAs(t.app, "/api/v1/content/referrals?pageSize=500", h)).json().items);
      missing.set(v, (await getAs(t.app, `/api/v1/content/referrals/${MISSING_ID}`, h)).body);
    }
  });
  afterAll(() => t?.close());

  it("the tables cover every request, and every referral made", () => {
    expect(requests.map((r) => r[0]).sort()).toEqual([...made.keys()].sort());
    expect(table.map((r) => r[0]).sort()).toEqual(
      requests
        .filter((r) => r[1])
        .map((r) => r[0])
        .sort(),
    );
  });

  it.each(requests)("%s is created: %s", (key, created) => {
    const status = made.get(key)?.status as number;
    if (created) expect(status).toBe(201);
    else {
      expect(status, "refused when made").toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      // Nothing was stored: the Secretariat, which sees every referral, sees none like it.
      const [route, ...source] = key.split(" ");
      const [from, to] = (route as string).split(">") as [string, string];
      const entry = entries.get(source.join(" "));
      const stored = lists
        .get("XG")
        ?.filter(
          (r) =>
            r.referringCountry === from && r.platformClientId === clientIds[to] && r.hash?.entryId === entry,
        );
      expect(stored).toEqual([]);
    }
  });

  it.each(viewers)("the referral list of %s holds only what it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer).map((k) => made.get(k)?.id);
    expect(
      lists
        .get(viewer)
        ?.map((r) => r.id)
        .sort(),
    ).toEqual(want.sort());
  });

  it.each(cellsOf(viewers, table))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = made.get(row)?.id as string;
    expect(
      lists.get(viewer)?.some((r) => r.id === id),
      "list",
    ).toBe(sees);
    const one = await getAs(t.app, `/api/v1/content/referrals/${id}`, headers.get(viewer) as H);
    expect(one.statusCode, "get").toBe(sees ? 200 : 404);
    if (!sees) expect(one.body, "not yours looks like not there").toBe(missing.get(viewer));
  });
});
