import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, type Row } from "../../../test/matrix.ts";
import { type Made, reach } from "./notices.reach.ts";

/**
 * Look-alike findings name other notices (number or id, owner, state). They are stored when a
 * request is submitted, so they must be shown per reader: a country learns of another country's
 * notice through a finding only if it may see that notice; the Secretariat's reviewers see every
 * look-alike. Kenya owns notices in several states and distributions; France then requests a notice
 * on the same person for each, distributed to all and published, so every viewer reads France's
 * notice and its findings. The table says whose reading of France's notice names Kenya's.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const table: readonly Row[] = [
  //                                       FR     US     KE     XG
  // A draft is nobody's look-alike: it was never submitted.
  ["KE draft all",                         false, false, false, false],
  // Submitted, not published: only its owner and the Secretariat know it.
  ["KE submitted all",                     false, false, true,  true],
  ["KE published only US",                 false, true,  true,  true],
  ["KE published all",                     true,  true,  true,  true],
  // Submitted when France submitted, published to the US only afterwards.
  ["KE submitted-then-published only US",  false, true,  true,  true],
];

describe.each(backends)("look-alike findings per reader (literal) on %s", (kind) => {
  let t: TestContext;
  const kenyan = new Map<string, Made>();
  const twin = new Map<string, string>();
  const atSubmission = new Map<string, string>();
  const sessions = new Map<Viewer, H>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const ke = await t.user("ke.owner", "ncb_officer", "KE");
    const fr = await t.user("fr.owner", "ncb_officer", "FR");
    const gs = await t.user("gs.rev", "gs_reviewer", "XG");
    for (const v of viewers) {
      await t.user(`${v.toLowerCase()}.reader`, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      sessions.set(v, (await t.login(`${v.toLowerCase()}.reader`)).headers);
    }
    const frHeaders = (await t.login("fr.owner")).headers;
    for (const [key] of table) {
      const [, state, ...rest] = key.split(" ");
      const mode = rest.join(" ") as "all" | "only US";
      const first = state === "submitted-then-published" ? "submitted" : (state as "draft");
      kenyan.set(key, await reach(t, { owner: ke, gs }, key, first, mode));
      // France's request on the same person (same names: the key), distributed to all.
      const mine = await reach(t, { owner: fr, gs }, key, "draft", "all");
      const submit = await t.app.inject({
        method: "POST",
        url: `/api/v1/notices/${mine.id}/submit`,
        headers: frHeaders,
        payload: {},
      });
      expect(submit.statusCode, submit.body).toBe(200);
      atSubmission.set(key, submit.body);
      await t.services.notices.transition(gs, mine.id, "start_review");
      await t.services.notices.transition(gs, mine.id, "publish");
      twin.set(key, mine.id);
      if (state === "submitted-then-published") {
        const k = kenyan.get(key) as Made;
        await t.services.notices.transition(gs, k.id, "start_review");
        const p = await t.services.notices.transition(gs, k.id, "publish");
        kenyan.set(key, { ...k, noticeNumber: p.noticeNumber });
      }
    }
  });
  afterAll(() => t?.close());

  /** True when the text names Kenya's notice by its id or its published number. */
  const names = (text: string, key: string) => {
    const k = kenyan.get(key) as Made;
    return text.includes(k.id) || (k.noticeNumber !== null && text.includes(k.noticeNumber));
  };

  it("the table has one row per Kenyan notice of the fixture", () => {
    expect(table.map((r) => r[0]).sort()).toEqual([...kenyan.keys()].sort());
    expect(twin.size).toBe(table.length);
  });

  it.each(cellsOf(viewers, table))("France's notice read by $viewer names $row: $sees", async (c) => {
    const { row, viewer, sees } = c;
    const headers = sessions.get(viewer) as H;
    const id = twin.get(row) as string;
    const one = await getAs(t.app, `/api/v1/notices/${id}`, headers);
    expect(one.statusCode, one.body).toBe(200);
    expect(names(one.body, row), "get").toBe(sees);
    const list = await getAs(t.app, `/api/v1/notices?pageSize=200`, headers);
    const item = (list.json().items as { id: string }[]).find((i) => i.id === id);
    expect(item, "France's notice is listed").toBeDefined();
    expect(names(JSON.stringify(item), row), "list").toBe(sees);
    // France also reads the findings in the answer to its own submission.
    if (viewer === "FR") expect(names(atSubmission.get(row) as string, row), "submit answer").toBe(sees);
  });
});
