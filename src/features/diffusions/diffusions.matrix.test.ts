import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, MISSING_ID, type Row, rowsSeenBy, wordOf } from "../../../test/matrix.ts";

/**
 * Who sees which diffusion, written out literally: its sender, its recipients and the Secretariat
 * (which reviews every diffusion); nobody else, by list, count or id. A review by the Secretariat
 * changes nothing about who sees it. A diffusion a viewer may not see answers like one that does
 * not exist.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                          FR     US     KE     XG
  ["FR to all",               true,  true,  true,  true],
  ["FR to US",                true,  true,  false, true],
  ["FR to KE",                true,  false, true,  true],
  ["FR to US KE",             true,  true,  true,  true],
  ["FR to DE",                true,  false, false, true],
  ["US to FR",                true,  true,  false, true],
  ["KE to DE",                false, false, true,  true],
  ["FR to US confirmed",      true,  true,  false, true],
  ["FR to US cancelled",      true,  true,  false, true],
];

/** "FR to US KE cancelled" -> sender FR, recipients [US, KE], reviewed as cancelled. */
function parse(key: string) {
  const [sender, , ...rest] = key.split(" ");
  const review = rest.at(-1) === "confirmed" || rest.at(-1) === "cancelled" ? rest.pop() : undefined;
  return { sender: sender as string, recipients: rest[0] === "all" ? "all" : rest, review };
}

describe.each(backends)("diffusion access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const ids = new Map<string, string>();
  const states = new Map<string, string>();
  const sessions = new Map<Viewer, H>();
  const lists = new Map<Viewer, { total: number; ids: string[] }>();
  const missing = new Map<Viewer, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const senders: Record<string, H> = {};
    for (const c of ["FR", "US", "KE"]) {
      await t.user(`${c.toLowerCase()}.sender`, "ncb_officer", c);
      senders[c] = (await t.login(`${c.toLowerCase()}.sender`)).headers;
    }
    await t.user("gs.reviewer", "gs_reviewer", "XG");
    const gs = (await t.login("gs.reviewer")).headers;
    for (const [key] of table) {
      const { sender, recipients, review } = parse(key);
      const sent = await t.app.inject({
        method: "POST",
        url: "/api/v1/diffusions",
        headers: senders[sender] as H,
        payload: {
          kind: "arrest",
          recipients,
          title: `Arrest request ${wordOf(key)}`,
          body: "Wanted for a bombing; arrest warrant of 2 March 2026.",
          sourceReliability: "B",
          informationAccuracy: 2,
          sourceType: "judicial",
        },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      ids.set(key, sent.json().id);
      states.set(key, "unreviewed");
      if (review) {
        const decision = review === "confirmed" ? "confirm" : "cancel";
        const r = await t.app.inject({
          method: "POST",
          url: `/api/v1/diffusions/${sent.json().id}/review`,
          headers: gs,
          payload: { decision, reasons: "Checked" },
        });
        expect(r.statusCode, r.body).toBe(200);
        states.set(key, review);
      }
    }
    for (const v of viewers) {
      await t.user(`${v.toLowerCase()}.reader`, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      const headers = (await t.login(`${v.toLowerCase()}.reader`)).headers;
      sessions.set(v, headers);
      const list = (await getAs(t.app, "/api/v1/diffusions?pageSize=200", headers)).json();
      lists.set(v, { total: list.total, ids: list.items.map((i: { id: string }) => i.id) });
      missing.set(v, (await getAs(t.app, `/api/v1/diffusions/${MISSING_ID}`, headers)).body);
    }
  });
  afterAll(() => t?.close());

  it("the table has one row per diffusion of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...ids.keys()].sort());
  });

  it.each(viewers)("the list total of %s counts only the diffusions it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer);
    expect(lists.get(viewer)?.total).toBe(want.length);
    expect(lists.get(viewer)?.ids.sort()).toEqual(want.map((k) => ids.get(k)).sort());
  });

  it.each(cellsOf(viewers, table))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = ids.get(row) as string;
    const headers = sessions.get(viewer) as H;
    expect(lists.get(viewer)?.ids.includes(id), "list").toBe(sees);
    const filtered = (
      await getAs(t.app, `/api/v1/diffusions?pageSize=200&reviewState=${states.get(row)}`, headers)
    ).json();
    expect(
      filtered.items.some((i: { id: string }) => i.id === id),
      "list by review state",
    ).toBe(sees);
    const one = await getAs(t.app, `/api/v1/diffusions/${id}`, headers);
    expect(one.statusCode).toBe(sees ? 200 : 404);
    if (sees) expect(one.json()).toMatchObject({ id, reviewState: states.get(row) });
    else expect(one.body, "not yours looks like not there").toBe(missing.get(viewer));
  });
});
