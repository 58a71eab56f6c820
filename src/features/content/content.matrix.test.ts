import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, MISSING_ID, type Row, rowsSeenBy } from "../../../test/matrix.ts";
import { systemActor } from "../../shared/actor.ts";

/**
 * Who sees which hash bank, its entries, its thumbnails and its matches, written out literally.
 * Countries (their content analysts, the Secretariat's analysts) see a bank by its envelope; a
 * platform partner only a bank shared with it AND distributed to the platform's country (no
 * oversight right). Thumbnails go to content analysts and Secretariat analysts only. A bank a
 * viewer may not see answers like one that does not exist.
 */
const humans = ["FR", "US", "KE", "XG"] as const;
const platforms = ["pFR", "pUS", "pKE"] as const;
const viewers = [...humans, ...platforms] as const;
type Viewer = (typeof viewers)[number];
type Human = (typeof humans)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                                  FR     US     KE     XG     pFR    pUS    pKE
  ["FR all shared-all",               true,  true,  true,  true,  true,  true,  true],
  ["FR only-US shared-pUS-pKE",       true,  true,  false, true,  false, true,  false],
  ["FR except-US shared-all",         true,  false, true,  true,  true,  false, true],
  ["FR all unshared",                 true,  true,  true,  true,  false, false, false],
  ["US only-US shared-all",           false, true,  false, true,  false, true,  false],
  ["KE only-FR shared-pFR-pUS",       true,  false, true,  true,  true,  false, false],
];

const env = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
const md5Of = (key: string) => createHash("md5").update(key).digest("hex");

/** A small gradient PNG: decodable, so an entry from it keeps a thumbnail. */
const picture = () => {
  const px = Buffer.alloc(64 * 64 * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * 7) % 256;
  return sharp(px, { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
};

describe.each(backends)("hash bank access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const banks = new Map<string, { id: string; thumbEntry: number }>();
  const headers = new Map<Viewer, H>();
  const officers = new Map<Human, H>();
  const listed = new Map<Human, string[]>();
  const missing = new Map<Human, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const clientIds: Record<string, string> = {};
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
    const image = await picture();
    for (const h of humans) {
      const analyst = await t.user(`${h.toLowerCase()}.ca`, h === "XG" ? "gs_analyst" : "content_analyst", h);
      headers.set(h, (await t.login(`${h.toLowerCase()}.ca`)).headers);
      if (h !== "XG") {
        await t.user(`${h.toLowerCase()}.ncb`, "ncb_officer", h);
        officers.set(h, (await t.login(`${h.toLowerCase()}.ncb`)).headers);
      }
      for (const [key] of table.filter((r) => r[0].startsWith(`${h} `))) {
        const [, dist, share] = key.split(" ") as [string, string, string];
        const [mode, country] = dist.split("-");
        const named = share.startsWith("shared-p") ? share.slice(7).split("-") : [];
        const bank = await t.services.content.createBank(analyst, {
          name: key,
          envelope: { ...env, distribution: mode as "all", distributionCountries: country ? [country] : [] },
          sharedWithAllPlatforms: share === "shared-all",
          sharedWithClients: named.map((p) => clientIds[p] as string),
        });
        await t.services.content.addEntry(analyst, bank.id, { signalType: "md5", value: md5Of(key) });
        const fromImage = await t.services.content.addEntriesFromImage(analyst, bank.id, image, {});
        banks.set(key, { id: bank.id, thumbEntry: fromImage.entries[0]?.id as number });
      }
    }
    for (const h of humans) {
      const list = (await getAs(t.app, "/api/v1/content/banks", headers.get(h) as H)).json();
      listed.set(
        h,
        list.items.map((b: { id: string }) => b.id),
      );
      missing.set(h, (await getAs(t.app, `/api/v1/content/banks/${MISSING_ID}`, headers.get(h) as H)).body);
    }
  });
  afterAll(() => t?.close());

  const match = async (h: H, key: string) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/content/match",
      headers: h,
      payload: { signalType: "md5", value: md5Of(key) },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().matches as { bankId: string }[]).map((m) => m.bankId);
  };

  it("the table has one row per bank of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...banks.keys()].sort());
  });

  it.each(humans)("the bank list of %s holds only the banks it may see", (h) => {
    const want = rowsSeenBy(viewers, table, h);
    expect(listed.get(h)?.sort()).toEqual(want.map((k) => banks.get(k)?.id).sort());
  });

  it.each(cellsOf(viewers, table))("$row, seen by $viewer: $sees", async ({ row, viewer, sees }) => {
    const bank = banks.get(row) as { id: string; thumbEntry: number };
    const h = headers.get(viewer) as H;
    expect(await match(h, row), "match").toEqual(sees ? [bank.id] : []);
    const thumb = await getAs(t.app, `/api/v1/content/entries/${bank.thumbEntry}/thumbnail`, h);
    if ((platforms as readonly string[]).includes(viewer)) {
      // Platforms get hashes, never the material, and never the bank itself.
      expect(thumb.statusCode, "thumbnail").toBe(403);
      expect((await getAs(t.app, `/api/v1/content/banks/${bank.id}`, h)).statusCode).toBe(403);
      return;
    }
    expect(thumb.statusCode, "thumbnail").toBe(sees ? 200 : 404);
    expect(listed.get(viewer as Human)?.includes(bank.id), "list").toBe(sees);
    for (const path of ["", "/entries", "/export?format=plain"]) {
      const res = await getAs(t.app, `/api/v1/content/banks/${bank.id}${path}`, h);
      expect(res.statusCode, path || "get").toBe(sees ? 200 : 404);
      if (sees) expect(res.body, path || "get").toContain(path === "" ? bank.id : md5Of(row));
      else expect(res.body, "not yours looks like not there").toBe(missing.get(viewer as Human));
    }
    // A bureau officer of the same country checks hashes against the same banks, and sees no image.
    const officer = officers.get(viewer as Human);
    if (officer) {
      expect(await match(officer, row), "officer match").toEqual(sees ? [bank.id] : []);
      const o = await getAs(t.app, `/api/v1/content/entries/${bank.thumbEntry}/thumbnail`, officer);
      expect(o.statusCode, "officer thumbnail").toBe(403);
    }
  });
});
