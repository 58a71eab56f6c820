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

/**
 * Who sees which suggestion, judgement, merged member and export line, written out literally.
 * Each fixture record (three countries and the Secretariat, each distribution mode) has a twin
 * entered by FR for everyone (same name and date of birth), so the pair is visible exactly where
 * the fixture record is - the rows are those of the records matrix. A viewer outside a record's
 * distribution gets no suggestion, no judgement, no member, no count and no export line for it.
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
const name = (key: string) => `${wordOf(key)} ${wordOf(`${key} family`)}`;

describe.each(backends)("resolution access matrix (literal) on %s", (kind) => {
  let t: TestContext;
  const ids = new Map<string, string>();
  const twins = new Map<string, string>();
  const sessions = new Map<Viewer, H>();
  const lists = new Map<Viewer, { total: number; pairs: string[] }>();
  const exports = new Map<Viewer, string>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const base = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;
    const frTwin = await t.user("fr.twin", "ncb_officer", "FR");
    for (const owner of viewers) {
      const writer = await t.user(
        `${owner.toLowerCase()}.w`,
        owner === "XG" ? "gs_analyst" : "ncb_officer",
        owner,
      );
      for (const [mode, env] of Object.entries(distributionModes)) {
        const key = `${owner} ${mode}`;
        const properties = { name: [name(key)], birthDate: ["1970-01-01"] };
        const envelope = { ...base, ...env, distributionCountries: [...env.distributionCountries] };
        ids.set(
          key,
          (await t.services.records.create(writer, { schema: "Person", properties, envelope, source: "m" }))
            .id,
        );
        const twin = { schema: "Person" as const, properties, envelope: base, source: "twin" };
        twins.set(key, (await t.services.records.create(frTwin, twin)).id);
      }
    }
    const analyst = await t.user("gs.analyst", "gs_analyst", "XG");
    await t.services.resolution.run(analyst);
    for (const v of viewers) {
      await t.user(`${v.toLowerCase()}.reader`, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      sessions.set(v, (await t.login(`${v.toLowerCase()}.reader`)).headers);
      const page = (
        await getAs(t.app, "/api/v1/resolution/candidates?pageSize=200", sessions.get(v) as H)
      ).json();
      const pairs = page.items.map(
        (c: { left: { id: string }; right: { id: string } }) => `${c.left.id} ${c.right.id}`,
      );
      lists.set(v, { total: page.total, pairs });
    }
    // Every pair judged the same by the Secretariat's analyst (who sees all), then exported.
    for (const key of ids.keys())
      await t.services.resolution.judge(analyst, {
        left: ids.get(key) as string,
        right: twins.get(key) as string,
        judgement: "positive",
      });
    for (const v of viewers)
      exports.set(v, (await getAs(t.app, "/api/v1/resolution/export", sessions.get(v) as H)).body);
  });
  afterAll(() => t?.close());

  const pairOf = (row: string) => [ids.get(row), twins.get(row)].sort().join(" ");

  it.each(viewers)(
    "the suggestion total of %s counts only the pairs it may see both records of",
    (viewer) => {
      const want = rowsSeenBy(viewers, table, viewer);
      expect(lists.get(viewer)?.total).toBe(want.length);
      expect(lists.get(viewer)?.pairs.sort()).toEqual(want.map(pairOf).sort());
      expect(exports.get(viewer)?.trim().split("\n").filter(Boolean)).toHaveLength(want.length * 2);
    },
  );

  it.each(cellsOf(viewers, table))("$row resolved by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = ids.get(row) as string;
    const twin = twins.get(row) as string;
    const headers = sessions.get(viewer) as H;
    expect(lists.get(viewer)?.pairs.includes(pairOf(row)), "suggestion").toBe(sees);
    expect(exports.get(viewer)?.includes(`"${id}"`), "export").toBe(sees);
    const viaTwin = await getAs(t.app, `/api/v1/resolution/entities/${twin}`, headers);
    expect(viaTwin.statusCode).toBe(200);
    const merged = viaTwin.json();
    if (sees) {
      expect(merged.id).toMatch(/^NK-/);
      expect(merged.members.map((m: { id: string }) => m.id).sort()).toEqual([id, twin].sort());
      expect(merged.judgements).toHaveLength(1);
    } else {
      // Only the twin: no canonical id, no judgement, no count, nothing of the hidden member.
      expect(merged.id).toBe(twin);
      expect(merged.members.map((m: { id: string }) => m.id)).toEqual([twin]);
      expect(merged.judgements).toEqual([]);
      expect(viaTwin.body).not.toContain(id);
      expect(viaTwin.body).not.toContain('"m"');
      expect((await getAs(t.app, `/api/v1/resolution/entities/${id}`, headers)).statusCode).toBe(404);
    }
  });
});
