import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, MISSING_ID, type Row, rowsSeenBy, wordOf } from "../../../test/matrix.ts";
import type { Actor } from "../../shared/actor.ts";
import { expireAll, type Made, type Mode, type Reachable, reach } from "./notices.reach.ts";

/**
 * Who sees which notice, in every state of the lifecycle, written out literally (docs/notices.md,
 * "Who sees what"): the owner sees all its notices; the Secretariat every request once submitted
 * (a draft, also one returned to its owner or withdrawn before submission, is the owner's working
 * copy); another country only a notice that is published now and distributed to it. The subject
 * record is exactly as visible as its notice, by every path of the records API.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                                FR     US     KE     XG
  ["FR draft all",                  true,  false, false, false],
  ["FR draft only US",              true,  false, false, false],
  ["FR draft except US",            true,  false, false, false],
  ["FR returned all",               true,  false, false, false],
  ["FR returned only US",           true,  false, false, false],
  ["FR returned except US",         true,  false, false, false],
  ["FR withdrawn-draft all",        true,  false, false, false],
  ["FR submitted all",              true,  false, false, true],
  ["FR submitted only US",          true,  false, false, true],
  ["FR submitted except US",        true,  false, false, true],
  ["FR under_review all",           true,  false, false, true],
  ["FR under_review only US",       true,  false, false, true],
  ["FR under_review except US",     true,  false, false, true],
  ["FR refused all",                true,  false, false, true],
  ["FR refused only US",            true,  false, false, true],
  ["FR refused except US",          true,  false, false, true],
  ["FR published all",              true,  true,  true,  true],
  ["FR published only US",          true,  true,  false, true],
  ["FR published except US",       true,  false, true,  true],
  ["FR suspended all",              true,  false, false, true],
  ["FR suspended only US",          true,  false, false, true],
  ["FR suspended except US",        true,  false, false, true],
  ["FR withdrawn all",              true,  false, false, true],
  ["FR withdrawn only US",          true,  false, false, true],
  ["FR withdrawn except US",        true,  false, false, true],
  ["FR cancelled all",              true,  false, false, true],
  ["FR cancelled only US",          true,  false, false, true],
  ["FR cancelled except US",        true,  false, false, true],
  ["FR expired all",                true,  false, false, true],
  ["FR expired only US",            true,  false, false, true],
  ["FR expired except US",          true,  false, false, true],
  ["US draft all",                  false, true,  false, false],
  ["US submitted only KE",          false, true,  false, true],
  ["US published only KE",          false, true,  true,  true],
];

/** "FR published only US" -> owner FR, state published, mode "only US". */
function parse(key: string): { owner: string; state: Reachable; mode: Mode } {
  const [owner, state, ...mode] = key.split(" ");
  return { owner: owner as string, state: state as Reachable, mode: mode.join(" ") as Mode };
}

describe.each(backends)("notice access matrix in every state (literal) on %s", (kind) => {
  let t: TestContext;
  const made = new Map<string, Made>();
  const sessions = new Map<Viewer, H>();
  const seen = new Map<Viewer, { notices: string[]; total: number; records: string[]; exported: string[] }>();
  const missing = new Map<Viewer, { notice: string; record: string }>();
  const recordsTotal = new Map<Viewer, number>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const owners: Record<string, Actor> = {
      FR: await t.user("fr.owner", "ncb_officer", "FR"),
      US: await t.user("us.owner", "ncb_officer", "US"),
    };
    const gs = await t.user("gs.rev", "gs_reviewer", "XG");
    const make = async (key: string) => {
      const { owner, state, mode } = parse(key);
      made.set(key, await reach(t, { owner: owners[owner] as Actor, gs }, key, state, mode));
    };
    // Expiry moves the clock and expires every live notice: the expired rows come first.
    const expiring = table.map((r) => r[0]).filter((k) => parse(k).state === "expired");
    for (const key of expiring) await make(key);
    expect(await expireAll(t)).toBe(expiring.length);
    for (const [key] of table) if (!made.has(key)) await make(key);

    for (const v of viewers) {
      await t.user(`${v.toLowerCase()}.reader`, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      const headers = (await t.login(`${v.toLowerCase()}.reader`)).headers;
      sessions.set(v, headers);
      const notices = (await getAs(t.app, "/api/v1/notices?pageSize=200", headers)).json();
      const records = (await getAs(t.app, "/api/v1/records?pageSize=200", headers)).json();
      const exp = await getAs(t.app, "/api/v1/records/export", headers);
      seen.set(v, {
        notices: notices.items.map((i: { id: string }) => i.id),
        total: notices.total,
        records: records.items.map((i: { id: string }) => i.id),
        exported: exp.body
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { id: string }).id),
      });
      recordsTotal.set(v, records.total);
      missing.set(v, {
        notice: (await getAs(t.app, `/api/v1/notices/${MISSING_ID}`, headers)).body,
        record: (await getAs(t.app, `/api/v1/records/${MISSING_ID}`, headers)).body,
      });
    }
  });
  afterAll(() => t?.close());

  it("the table has one row per notice of the fixture, and each reached its state", async () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...made.keys()].sort());
    const owner = sessions.get("FR") as H;
    for (const [key, m] of made) {
      if (!key.startsWith("FR")) continue;
      const state = parse(key).state;
      const want = state === "returned" ? "draft" : state === "withdrawn-draft" ? "withdrawn" : state;
      expect((await getAs(t.app, `/api/v1/notices/${m.id}`, owner)).json().state, key).toBe(want);
    }
  });

  it.each(viewers)("the notice list total of %s counts only the notices it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer);
    expect(seen.get(viewer)?.total).toBe(want.length);
    expect(seen.get(viewer)?.notices.sort()).toEqual(want.map((k) => made.get(k)?.id).sort());
  });

  it.each(viewers)("the record list total of %s counts only the subjects of notices it may see", (viewer) => {
    const want = rowsSeenBy(viewers, table, viewer);
    expect(recordsTotal.get(viewer)).toBe(want.length);
    expect(seen.get(viewer)?.records.sort()).toEqual(want.map((k) => made.get(k)?.subjectRecordId).sort());
  });

  it.each(cellsOf(viewers, table))("$row, notice read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const { id } = made.get(row) as Made;
    const headers = sessions.get(viewer) as H;
    const one = await getAs(t.app, `/api/v1/notices/${id}`, headers);
    const history = await getAs(t.app, `/api/v1/notices/${id}/history`, headers);
    const search = (await getAs(t.app, `/api/v1/notices?q=${wordOf(row)}`, headers)).json();
    expect(seen.get(viewer)?.notices.includes(id), "list").toBe(sees);
    expect(search.total, "search total").toBe(sees ? 1 : 0);
    expect(search.items.map((i: { id: string }) => i.id)).toEqual(sees ? [id] : []);
    expect(one.statusCode, "get").toBe(sees ? 200 : 404);
    expect(history.statusCode, "history").toBe(sees ? 200 : 404);
    if (!sees) {
      expect(one.body, "not yours looks like not there").toBe(missing.get(viewer)?.notice);
      expect(history.body).toBe(missing.get(viewer)?.notice);
    }
  });

  it.each(cellsOf(viewers, table))(
    "$row, subject record read by $viewer: $sees",
    async ({ row, viewer, sees }) => {
      const { subjectRecordId: rid } = made.get(row) as Made;
      const headers = sessions.get(viewer) as H;
      const one = await getAs(t.app, `/api/v1/records/${rid}`, headers);
      const history = await getAs(t.app, `/api/v1/records/${rid}/history`, headers);
      const search = (await getAs(t.app, `/api/v1/records?q=${wordOf(row)}`, headers)).json();
      expect(seen.get(viewer)?.records.includes(rid), "list").toBe(sees);
      expect(seen.get(viewer)?.exported.includes(rid), "export").toBe(sees);
      expect(search.total, "search total").toBe(sees ? 1 : 0);
      expect(search.items.map((i: { id: string }) => i.id)).toEqual(sees ? [rid] : []);
      expect(one.statusCode, "get").toBe(sees ? 200 : 404);
      expect(history.statusCode, "history").toBe(sees ? 200 : 404);
      if (!sees) {
        expect(one.body, "not yours looks like not there").toBe(missing.get(viewer)?.record);
        expect(history.body).not.toContain(wordOf(row));
      }
    },
  );
});
