import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/shared/actor.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";
import {
  cellsOf,
  distributionModes,
  getAs,
  type H,
  MISSING_ID,
  type Row,
  rowsSeenBy,
  wordOf,
} from "./matrix.ts";

/**
 * Who sees which firearm, vehicle and CBRNE material, written out literally per database: three
 * member countries and the Secretariat (XG) own one item in each distribution mode; each country's
 * officer and a Secretariat reviewer read them by list (and its total), get, search by the item's
 * own identifier (no hit and no count for the excluded) and export in all three formats (JSON Lines, CSV, FtM).
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const firearmsTable: readonly Row[] = [
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

// biome-ignore format: the table is read as a table
const vehiclesTable: readonly Row[] = [
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

// biome-ignore format: the table is read as a table
const materialsTable: readonly Row[] = [
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
type Mode = keyof typeof modes;
const envelope = (mode: Mode) => ({
  ...modes[mode],
  distributionCountries: [...modes[mode].distributionCountries],
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});

type Database = {
  name: string;
  table: readonly Row[];
  /** The query parameter that finds an item by its own identifier. */
  searchBy: string;
  create(t: TestContext, writer: Actor, word: string, mode: Mode): Promise<{ id: string }>;
};

const databases: Database[] = [
  {
    name: "firearms",
    table: firearmsTable,
    searchBy: "serial",
    create: (t, w, word, mode) =>
      t.services.firearms.create(w, {
        serialNumber: word,
        make: "Glock",
        model: "17",
        calibre: "9x19mm",
        type: "pistol",
        countryOfManufacture: "AT",
        status: "stolen",
        envelope: envelope(mode),
      }),
  },
  {
    name: "vehicles",
    table: vehiclesTable,
    searchBy: "plate",
    create: (t, w, word, mode) =>
      t.services.vehicles.create(w, {
        plate: word,
        plateCountry: "FR",
        make: "Renault",
        model: "Clio",
        colour: "grey",
        status: "stolen",
        envelope: envelope(mode),
      }),
  },
  {
    name: "materials",
    table: materialsTable,
    searchBy: "identifier",
    create: (t, w, word, mode) =>
      t.services.materials.create(w, {
        category: "radiological_source",
        description: "Cs-137 sealed source, industrial gauge",
        identifier: word,
        quantity: 1.5,
        unit: "GBq",
        country: "KE",
        eventDate: "2026-03-14",
        status: "stolen",
        envelope: envelope(mode),
      }),
  },
];

describe.each(backends)("object databases access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const sessions = new Map<Viewer, H>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const v of viewers) {
      const name = `${v.toLowerCase()}.reader`;
      await t.user(name, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      sessions.set(v, (await t.login(name)).headers);
    }
  });
  afterAll(() => t?.close());

  describe.each(databases)("$name", (db) => {
    const ids = new Map<string, string>();
    const lists = new Map<Viewer, { total: number; ids: string[] }>();
    const jsonl = new Map<Viewer, string[]>();
    const csv = new Map<Viewer, string[]>();
    const ftm = new Map<Viewer, string[]>();
    const missing = new Map<Viewer, string>();

    beforeAll(async () => {
      for (const owner of viewers) {
        const writer = await t.user(
          `${owner.toLowerCase()}.${db.name}`,
          owner === "XG" ? "gs_analyst" : "ncb_officer",
          owner,
        );
        for (const mode of Object.keys(modes) as Mode[]) {
          const key = `${owner} ${mode}`;
          ids.set(key, (await db.create(t, writer, wordOf(`${db.name} ${key}`), mode)).id);
        }
      }
      for (const v of viewers) {
        const headers = sessions.get(v) as H;
        const list = (await getAs(t.app, `/api/v1/${db.name}?pageSize=200`, headers)).json();
        lists.set(v, { total: list.total, ids: list.items.map((i: { id: string }) => i.id) });
        const exp = await getAs(t.app, `/api/v1/${db.name}/export`, headers);
        expect(exp.statusCode).toBe(200);
        jsonl.set(
          v,
          exp.body
            .split("\n")
            .filter(Boolean)
            .map((l) => (JSON.parse(l) as { id: string }).id),
        );
        const c = await getAs(t.app, `/api/v1/${db.name}/export?format=csv`, headers);
        expect(c.headers["content-type"]).toContain("text/csv");
        const [header, ...rows] = c.body.split("\n").filter(Boolean);
        expect(header?.startsWith("id,")).toBe(true);
        csv.set(
          v,
          rows.map((r) => r.split(",")[0] as string),
        );
        const f = await getAs(t.app, `/api/v1/${db.name}/export?format=ftm`, headers);
        ftm.set(
          v,
          f.body
            .split("\n")
            .filter(Boolean)
            .map((l) => (JSON.parse(l) as { id: string }).id.replace(/^[a-z]+-/, "")),
        );
        missing.set(v, (await getAs(t.app, `/api/v1/${db.name}/${MISSING_ID}`, headers)).body);
      }
    });

    it("the table has one row per item of the fixture", () => {
      expect(db.table.map((r) => r[0]).sort()).toEqual([...ids.keys()].sort());
    });

    it.each(viewers)("the list total and the exports of %s hold only what it may see", (viewer) => {
      const want = rowsSeenBy(viewers, db.table, viewer)
        .map((k) => ids.get(k))
        .sort();
      expect(lists.get(viewer)?.total).toBe(want.length);
      expect(lists.get(viewer)?.ids.sort()).toEqual(want);
      expect(jsonl.get(viewer)?.sort()).toEqual(want);
      expect(csv.get(viewer)?.sort()).toEqual(want);
      expect(ftm.get(viewer)?.sort()).toEqual(want);
    });

    it.each(cellsOf(viewers, db.table))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
      const id = ids.get(row) as string;
      const word = wordOf(`${db.name} ${row}`);
      const headers = sessions.get(viewer) as H;
      const one = await getAs(t.app, `/api/v1/${db.name}/${id}`, headers);
      const search = (
        await getAs(t.app, `/api/v1/${db.name}?${db.searchBy}=${word.toLowerCase()}`, headers)
      ).json();
      expect(search.total, "search total").toBe(sees ? 1 : 0);
      expect(search.items.map((i: { id: string }) => i.id)).toEqual(sees ? [id] : []);
      if (sees) {
        expect(one.statusCode).toBe(200);
        expect(one.json().id).toBe(id);
      } else {
        expect(one.statusCode).toBe(404);
        expect(one.body, "not yours looks like not there").toBe(missing.get(viewer));
      }
    });
  });
});
