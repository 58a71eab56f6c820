import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { cellsOf, getAs, type H, MISSING_ID, type Row } from "../../../test/matrix.ts";

/**
 * Who sees a trace request, written out literally: the requesting bureau, the addressed bureau and
 * the Secretariat; a third country never. The firearm a request names is shown only to a reader who
 * may see that firearm itself.
 */
const viewers = ["FR", "US", "KE", "XG"] as const;
type Viewer = (typeof viewers)[number];

// biome-ignore format: the table is read as a table
const requests: readonly Row[] = [
  //                                    FR     US     KE     XG
  ["US asks FR about FR all",           true,  true,  false, true],
  ["US asks KE about FR only US",       false, true,  true,  true],
  ["KE asks US about US all",           false, true,  true,  true],
];

// Of the readers who see a request, those shown its firearm (false elsewhere).
// biome-ignore format: the table is read as a table
const firearmShown: readonly Row[] = [
  //                                    FR     US     KE     XG
  ["US asks FR about FR all",           true,  true,  false, true],
  ["US asks KE about FR only US",       false, true,  false, true],
  ["KE asks US about US all",           false, true,  true,  true],
];

describe.each(backends)("trace request visibility (literal) on %s", (kind) => {
  let t: TestContext;
  const sessions = new Map<Viewer, H>();
  const ids = new Map<string, string>();
  const listed = new Map<Viewer, { sent: string[]; received: string[]; all: string[]; total: number }>();

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const fr = await t.user("fr.officer", "ncb_officer", "FR");
    const us = await t.user("us.officer", "ncb_officer", "US");
    const ke = await t.user("ke.officer", "ncb_officer", "KE");
    const env = (distribution: "all" | "only", countries: string[]) => ({
      distribution,
      distributionCountries: countries,
      sourceReliability: "B" as const,
      informationAccuracy: 2,
      sourceType: "police" as const,
    });
    const gun = { make: "Beretta", model: "92FS", type: "pistol" as const, status: "stolen" as const };
    const frAll = await t.services.firearms.create(fr, {
      ...gun,
      serialNumber: "BER-001",
      envelope: env("all", []),
    });
    const frOnlyUs = await t.services.firearms.create(fr, {
      ...gun,
      serialNumber: "BER-002",
      envelope: env("only", ["US"]),
    });
    const usAll = await t.services.firearms.create(us, {
      ...gun,
      serialNumber: "BER-003",
      envelope: env("all", []),
    });
    const q = { question: "Last legal owner and import record?", deadline: "2026-07-01" };
    ids.set(
      "US asks FR about FR all",
      (await t.services.traces.create(us, { ...q, firearmId: frAll.id })).id,
    );
    ids.set(
      "US asks KE about FR only US",
      (await t.services.traces.create(us, { ...q, firearmId: frOnlyUs.id, addressedCountry: "KE" })).id,
    );
    ids.set(
      "KE asks US about US all",
      (await t.services.traces.create(ke, { ...q, firearmId: usAll.id })).id,
    );
    for (const v of viewers) {
      const name = `${v.toLowerCase()}.reader`;
      await t.user(name, v === "XG" ? "gs_reviewer" : "ncb_officer", v);
      const headers = (await t.login(name)).headers;
      sessions.set(v, headers);
      const box = async (b: string) =>
        (await getAs(t.app, `/api/v1/trace-requests?box=${b}`, headers)).json() as {
          total: number;
          items: { id: string }[];
        };
      const [sent, received, all] = [await box("sent"), await box("received"), await box("all")];
      listed.set(v, {
        sent: sent.items.map((i) => i.id),
        received: received.items.map((i) => i.id),
        all: all.items.map((i) => i.id),
        total: all.total,
      });
    }
  });
  afterAll(() => t?.close());

  it.each(cellsOf(viewers, requests))("$row read by $viewer: $sees", async ({ row, viewer, sees }) => {
    const id = ids.get(row) as string;
    const headers = sessions.get(viewer) as H;
    const one = await getAs(t.app, `/api/v1/trace-requests/${id}`, headers);
    expect(listed.get(viewer)?.all.includes(id), "list").toBe(sees);
    if (!sees) {
      const missing = await getAs(t.app, `/api/v1/trace-requests/${MISSING_ID}`, headers);
      expect(one.statusCode).toBe(404);
      expect(one.body).toBe(missing.body);
      return;
    }
    expect(one.statusCode).toBe(200);
    const shown = firearmShown.find((r) => r[0] === row)?.[viewers.indexOf(viewer) + 1];
    expect(one.json().firearm !== null, "firearm shown").toBe(shown);
    expect(one.json().firearmId !== null, "firearm id shown").toBe(shown);
  });

  it("each box holds what the bureau sent or received, and the totals count nothing else", () => {
    const [a, b, c] = [...ids.values()];
    expect(listed.get("FR")).toEqual({ sent: [], received: [a], all: [a], total: 1 });
    expect(listed.get("US")?.sent.sort()).toEqual([a, b].sort());
    expect(listed.get("US")?.received).toEqual([c]);
    expect(listed.get("US")?.total).toBe(3);
    expect(listed.get("KE")?.sent).toEqual([c]);
    expect(listed.get("KE")?.received).toEqual([b]);
    expect(listed.get("KE")?.total).toBe(2);
    expect(listed.get("XG")?.total).toBe(3);
  });

  it("only the addressed bureau answers, once; an open request past its deadline is overdue", async () => {
    const id = ids.get("US asks FR about FR all") as string;
    const post = (v: Viewer, what: string, payload: object) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/trace-requests/${id}/${what}`,
        headers: sessions.get(v) as H,
        payload,
      });
    expect((await post("US", "reply", { reply: "x" })).statusCode).toBe(403);
    expect((await post("KE", "reply", { reply: "x" })).statusCode).toBe(404);
    t.clock.advance(40 * 24 * 3600 * 1000); // past the deadline of 2026-07-01
    // Sessions end after 12 hours: log in again on the later day.
    for (const v of ["FR", "US"] as const)
      sessions.set(v, (await t.login(`${v.toLowerCase()}.reader`)).headers);
    expect((await getAs(t.app, `/api/v1/trace-requests/${id}`, sessions.get("US") as H)).json().status).toBe(
      "overdue",
    );
    const ok = await post("FR", "reply", { reply: "Sold 2019 to a licensed dealer in Lyon." });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "answered", reply: "Sold 2019 to a licensed dealer in Lyon." });
    expect((await post("FR", "decline", { reason: "no" })).statusCode).toBe(409);
    const declined = ids.get("KE asks US about US all") as string;
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/trace-requests/${declined}/decline`,
      headers: sessions.get("US") as H,
      payload: { reason: "Outside our records." },
    });
    expect(res.json()).toMatchObject({ status: "declined", reply: "Outside our records." });
  });
});
