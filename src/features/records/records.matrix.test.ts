import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import {
  cellsOf,
  distributionModes,
  getAs,
  type H,
  MISSING_ID,
  type Row,
  rowsSeenBy,
  wordOf,
} from "../../../test/matrix.ts";

/**
 * Who sees which intelligence record, written out literally: three member countries and the
 * Secretariat (XG) own records in each distribution mode; each country's officer and a Secretariat
 * reviewer read them by every path (list and its total, get, history, search by the record's own
 * name, export). A record a viewer may not see answers exactly like one that does not exist.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                 FR     US     KE     XG
  ["FR all",         true,  true,  true,  true],
  ["FR only US",     true,  true,  false, true],
  ["FR except US",   true,  false, true,  true],
  ["US all",         true,  true,  true,  true],
  ["US only US",     false, true,  false, true],
  ["US except US",   true,  true,  true,  true],
  ["KE all",         true,  true,  true,  true],
  ["KE only US",     false, true,  true,  true],
  ["KE except US",   true,  false, true,  true],
  ["XG all",         true,  true,  true,  true],
  ["XG only US",     false, true,  false, true],
  ["XG except US",   true,  false, true,  true],
];

const modes = distributionModes;

describe.each(backends)("record access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const ids = new Map<string, string>();
  const sessions = new Map<Viewer, H>();
  const lists = new Map<Viewer, { total: number; ids: string[] }>();
  const exports = new Map<Viewer, string[]>();
  const missing = new Map<Viewer, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const owner of viewers) {
      // The Secretariat enters records through its analysts; countries through their bureaus.
      const writer = await t.user(
        `${owner.toLowerCase()}.writer`,
        owner === "XG" ? "gs_analyst" : "ncb_officer",
        owner,
      );
      for (const [mode, env] of Object.entries(modes)) {
        const key = `${owner} ${mode}`;
        const r = await t.services.records.create(writer, {
          schema: "Person",
          properties: { name: [wordOf(key)] },
          envelope: {
            ...env,
            distributionCountries: [...env.distributionCountries],
            sourceReliability: "B",
            informationAccuracy: 2,
            sourceType: "police",
          },
          source: "matrix",
        });
        ids.set(key, r.id);
      }
    }
    for (const v of viewers) {
      const name = `${v.toLowerCase()}.reader`;
      await t.user(name, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      const headers = (await t.login(name)).headers;
      sessions.set(v, headers);
      const list = (await getAs(t.app, "/api/v1/records?pageSize=200", headers)).json();
      lists.set(v, { total: list.total, ids: list.items.map((i: { id: string }) => i.id) });
      const exp = await getAs(t.app, "/api/v1/records/export", headers);
      exports.set(
        v,
        exp.body
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { id: string }).id),
      );
      missing.set(v, (await getAs(t.app, `/api/v1/records/${MISSING_ID}`, headers)).body);
    }
  });
  afterAll(() => t?.close());

  it("the table has one row per record of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...ids.keys()].sort());
  });

  it.each(viewers)("the list total of %s counts only the records it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer);
    expect(lists.get(viewer)?.total).toBe(want.length);
    expect(lists.get(viewer)?.ids.sort()).toEqual(want.map((k) => ids.get(k)).sort());
    expect(exports.get(viewer)?.sort()).toEqual(want.map((k) => ids.get(k)).sort());
  });

  it.each(cellsOf(viewers, table))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = ids.get(row) as string;
    const headers = sessions.get(viewer) as H;
    const one = await getAs(t.app, `/api/v1/records/${id}`, headers);
    const history = await getAs(t.app, `/api/v1/records/${id}/history`, headers);
    const search = (await getAs(t.app, `/api/v1/records?q=${wordOf(row)}`, headers)).json();
    expect(lists.get(viewer)?.ids.includes(id), "list").toBe(sees);
    expect(exports.get(viewer)?.includes(id), "export").toBe(sees);
    expect(search.total, "search total").toBe(sees ? 1 : 0);
    expect(search.items.map((i: { id: string }) => i.id)).toEqual(sees ? [id] : []);
    if (sees) {
      expect(one.statusCode).toBe(200);
      expect(history.statusCode).toBe(200);
      expect(history.json().items).toEqual([expect.objectContaining({ prop: "name", value: wordOf(row) })]);
    } else {
      expect(one.statusCode).toBe(404);
      expect(one.body, "not yours looks like not there").toBe(missing.get(viewer));
      expect(history.statusCode).toBe(404);
      expect(history.body).not.toContain(wordOf(row));
    }
  });
});
