import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { envelope, redRequest } from "../notices/notices.fixtures.ts";

/*
 * Each act tells the people who must know, in the act's own transaction, and nobody else: the
 * owning bureau of a notice the Secretariat decided on, the sender and recipients of a reviewed
 * diffusion, the referral unit of an answered referral, the bureaus of a trace request, the owner of
 * a hit. A country outside a record's distribution gets no notification and no count.
 */

type H = Record<string, string>;
const PEOPLE = [
  ["fr.officer", "ncb_officer", "FR"],
  ["fr.admin", "ncb_admin", "FR"],
  ["fr.content", "content_analyst", "FR"],
  ["de.officer", "ncb_officer", "DE"],
  ["us.officer", "ncb_officer", "US"],
  ["ke.officer", "ncb_officer", "KE"],
  ["ke.border", "border_officer", "KE"],
  ["gs.rev", "gs_reviewer", "XG"],
  ["gs.rev2", "gs_reviewer", "XG"],
] as const;
type Name = (typeof PEOPLE)[number][0];

describe.each(backends)("notifications on %s", (kind) => {
  let t: TestContext;
  const actors = {} as Record<Name, Actor>;
  const headers = {} as Record<Name, H>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const [name, role, country] of PEOPLE) {
      actors[name] = await t.user(name, role, country);
      headers[name] = (await t.login(name)).headers;
    }
  });
  afterAll(() => t?.close());

  /** Every stored notification of one kind on one record, by addressee's username. */
  const addressees = async (kindName: string, recordId: string) =>
    (
      await t.deps.db
        .selectFrom("notifications as n")
        .innerJoin("users as u", "u.id", "n.user_id")
        .select("u.username")
        .where("n.kind", "=", kindName)
        .where("n.record_id", "=", recordId)
        .orderBy("u.username")
        .execute()
    ).map((r) => r.username);

  const get = (url: string, name: Name) => t.app.inject({ method: "GET", url, headers: headers[name] });
  const post = (url: string, name: Name, payload: object = {}) =>
    t.app.inject({ method: "POST", url, headers: headers[name], payload });

  async function publishedNotice(familyName: string) {
    const fr = actors["fr.officer"];
    const n = await t.services.notices.create(fr, {
      request: redRequest(familyName, "Notif"),
      envelope: envelope("except", ["KE"]),
    });
    await t.services.notices.transition(fr, n.id, "submit");
    return n.id;
  }

  it("tells the reviewers of a submitted notice, and the owning bureau of its publication", async () => {
    const id = await publishedNotice("PUBLIQUE");
    expect(await addressees("notice.submitted", id)).toEqual(["gs.rev", "gs.rev2"]);
    const gs = actors["gs.rev"];
    await t.services.notices.transition(gs, id, "start_review");
    await t.services.notices.transition(gs, id, "publish");
    // The officer who asked and the bureau's administrator; not the reviewer who acted, nobody else.
    expect(await addressees("notice.published", id)).toEqual(["fr.admin", "fr.officer"]);
    const page = (await get("/api/v1/notifications", "fr.officer")).json();
    expect(page.items[0]).toMatchObject({
      kind: "notice.published",
      recordType: "notice",
      recordId: id,
      readAt: null,
    });
    expect(page.items[0].detail.noticeNumber).toMatch(/^\d{4}\/\d+$/);
    expect(page.items[0].detail.subject).toBe("PUBLIQUE, Notif");
  });

  it("tells the owning bureau when a notice falls due for renewal, once, and when it expires", async () => {
    const id = await publishedNotice("ECHEANCE");
    const gs = actors["gs.rev"];
    await t.services.notices.transition(gs, id, "start_review");
    await t.services.notices.transition(gs, id, "publish");
    const { valid_until } = await t.deps.db
      .selectFrom("notices")
      .select("valid_until")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const until = new Date(valid_until as Date).getTime();
    const operator = systemActor("XG");
    await t.services.notices.expireDue(operator, new Date(until - 30 * 86_400_000));
    await t.services.notices.expireDue(operator, new Date(until - 29 * 86_400_000));
    expect(await addressees("notice.renewal_due", id)).toEqual(["fr.admin", "fr.officer"]);
    await t.services.notices.expireDue(operator, new Date(until + 86_400_000));
    expect(await addressees("notice.expired", id)).toEqual(["fr.admin", "fr.officer"]);
  });

  it("tells the owner of a refusal and of a return, with the reasons", async () => {
    const gs = actors["gs.rev"];
    const refused = await publishedNotice("REFUSEE");
    await t.services.notices.transition(gs, refused, "refuse", { reasons: "Article 3: political." });
    const returned = await publishedNotice("RENVOYEE");
    await t.services.notices.transition(gs, returned, "return_to_owner", { reasons: "Add the warrant." });
    expect(await addressees("notice.refused", refused)).toEqual(["fr.admin", "fr.officer"]);
    expect(await addressees("notice.returned", returned)).toEqual(["fr.admin", "fr.officer"]);
    const items = (await get("/api/v1/notifications?pageSize=5", "fr.admin")).json().items;
    expect(items.find((i: { recordId: string }) => i.recordId === refused).detail.reasons).toBe(
      "Article 3: political.",
    );
    // The owner's own acts tell nobody.
    await t.services.notices.transition(actors["fr.officer"], returned, "withdraw");
    expect(
      (await t.deps.db.selectFrom("notifications").select("kind").execute()).map((r) => r.kind),
    ).not.toContain("notice.withdrawn");
  });

  it("tells the recipients of a diffusion and, once reviewed, its sender; a country outside gets nothing", async () => {
    const before = (await get("/api/v1/notifications/unread-count", "us.officer")).json().unread;
    const d = await t.services.diffusions.send(actors["fr.officer"], {
      kind: "arrest",
      recipients: ["DE"],
      title: "For Germany only: the Hamburg cell",
      body: "A fictitious case for the test.",
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "police",
    });
    expect(await addressees("diffusion.received", d.id)).toEqual(["de.officer"]);
    expect(await addressees("diffusion.awaiting_review", d.id)).toEqual(["gs.rev", "gs.rev2"]);
    await t.services.diffusions.review(actors["gs.rev"], d.id, {
      decision: "cancel",
      reasons: "Not needed.",
    });
    expect(await addressees("diffusion.cancelled", d.id)).toEqual(["de.officer", "fr.admin", "fr.officer"]);

    // The leak test: the United States, outside the distribution, has no notification, no count,
    // no text of it anywhere in its answers.
    for (const url of ["/api/v1/notifications?pageSize=100", "/api/v1/notifications?unread=true"]) {
      const res = await get(url, "us.officer");
      expect(res.body).not.toContain("Hamburg");
      expect(res.body).not.toContain(d.id);
    }
    expect((await get("/api/v1/notifications/unread-count", "us.officer")).json().unread).toBe(before);
    const dash = (await get("/api/v1/dashboard", "us.officer")).json();
    expect(JSON.stringify(dash)).not.toContain("Hamburg");
    expect(dash.cards.find((c: { key: string }) => c.key === "diffusionsUnread").count).toBe(0);
  });

  it("never lists or counts a notification whose record its reader may not see", async () => {
    const d = await t.services.diffusions.send(actors["fr.officer"], {
      kind: "locate",
      recipients: ["DE"],
      title: "Locate: the Bremen courier",
      body: "A fictitious case for the test.",
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "police",
    });
    // A row addressed wrongly (by a bug, or a distribution narrowed since): the read guard drops it.
    await t.deps.db
      .insertInto("notifications")
      .values({
        user_id: actors["ke.officer"].id,
        kind: "diffusion.received",
        record_type: "diffusion",
        record_id: d.id,
        detail: JSON.stringify({ title: "Locate: the Bremen courier" }),
        created_at: t.clock.now(),
      })
      .execute();
    const list = await get("/api/v1/notifications", "ke.officer");
    expect(list.json()).toMatchObject({ total: 0, unread: 0, items: [] });
    expect((await get("/api/v1/notifications/unread-count", "ke.officer")).json().unread).toBe(0);
    const [row] = await t.deps.db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", actors["ke.officer"].id)
      .execute();
    expect((await post(`/api/v1/notifications/${row?.id}/read`, "ke.officer")).statusCode).toBe(404);
    expect((await post("/api/v1/notifications/read-all", "ke.officer")).json()).toEqual({
      marked: 0,
      unread: 0,
    });
  });

  it("tells the bureaus of a trace request and its answer", async () => {
    const fr = actors["fr.officer"];
    const gun = await t.services.firearms.create(fr, {
      make: "Beretta",
      model: "92FS",
      type: "pistol",
      status: "stolen",
      serialNumber: "NOTIF-001",
      envelope: envelope(),
    });
    const tr = await t.services.traces.create(actors["us.officer"], {
      firearmId: gun.id,
      question: "Last legal owner?",
      deadline: "2026-07-01",
    });
    expect(await addressees("trace.received", tr.id)).toEqual(["fr.admin", "fr.officer"]);
    await t.services.traces.reply(fr, tr.id, { reply: "Sold in Lyon in 2019." });
    expect(await addressees("trace.answered", tr.id)).toEqual(["us.officer"]);
  });

  it("tells the owner's bureau of a hit on its record", async () => {
    await t.services.records.create(actors["fr.officer"], {
      schema: "Person",
      properties: { name: ["Tariq Notifhit"], birthDate: ["1975-01-20"] },
      envelope: envelope(),
      source: "Case file 2026/9",
    });
    const r = await t.services.screening.checks.check(actors["ke.border"], {
      name: "Tariq Notifhit",
      dateOfBirth: "1975-01-20",
    });
    const hitId = r.hits[0]?.hitId ?? "";
    expect(hitId).not.toBe("");
    expect(await addressees("hit.received", hitId)).toEqual(["fr.admin", "fr.officer"]);
  });

  it("tells the referral unit of the platform's answer", async () => {
    const platform = await t.services.clients.create(systemActor("XG"), {
      name: "Notif Platform",
      role: "platform_partner",
      country: "IE",
      scopes: ["content:referrals"],
    });
    const ref = await t.services.referrals.create(actors["fr.content"], {
      platformClientId: platform.client.id,
      url: "https://video.example/watch/notif",
      legalBasis: "voluntary",
    });
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/content/referrals/${ref.id}/outcome`,
      headers: { authorization: `Bearer ${platform.token}` },
      payload: { outcome: "removed" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await addressees("referral.answered", ref.id)).toEqual(["fr.content"]);
    const item = (await get("/api/v1/notifications", "fr.content")).json().items[0];
    expect(item.detail).toEqual({ outcome: "removed", platform: "Notif Platform" });
  });

  it("pages, filters unread, marks one and all read (audited), and opening a record reads it", async () => {
    const all = (await get("/api/v1/notifications?pageSize=2", "fr.officer")).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(all.unread).toBe(all.total);
    const first = all.items[0];
    const marked = await post(`/api/v1/notifications/${first.id}/read`, "fr.officer");
    expect(marked.statusCode).toBe(200);
    expect(marked.json().readAt).not.toBeNull();
    const unread = (await get("/api/v1/notifications?unread=true&pageSize=100", "fr.officer")).json();
    expect(unread.total).toBe(all.total - 1);
    expect(unread.items.map((i: { id: number }) => i.id)).not.toContain(first.id);
    // Someone else's notification is not found, as an unknown one is.
    expect((await post(`/api/v1/notifications/${first.id}/read`, "fr.admin")).statusCode).toBe(404);
    expect((await post("/api/v1/notifications/999999999/read", "fr.admin")).statusCode).toBe(404);
    expect((await post("/api/v1/notifications/abc/read", "fr.admin")).statusCode).toBe(400);

    // Opening a notice reads the notifications about it.
    const noticeItem = unread.items.find((i: { recordType: string }) => i.recordType === "notice");
    await get(`/api/v1/notices/${noticeItem.recordId}`, "fr.officer");
    const after = (await get("/api/v1/notifications?unread=true&pageSize=100", "fr.officer")).json();
    expect(after.items.map((i: { recordId: string }) => i.recordId)).not.toContain(noticeItem.recordId);

    const upTo = after.items[after.items.length - 1].id;
    const res = await post("/api/v1/notifications/read-all", "fr.officer", { upTo });
    expect(res.json()).toEqual({ marked: 1, unread: after.total - 1 });
    await post("/api/v1/notifications/read-all", "fr.officer");
    expect((await get("/api/v1/notifications/unread-count", "fr.officer")).json()).toEqual({ unread: 0 });
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "notification.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["notification.read", "notification.read_all"]),
    );
  });

  it("is for people only, and refuses bad input without changing anything", async () => {
    const client = await t.services.clients.create(systemActor("XG"), {
      name: "FR border system",
      role: "border_officer",
      country: "FR",
      scopes: ["screening:check"],
    });
    const bearer = { authorization: `Bearer ${client.token}` };
    for (const url of ["/api/v1/notifications", "/api/v1/notifications/unread-count", "/api/v1/dashboard"]) {
      const res = await t.app.inject({ method: "GET", url, headers: bearer });
      expect(res.statusCode, url).toBe(403);
    }
    const before = await t.rowCount("notifications");
    expect((await get("/api/v1/notifications?pageSize=1000", "fr.officer")).statusCode).toBe(400);
    expect((await get("/api/v1/notifications?unread=maybe", "fr.officer")).statusCode).toBe(400);
    expect((await post("/api/v1/notifications/read-all", "fr.officer", { upTo: -1 })).statusCode).toBe(400);
    expect((await post("/api/v1/notifications/read-all", "fr.officer", { all: true })).statusCode).toBe(400);
    expect(await t.rowCount("notifications")).toBe(before);
  });
});
