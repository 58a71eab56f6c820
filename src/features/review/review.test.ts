import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { servedToScreening } from "../../shared/review.sql.ts";

// The harness clock reads 2026-06-01, so with the default 4 months the window ends 2026-10-01.
const env = (reviewAt: string, only?: string[]) => ({
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
  reviewAt,
  ...(only && { distribution: "only" as const, distributionCountries: only }),
});

describe.each(backends)("retention review (%s)", (kind) => {
  let ctx: TestContext;
  let fr: Actor;
  let ke: Actor;
  let gs: Actor;
  type Key = "r1" | "r2" | "r3" | "r4" | "d1" | "d2" | "f1" | "f2" | "v1" | "m1" | "u1" | "u2" | "k1";
  const ids = {} as Record<Key, string>;

  const person = (actor: Actor, name: string, reviewAt: string, only?: string[]) =>
    ctx.services.records
      .create(actor, {
        schema: "Person",
        properties: { name: [name] },
        envelope: env(reviewAt, only),
        source: "file",
      })
      .then((r) => r.id);

  beforeAll(async () => {
    ctx = await createTestContext({ kind });
    fr = await ctx.user("fr.officer", "ncb_officer", "FR");
    ke = await ctx.user("ke.officer", "ncb_officer", "KE");
    gs = await ctx.user("gs.reviewer", "gs_reviewer", "XG");
    const us = await ctx.user("us.officer", "ncb_officer", "US");
    const s = ctx.services;
    ids.r1 = await person(fr, "Jean Overdue", "2026-03-15");
    ids.r2 = await person(fr, "Marie Due", "2026-09-30");
    ids.r3 = await person(fr, "Paul Later", "2027-01-01");
    ids.r4 = await person(fr, "Anne Hidden", "2026-07-01", ["US"]);
    const doc = { country: "FRA", type: "passport", status: "stolen" } as const;
    ids.d1 = String(
      (await s.documents.create(fr, { ...doc, number: "12AB34567", envelope: env("2026-10-01") })).id,
    );
    ids.d2 = String(
      (await s.documents.create(fr, { ...doc, number: "12AB34568", envelope: env("2026-10-02") })).id,
    );
    const gun = { make: "Glock", type: "pistol", status: "stolen" } as const;
    ids.f1 = (
      await s.firearms.create(fr, { ...gun, serialNumber: "FR-GUN-1", envelope: env("2026-05-31") })
    ).id;
    ids.f2 = (
      await s.firearms.create(fr, { ...gun, serialNumber: "FR-GUN-2", envelope: env("2036-06-01") })
    ).id;
    ids.v1 = (
      await s.vehicles.create(fr, {
        vin: "1M8GDM9AXKP042788",
        make: "Ford",
        status: "stolen",
        envelope: env("2026-06-01"),
      })
    ).id;
    const tatp = {
      category: "explosive",
      description: "TATP",
      country: "FR",
      eventDate: "2024-12-01",
      status: "seized",
    } as const;
    ids.m1 = (await s.materials.create(fr, { ...tatp, identifier: "LOT-1", envelope: env("2025-01-01") })).id;
    ids.u1 = await person(us, "Sam Due", "2026-07-01");
    ids.u2 = (
      await s.firearms.create(us, { ...gun, serialNumber: "US-GUN-1", envelope: env("2026-02-01") })
    ).id;
    ids.k1 = (await s.materials.create(ke, { ...tatp, country: "KE", envelope: env("2026-08-01") })).id;
  });
  afterAll(() => ctx.close());

  const frDue = () => [
    {
      type: "cbrne_materials",
      id: ids.m1,
      caption: "explosive LOT-1",
      reviewAt: "2025-01-01",
      status: "overdue",
    },
    { type: "records", id: ids.r1, caption: "Jean Overdue", reviewAt: "2026-03-15", status: "overdue" },
    { type: "firearms", id: ids.f1, caption: "Glock FR-GUN-1", reviewAt: "2026-05-31", status: "overdue" },
    {
      type: "vehicles",
      id: ids.v1,
      caption: "Ford 1M8GDM9AXKP042788",
      reviewAt: "2026-06-01",
      status: "due",
    },
    { type: "records", id: ids.r4, caption: "Anne Hidden", reviewAt: "2026-07-01", status: "due" },
    { type: "records", id: ids.r2, caption: "Marie Due", reviewAt: "2026-09-30", status: "due" },
    {
      type: "travel_documents",
      id: ids.d1,
      caption: "FRA passport 12AB34567",
      reviewAt: "2026-10-01",
      status: "due",
    },
  ];

  it("shows FR exactly its own due and overdue rows, across types, earliest first", async () => {
    const page = await ctx.services.review.listDue(fr, { page: 1, pageSize: 50 });
    expect(page).toEqual({
      country: "FR",
      asOf: "2026-06-01",
      dueBy: "2026-10-01",
      oversight: false,
      items: frDue(),
      total: 7,
      page: 1,
      pageSize: 50,
    });
    const overdue = await ctx.services.review.listDue(fr, { status: "overdue", page: 1, pageSize: 2 });
    expect(overdue.items.map((i) => i.id)).toEqual([ids.m1, ids.r1]);
    expect(overdue.total).toBe(3);
    const records = await ctx.services.review.listDue(fr, {
      type: "records",
      status: "due",
      page: 1,
      pageSize: 50,
    });
    expect(records.items.map((i) => i.id)).toEqual([ids.r4, ids.r2]);
  });

  it("shows KE none of FR's rows and no count; another country's list is refused", async () => {
    const page = await ctx.services.review.listDue(ke, { page: 1, pageSize: 50 });
    expect(page.items).toEqual([
      {
        type: "cbrne_materials",
        id: ids.k1,
        caption: "explosive TATP",
        reviewAt: "2026-08-01",
        status: "due",
      },
    ]);
    expect(page.total).toBe(1);
    await expect(
      ctx.services.review.listDue(ke, { country: "FR", page: 1, pageSize: 50 }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(ctx.services.review.report(ke, "FR")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows the Secretariat FR's list, flagged oversight in the answer and the audit", async () => {
    const page = await ctx.services.review.listDue(gs, { country: "FR", page: 1, pageSize: 50 });
    expect(page.oversight).toBe(true);
    expect(page.items).toEqual(frDue());
    const audit = await ctx.deps.db
      .selectFrom("audit_log")
      .select(["actor_country", "detail"])
      .where("action", "=", "review.due")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      actor_country: "XG",
      detail: { country: "FR", type: null, status: null, page: 1, returned: 7, total: 7, oversight: true },
    });
  });

  it("reports literal counts per type for each bureau", async () => {
    const line = (type: string, overdue: number, due: number, later: number) => ({
      type,
      overdue,
      due,
      later,
    });
    expect(await ctx.services.review.report(fr, undefined)).toEqual({
      country: "FR",
      asOf: "2026-06-01",
      dueBy: "2026-10-01",
      oversight: false,
      types: [
        line("records", 1, 2, 1),
        line("travel_documents", 0, 1, 1),
        line("firearms", 1, 0, 1),
        line("vehicles", 0, 1, 0),
        line("cbrne_materials", 1, 0, 0),
      ],
    });
    const kenya = await ctx.services.review.report(ke, undefined);
    expect(kenya.types.map((t) => [t.overdue, t.due, t.later])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 1, 0],
    ]);
    expect((await ctx.services.review.report(gs, "US")).types.slice(0, 3)).toEqual([
      line("records", 0, 1, 0),
      line("travel_documents", 0, 0, 0),
      line("firearms", 1, 0, 0),
    ]);
  });

  it("flags overdue records in their view and keeps them out of the screening predicate", async () => {
    expect((await ctx.services.records.get(fr, ids.r1)).reviewOverdue).toBe(true);
    expect((await ctx.services.records.get(fr, ids.r2)).reviewOverdue).toBe(false);
    const served = await ctx.deps.db
      .selectFrom("records as r")
      .select("r.id")
      .where("r.owner", "=", "FR")
      .where(servedToScreening("r", "2026-06-01"))
      .orderBy("r.review_at")
      .execute();
    expect(served.map((r) => r.id)).toEqual([ids.r4, ids.r2, ids.r3]);
  });

  it("writes one warning audit row per owner country, once a day", async () => {
    expect(await ctx.services.review.warnDaily(systemActor("XG"))).toEqual({ written: 3 });
    expect(await ctx.services.review.warnDaily(systemActor("XG"))).toEqual({ written: 0 });
    const rows = await ctx.deps.db
      .selectFrom("audit_log")
      .select(["record_id", "detail"])
      .where("action", "=", "review.warning")
      .orderBy("record_id")
      .execute();
    expect(rows.map((r) => r.record_id)).toEqual(["FR", "KE", "US"]);
    expect(rows[0]?.detail).toEqual({
      country: "FR",
      asOf: "2026-06-01",
      dueBy: "2026-10-01",
      types: {
        records: { overdue: 1, due: 2, becameOverdue: 0, enteredWindow: 0 },
        travel_documents: { overdue: 0, due: 1, becameOverdue: 0, enteredWindow: 1 },
        firearms: { overdue: 1, due: 0, becameOverdue: 1, enteredWindow: 0 },
        vehicles: { overdue: 0, due: 1, becameOverdue: 0, enteredWindow: 0 },
        cbrne_materials: { overdue: 1, due: 0, becameOverdue: 0, enteredWindow: 0 },
      },
    });
  });

  it("refuses re-validation by anyone but the owner, and changes nothing", async () => {
    const feed = await ctx.rowCount("change_feed");
    // KE sees R1 (distributed to all) but does not own it; R4 is distributed to the US only.
    await expect(ctx.services.review.revalidate(ke, { type: "records", id: ids.r1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(ctx.services.review.revalidate(ke, { type: "records", id: ids.r4 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(ctx.services.review.revalidate(gs, { type: "firearms", id: ids.f1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(ctx.services.review.revalidate(fr, { type: "firearms", id: ids.r1 })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await ctx.rowCount("change_feed")).toBe(feed);
    expect((await ctx.services.records.get(fr, ids.r1)).envelope.reviewAt).toBe("2026-03-15");
  });

  it("moves the owner's review date forward by the type's period, audited, with a change-feed row", async () => {
    const feed = await ctx.rowCount("change_feed");
    const rv = (type: "records" | "travel_documents", id: string) =>
      ctx.services.review.revalidate(fr, { type, id });
    // Overdue: the full period from today. Not yet overdue: the period from the old date.
    expect(await rv("records", ids.r1)).toEqual({
      type: "records",
      id: ids.r1,
      previousReviewAt: "2026-03-15",
      reviewAt: "2031-06-01",
    });
    expect((await rv("records", ids.r2)).reviewAt).toBe("2031-09-30");
    expect((await rv("travel_documents", ids.d1)).reviewAt).toBe("2036-10-01");
    expect(await ctx.rowCount("change_feed")).toBe(feed + 3);
    const last = await ctx.deps.db
      .selectFrom("change_feed")
      .select(["entity_type", "entity_id"])
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ entity_type: "travel_document", entity_id: ids.d1 });
    const audit = await ctx.deps.db
      .selectFrom("audit_log")
      .select(["record_type", "record_id", "detail"])
      .where("action", "=", "review.revalidate")
      .orderBy("seq")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      record_type: "records",
      record_id: ids.r1,
      detail: { previousReviewAt: "2026-03-15", reviewAt: "2031-06-01", periodYears: 5 },
    });
    expect((await ctx.services.records.get(fr, ids.r1)).reviewOverdue).toBe(false);
    expect((await ctx.services.review.listDue(fr, { page: 1, pageSize: 50 })).total).toBe(4);
  });

  it("serves the same over HTTP", async () => {
    const { headers } = await ctx.login("fr.officer");
    const due = await ctx.app.inject({ method: "GET", url: "/api/v1/review/due?type=vehicles", headers });
    expect(due.statusCode).toBe(200);
    expect(due.json().items).toEqual([frDue()[3]]);
    const report = await ctx.app.inject({ method: "GET", url: "/api/v1/review/report", headers });
    expect(report.json().types[0]).toEqual({ type: "records", overdue: 0, due: 1, later: 3 });
    const moved = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/review/revalidate",
      headers,
      payload: { type: "vehicles", id: ids.v1 },
    });
    expect(moved.json()).toEqual({
      type: "vehicles",
      id: ids.v1,
      previousReviewAt: "2026-06-01",
      reviewAt: "2036-06-01",
    });
    const ken = await ctx.login("ke.officer");
    const refused = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/review/report?country=FR",
      headers: ken.headers,
    });
    expect(refused.statusCode).toBe(403);
    const hidden = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/review/revalidate",
      headers: ken.headers,
      payload: { type: "records", id: ids.r4 },
    });
    expect(hidden.statusCode).toBe(404);
  });
});
