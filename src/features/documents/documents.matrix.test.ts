import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import {
  cellsOf,
  distributionModes,
  getAs,
  type H,
  type Row,
  rowsSeenBy,
  wordOf,
} from "../../../test/matrix.ts";
import { systemActor } from "../../shared/actor.ts";

/**
 * Who sees which travel document, written out literally: three member countries and the
 * Secretariat (XG, issuing INTERPOL's own documents, ICAO code XPO) enter documents in each
 * distribution mode; each country's officer and a Secretariat reviewer read them by every path
 * (list and its total, get, search by the document's own number, export as CSV and JSON Lines).
 * A document a viewer may not see answers exactly like one that does not exist.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];
const icao: Record<Viewer, string> = { FR: "FRA", US: "USA", KE: "KEN", XG: "XPO" };

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

const MISSING = "999999999";

describe.each(backends)("travel document access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const ids = new Map<string, string>();
  const sessions = new Map<Viewer, H>();
  const lists = new Map<Viewer, { total: number; ids: string[] }>();
  const jsonl = new Map<Viewer, string[]>();
  const ftm = new Map<Viewer, string[]>();
  const csv = new Map<Viewer, string>();
  const missing = new Map<Viewer, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const owner of viewers) {
      // Bureaus enter through their officers; the Secretariat's documents through the operator.
      const writer =
        owner === "XG"
          ? { ...systemActor("XG"), role: "ncb_admin" as const }
          : await t.user(`${owner.toLowerCase()}.writer`, "ncb_officer", owner);
      for (const [mode, env] of Object.entries(modes)) {
        const key = `${owner} ${mode}`;
        const d = await t.services.documents.create(writer, {
          number: wordOf(key),
          country: icao[owner],
          type: "passport",
          status: "stolen",
          envelope: {
            ...env,
            distributionCountries: [...env.distributionCountries],
            sourceReliability: "A",
            informationAccuracy: 1,
            sourceType: "police",
          },
        });
        ids.set(key, d.id);
      }
    }
    for (const v of viewers) {
      const name = `${v.toLowerCase()}.reader`;
      await t.user(name, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      const headers = (await t.login(name)).headers;
      sessions.set(v, headers);
      const list = (await getAs(t.app, "/api/v1/documents?pageSize=200", headers)).json();
      lists.set(v, { total: list.total, ids: list.items.map((i: { id: string }) => i.id) });
      const exp = await getAs(t.app, "/api/v1/documents/export?format=jsonl", headers);
      jsonl.set(
        v,
        exp.body
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { id: string }).id),
      );
      csv.set(v, (await getAs(t.app, "/api/v1/documents/export?format=csv", headers)).body);
      const entities = (await getAs(t.app, "/api/v1/documents/export?format=ftm", headers)).body;
      ftm.set(
        v,
        entities
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { id: string }).id.replace(/^document-/, "")),
      );
      missing.set(v, (await getAs(t.app, `/api/v1/documents/${MISSING}`, headers)).body);
    }
  });
  afterAll(() => t?.close());

  it("the table has one row per document of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...ids.keys()].sort());
  });

  it.each(viewers)("the list total of %s counts only the documents it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer);
    expect(lists.get(viewer)?.total).toBe(want.length);
    expect(lists.get(viewer)?.ids.sort()).toEqual(want.map((k) => ids.get(k)).sort());
    expect(jsonl.get(viewer)?.sort()).toEqual(want.map((k) => ids.get(k)).sort());
    expect(ftm.get(viewer)?.sort()).toEqual(want.map((k) => ids.get(k)).sort());
    // The CSV export: a header line and one line per visible document.
    expect(csv.get(viewer)?.trimEnd().split("\n").length).toBe(want.length + 1);
  });

  it.each(cellsOf(viewers, table))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = ids.get(row) as string;
    const headers = sessions.get(viewer) as H;
    const one = await getAs(t.app, `/api/v1/documents/${id}`, headers);
    // Searched as a carrier would type it: lower case, with a dash.
    const typed = `${wordOf(row).slice(0, 4).toLowerCase()}-${wordOf(row).slice(4)}`;
    const search = (await getAs(t.app, `/api/v1/documents?number=${typed}`, headers)).json();
    expect(lists.get(viewer)?.ids.includes(id), "list").toBe(sees);
    expect(jsonl.get(viewer)?.includes(id), "export jsonl").toBe(sees);
    expect(ftm.get(viewer)?.includes(id), "export ftm").toBe(sees);
    expect(csv.get(viewer)?.includes(`${wordOf(row)},`), "export csv").toBe(sees);
    expect(search.total, "search total").toBe(sees ? 1 : 0);
    expect(search.items.map((i: { id: string }) => i.id)).toEqual(sees ? [id] : []);
    if (sees) {
      expect(one.statusCode).toBe(200);
      expect(one.json().number).toBe(wordOf(row));
    } else {
      expect(one.statusCode).toBe(404);
      expect(one.body, "not yours looks like not there").toBe(missing.get(viewer));
    }
  });
});
