import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";
import { backup, restore } from "../backup/backup.service.ts";
import { envelope, redRequest, yellowRequest } from "./notices.fixtures.ts";

type H = Record<string, string>;
const DAY = 86_400_000;

describe.each(backends)("notices lifecycle on %s", (kind) => {
  let t: TestContext;
  let fr: H;
  let fr2: H;
  let us: H;
  let ke: H;
  let gs: H;
  let analyst: H;

  // Sessions expire when the clock moves on, so tests that move it log in again.
  const relogin = async () => {
    fr = (await t.login("fr.officer")).headers;
    fr2 = (await t.login("fr.admin")).headers;
    us = (await t.login("us.officer")).headers;
    ke = (await t.login("ke.officer")).headers;
    gs = (await t.login("gs.rev")).headers;
    analyst = (await t.login("gs.analyst")).headers;
  };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, role, country] of [
      ["fr.officer", "ncb_officer", "FR"],
      ["fr.admin", "ncb_admin", "FR"],
      ["us.officer", "ncb_officer", "US"],
      ["ke.officer", "ncb_officer", "KE"],
      ["gs.rev", "gs_reviewer", "XG"],
      ["gs.analyst", "gs_analyst", "XG"],
    ] as const)
      await t.user(name, role, country);
    await relogin();
  });
  afterAll(() => t?.close());

  const post = (url: string, headers: H, payload: unknown = {}) =>
    t.app.inject({ method: "POST", url, headers, payload: payload as object });
  const get = (url: string, headers: H) => t.app.inject({ method: "GET", url, headers });
  const draft = async (
    headers: H,
    request: unknown,
    env = envelope("except", ["KE"]),
    publicExtract = false,
  ) => {
    const res = await post("/api/v1/notices", headers, { request, envelope: env, publicExtract });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; state: string; subjectRecordId: string | null };
  };
  const act = (id: string, path: string, headers: H, payload: unknown = {}) =>
    post(`/api/v1/notices/${id}/${path}`, headers, payload);

  it("walks a Red Notice from draft to published, recording every step", async () => {
    const n = await draft(fr, redRequest("LEFEVRE", "Paul"), envelope("except", ["KE"]), false);
    expect(n.state).toBe("draft");
    // The subject is an FtM Person owned by France in the records store.
    const subject = await get(`/api/v1/records/${n.subjectRecordId}`, fr);
    expect(subject.json()).toMatchObject({ schema: "Person", envelope: { owner: "FR" } });
    expect(subject.json().properties.lastName).toEqual(["LEFEVRE"]);
    // The subject changes only through its notice, so the two cannot drift apart.
    const direct = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/records/${n.subjectRecordId}`,
      headers: fr2,
      payload: { envelope: envelope("all"), source: "direct edit" },
    });
    expect(direct.statusCode, direct.body).toBe(409);
    expect(direct.json()).toMatchObject({
      code: "conflict",
      detail: "This record is the subject of a notice; change it through the notice.",
    });

    const edited = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/notices/${n.id}`,
      headers: fr2,
      payload: { request: redRequest("LEFEVRE", "Paul Henri") },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await get(`/api/v1/records/${n.subjectRecordId}`, fr)).json().properties.firstName).toEqual([
      "Paul Henri",
    ]);

    const submitted = await act(n.id, "submit", fr);
    expect(submitted.json()).toMatchObject({ state: "submitted", findings: [], riskScore: 0 });
    expect((await act(n.id, "publish", gs)).json()).toMatchObject({ code: "invalid_transition" });
    expect((await act(n.id, "start-review", fr)).statusCode).toBe(403);
    expect((await act(n.id, "start-review", gs)).json().state).toBe("under_review");
    const published = (await act(n.id, "publish", gs)).json();
    expect(published.state).toBe("published");
    expect(published.noticeNumber).toMatch(/^2026\/\d{5}$/);
    expect(published.validUntil).toBe("2031-06-01T09:00:00.000Z");

    const history = (await get(`/api/v1/notices/${n.id}/history`, fr)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "edit",
      "submit",
      "start_review",
      "publish",
    ]);
    expect(history[4]).toMatchObject({ actor: "gs.rev", actorCountry: "XG", fromState: "under_review" });
    const audited = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("record_id", "=", n.id)
      .orderBy("seq")
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["notice.create", "notice.edit", "notice.submit", "notice.publish"]),
    );
  });

  it("shows drafts only to their owner, and published notices only to countries in the distribution", async () => {
    const n = await draft(fr, redRequest("MOREAU", "Luc"));
    expect((await get(`/api/v1/notices/${n.id}`, fr)).statusCode).toBe(200);
    for (const h of [us, ke, gs]) expect((await get(`/api/v1/notices/${n.id}`, h)).statusCode).toBe(404);
    await act(n.id, "submit", fr);
    expect((await get(`/api/v1/notices/${n.id}`, gs)).statusCode).toBe(200);
    expect((await get(`/api/v1/notices/${n.id}`, us)).statusCode).toBe(404);
    await act(n.id, "start-review", gs);
    await act(n.id, "publish", gs);
    expect((await get(`/api/v1/notices/${n.id}`, us)).statusCode).toBe(200);
    expect((await get(`/api/v1/notices/${n.id}`, ke)).statusCode).toBe(404);
    const listed = (await get("/api/v1/notices?pageSize=200", ke)).json().items as { id: string }[];
    expect(listed.map((i) => i.id)).not.toContain(n.id);
    expect(
      ((await get("/api/v1/notices?pageSize=200", us)).json().items as { id: string }[]).map((i) => i.id),
    ).toContain(n.id);
    // Only the owner changes it; a reader of another country is refused.
    expect((await act(n.id, "withdraw", us)).statusCode).toBe(403);
    expect((await act(n.id, "suspend", analyst, { until: "2026-07-01T00:00:00Z" })).statusCode).toBe(403);
  });

  it("orders the review queue by risk score and keeps it to GS reviewers", async () => {
    const clean = await draft(fr, redRequest("BERNARD", "Alain"));
    const risky = await draft(fr, {
      ...redRequest("ROUX", "Marc"),
      offences: [
        {
          description: "Insulting the head of state at a demonstration",
          category: "political",
          legalProvision: "Art. 1",
          maxPenaltyMonths: 6,
        },
      ],
    });
    await act(clean.id, "submit", fr);
    const r = (await act(risky.id, "submit", fr)).json();
    expect(r.riskScore).toBeGreaterThan(0);
    expect(r.findings.length).toBeGreaterThan(0);
    const queue = await get("/api/v1/notices/review-queue?pageSize=200", gs);
    expect(queue.statusCode).toBe(200);
    const ids = (queue.json().items as { id: string }[]).map((i) => i.id);
    expect(ids.indexOf(risky.id)).toBeLessThan(ids.indexOf(clean.id));
    const scores = (queue.json().items as { riskScore: number }[]).map((i) => i.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const h of [fr, analyst])
      expect((await get("/api/v1/notices/review-queue", h)).statusCode).toBe(403);

    // Blocking findings cannot be published: the reviewer refuses or returns the request.
    await act(risky.id, "start-review", gs);
    expect((await act(risky.id, "publish", gs)).json().code).toBe("invalid_transition");
    expect((await act(risky.id, "refuse", gs)).statusCode).toBe(400);
    const refused = await act(risky.id, "refuse", gs, { reasons: "Article 3: political offence" });
    expect(refused.json().state).toBe("refused");
    const back = await act(clean.id, "return", gs, { reasons: "Send the arrest warrant" });
    expect(back.json().state).toBe("draft");
    const h = (await get(`/api/v1/notices/${clean.id}/history`, fr)).json().items;
    expect(h.at(-1)).toMatchObject({ action: "return_to_owner", reasons: "Send the arrest warrant" });
  });

  it("suspends for at most six months, renews with reasons, cancels and withdraws", async () => {
    const n = await draft(fr, yellowRequest(), envelope(), true);
    await act(n.id, "submit", fr);
    await act(n.id, "start-review", gs);
    await act(n.id, "publish", gs);
    const addendum = await act(n.id, "addenda", fr, { text: { language: "en", text: "Seen in Brest." } });
    expect(addendum.json().addenda).toHaveLength(1);
    const tooLong = await act(n.id, "suspend", fr, { until: "2027-01-02T00:00:00Z" });
    expect(tooLong.json()).toMatchObject({ code: "invalid_transition" });
    expect((await act(n.id, "suspend", fr, { until: "2026-09-01T00:00:00Z" })).json().state).toBe(
      "suspended",
    );
    expect((await act(n.id, "resume", fr)).json().state).toBe("published");
    t.clock.advance(30 * DAY);
    await relogin();
    const renewed = (await act(n.id, "renew", fr, { reasons: "Still missing" })).json();
    expect(renewed.validUntil).toBe("2031-07-01T09:00:00.000Z");
    expect((await act(n.id, "cancel", fr, { reasons: "x" })).statusCode).toBe(403);
    expect((await act(n.id, "cancel", gs, { reasons: "Found" })).json().state).toBe("cancelled");
    const other = await draft(fr, redRequest("PETIT", "Noel"));
    expect((await act(other.id, "withdraw", fr)).json().state).toBe("withdrawn");
  });

  it("keeps notices from roles that do not read files, and API clients from acting beyond their scopes", async () => {
    await t.user("us.border", "border_officer", "US");
    const border = (await t.login("us.border")).headers;
    expect((await get("/api/v1/notices", border)).statusCode).toBe(403);
    expect(
      (await post("/api/v1/notices", border, { request: redRequest(), envelope: envelope() })).statusCode,
    ).toBe(403);
    const operator = systemActor("XG");
    const readOnly = await t.services.clients.create(operator, {
      name: "FR case system",
      role: "ncb_officer",
      country: "FR",
      scopes: ["records:read"],
    });
    const bearer = { authorization: `Bearer ${readOnly.token}` };
    expect((await get("/api/v1/notices", bearer)).statusCode).toBe(200);
    const refused = await post("/api/v1/notices", bearer, { request: redRequest(), envelope: envelope() });
    expect(refused.statusCode).toBe(403);
  });

  it("refuses bad input with a problem and changes nothing", async () => {
    const before = await t.deps.db
      .selectFrom("notices")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    const bad = await post("/api/v1/notices", fr, { request: { type: "red" }, envelope: envelope() });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const blueConsent = await post("/api/v1/notices", fr, {
      request: { ...redRequest(), type: "blue" },
      envelope: envelope(),
      publicExtract: true,
    });
    expect(blueConsent.statusCode).toBe(400);
    const after = await t.deps.db
      .selectFrom("notices")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it("expires notices past their valid-until date and lists those due within six months", async () => {
    const n = await draft(fr, redRequest("GIRARD", "Yves"));
    await act(n.id, "submit", fr);
    await act(n.id, "start-review", gs);
    const published = (await act(n.id, "publish", gs)).json();
    const operator = systemActor("XG");
    const validUntil = new Date(published.validUntil);
    const early = await t.services.notices.expireDue(operator, new Date(validUntil.getTime() - 30 * DAY));
    expect(early.expired.map((d) => d.id)).not.toContain(n.id);
    expect(early.dueSoon.map((d) => d.id)).toContain(n.id);
    // The owner is reminded once in the notice's history, however often the daily job runs.
    await t.services.notices.expireDue(operator, new Date(validUntil.getTime() - 29 * DAY));
    const reminders = (await get(`/api/v1/notices/${n.id}/history`, fr))
      .json()
      .items.filter((e: { action: string }) => e.action === "renewal_reminder");
    expect(reminders).toHaveLength(1);
    expect((await get(`/api/v1/notices/${n.id}`, fr)).json().renewalDue).toBe(false);
    t.clock.advance(validUntil.getTime() - 30 * DAY - t.clock.now().getTime());
    await relogin(); // years have passed on the test clock: the old sessions are gone
    expect((await get(`/api/v1/notices/${n.id}`, fr)).json().renewalDue).toBe(true);
    const late = await t.services.notices.expireDue(operator, new Date(validUntil.getTime() + DAY));
    expect(late.expired.map((d) => d.id)).toContain(n.id);
    expect((await get(`/api/v1/notices/${n.id}`, fr)).json().state).toBe("expired");
    const h = (await get(`/api/v1/notices/${n.id}/history`, fr)).json().items;
    expect(h.at(-1)).toMatchObject({ action: "expire", toState: "expired", actor: "system" });
    await expect(
      t.services.notices.expireDue({ ...operator, kind: "user", role: "gs_reviewer" }, new Date()),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("survives a backup and restore, JSON columns and the number counter included", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fusion-notices-")), "backup.jsonl.gz");
    await backup(t.deps, file);
    const t2 = await createTestContext({ kind });
    try {
      await restore(t2.deps, file);
      const dump = (db: TestContext["deps"]["db"]) =>
        db
          .selectFrom("notices")
          .select(["id", "request", "findings", "addenda", "notice_number"])
          .orderBy("id")
          .execute();
      expect(await dump(t2.deps.db)).toEqual(await dump(t.deps.db));
      const max = (
        await t.deps.db
          .selectFrom("notices")
          .select("notice_number")
          .where("notice_number", "is not", null)
          .orderBy("notice_number", "desc")
          .executeTakeFirst()
      )?.notice_number;
      const next = await sql<{ n: number }>`SELECT nextval('notice_number_seq')::int8 AS n`.execute(
        t2.deps.db,
      );
      expect(Number(next.rows[0]?.n)).toBeGreaterThan(Number(max?.split("/")[1]));
    } finally {
      await t2.close();
    }
  });
});
