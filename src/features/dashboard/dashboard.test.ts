import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { envelope, redRequest } from "../notices/notices.fixtures.ts";
import type { DashboardView } from "./dashboard.schema.ts";

/*
 * What needs each role now: a bureau's returned and refused notices, unread received diffusions,
 * notices due for renewal, trace requests to answer and hits on its records; the Secretariat's
 * review queue, oldest first, and diffusions awaiting review; a referral unit's overdue referrals.
 * Every count and item goes through the visibility rule: a country outside gets nothing.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(backends)("the dashboard on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let frAdmin: Actor;
  let de: Actor;
  let us: Actor;
  let ke: Actor;
  let gs: Actor;
  let content: Actor;
  const ids = {} as Record<
    | "oldest"
    | "returned"
    | "refused"
    | "published"
    | "newest"
    | "toFrance"
    | "toGermany"
    | "trace"
    | "hit"
    | "referral",
    string
  >;

  const card = (d: DashboardView, key: string) => {
    const c = d.cards.find((x) => x.key === key);
    if (!c) throw new Error(`no card ${key}`);
    return c;
  };

  const notice = async (name: string) => {
    const n = await t.services.notices.create(fr, {
      request: redRequest(name, "Dash"),
      envelope: envelope("except", ["KE"]),
    });
    await t.services.notices.transition(fr, n.id, "submit");
    return n.id;
  };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    frAdmin = await t.user("fr.admin", "ncb_admin", "FR");
    de = await t.user("de.officer", "ncb_officer", "DE");
    us = await t.user("us.officer", "ncb_officer", "US");
    ke = await t.user("ke.officer", "ncb_officer", "KE");
    gs = await t.user("gs.rev", "gs_reviewer", "XG");
    content = await t.user("fr.content", "content_analyst", "FR");

    ids.oldest = await notice("ANCIENNE");
    t.clock.advance(2 * DAY);
    ids.returned = await notice("RENVOYEE");
    await t.services.notices.transition(gs, ids.returned, "return_to_owner", { reasons: "Add the warrant." });
    ids.refused = await notice("REFUSEE");
    await t.services.notices.transition(gs, ids.refused, "refuse", { reasons: "Article 3." });
    ids.published = await notice("PUBLIEE");
    await t.services.notices.transition(gs, ids.published, "start_review");
    await t.services.notices.transition(gs, ids.published, "publish");
    // Close to the end of its validity: due for renewal.
    await t.deps.db
      .updateTable("notices")
      .set({ valid_until: new Date(t.clock.now().getTime() + 30 * DAY) })
      .where("id", "=", ids.published)
      .execute();
    t.clock.advance(HOUR);
    ids.newest = await notice("RECENTE");

    const diffusion = (from: Actor, recipients: string[], title: string) =>
      t.services.diffusions.send(from, {
        kind: "locate",
        recipients,
        title,
        body: "A fictitious case for the test.",
        sourceReliability: "B",
        informationAccuracy: 2,
        sourceType: "police",
      });
    ids.toFrance = (await diffusion(de, ["FR"], "Locate: the Lille courier")).id;
    ids.toGermany = (await diffusion(fr, ["DE"], "Locate: the Kiel courier")).id;

    const gun = await t.services.firearms.create(fr, {
      make: "Beretta",
      model: "92FS",
      type: "pistol",
      status: "stolen",
      serialNumber: "DASH-001",
      envelope: envelope(),
    });
    ids.trace = (
      await t.services.traces.create(us, {
        firearmId: gun.id,
        question: "Who bought it?",
        deadline: "2026-06-20",
      })
    ).id;

    await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Tariq Dashhit"], birthDate: ["1975-01-20"] },
      envelope: envelope(),
      source: "Case file 2026/10",
    });
    const check = await t.services.screening.checks.check(ke, {
      name: "Tariq Dashhit",
      dateOfBirth: "1975-01-20",
    });
    ids.hit = check.hits[0]?.hitId ?? "";

    const platform = await t.services.clients.create(systemActor("XG"), {
      name: "Dash Platform",
      role: "platform_partner",
      country: "IE",
      scopes: ["content:referrals"],
    });
    ids.referral = (
      await t.services.referrals.create(content, {
        platformClientId: platform.client.id,
        url: "https://video.example/watch/dash",
        legalBasis: "removal_order",
      })
    ).id;
  });
  afterAll(() => t?.close());

  it("shows a bureau what needs it now, each item a record it may open", async () => {
    const d = await t.services.dashboard.get(fr);
    expect(d.cards.map((c) => c.key)).toEqual([
      "noticesReturned",
      "noticesRefused",
      "diffusionsUnread",
      "noticesRenewal",
      "tracesOpen",
      "hitsPending",
    ]);
    expect(card(d, "noticesReturned")).toMatchObject({
      count: 1,
      items: [{ id: ids.returned, label: "RENVOYEE, Dash" }],
    });
    expect(card(d, "noticesRefused")).toMatchObject({ count: 1, items: [{ id: ids.refused }] });
    expect(card(d, "diffusionsUnread")).toMatchObject({
      count: 1,
      items: [
        { id: ids.toFrance, label: "Locate: the Lille courier", country: "DE", recordType: "diffusion" },
      ],
    });
    expect(card(d, "noticesRenewal")).toMatchObject({ count: 1, items: [{ id: ids.published }] });
    expect(card(d, "noticesRenewal").items[0]?.due).not.toBeNull();
    expect(card(d, "tracesOpen")).toMatchObject({
      count: 1,
      items: [{ id: ids.trace, label: "Who bought it?", country: "US", due: "2026-06-20T00:00:00.000Z" }],
    });
    expect(card(d, "hitsPending")).toMatchObject({ count: 1, items: [{ id: ids.hit, country: "KE" }] });
  });

  it("drops a received diffusion for the whole bureau once one of it opened it", async () => {
    expect(card(await t.services.dashboard.get(frAdmin), "diffusionsUnread").count).toBe(1);
    await t.services.diffusions.get(fr, ids.toFrance);
    expect(card(await t.services.dashboard.get(frAdmin), "diffusionsUnread").count).toBe(0);
    // The Secretariat reading it for oversight marks nothing for the recipients.
    await t.services.diffusions.get(gs, ids.toGermany);
    expect(card(await t.services.dashboard.get(de), "diffusionsUnread").count).toBe(1);
  });

  it("shows the Secretariat its review queue, longest-waiting first, and diffusions awaiting review", async () => {
    const d = await t.services.dashboard.get(gs);
    expect(d.cards.map((c) => c.key)).toEqual(["reviewQueue", "diffusionsUnreviewed"]);
    const queue = card(d, "reviewQueue");
    expect(queue.count).toBe(2);
    expect(queue.items.map((i) => i.id)).toEqual([ids.oldest, ids.newest]);
    expect(new Date(queue.items[0]?.since ?? "").getTime()).toBeLessThan(
      new Date(queue.items[1]?.since ?? "").getTime(),
    );
    expect(card(d, "diffusionsUnreviewed").count).toBe(2);
  });

  it("shows a referral unit its referrals past their deadline", async () => {
    expect(card(await t.services.dashboard.get(content), "referralsOverdue").count).toBe(0);
    expect(card(await t.services.dashboard.get(content), "referralsAwaiting").count).toBe(1);
    t.clock.advance(2 * HOUR);
    const d = await t.services.dashboard.get(content);
    expect(card(d, "referralsOverdue")).toMatchObject({
      count: 1,
      items: [{ id: ids.referral, label: "https://video.example/watch/dash", reference: "Dash Platform" }],
    });
  });

  it("gives a country outside every distribution nothing: no item, no count", async () => {
    const d = await t.services.dashboard.get(ke);
    for (const c of d.cards) expect(c, c.key).toMatchObject({ count: 0, items: [] });
    const text = JSON.stringify(await t.services.dashboard.get(us));
    for (const secret of ["Kiel", "Lille", "RENVOYEE", "REFUSEE", "PUBLIEE", "Dashhit"])
      expect(text).not.toContain(secret);
  });

  it("answers over HTTP to a signed-in person, audited with its counts", async () => {
    const { headers } = await t.login("fr.officer");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/dashboard", headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe("ncb_officer");
    const row = await t.deps.db
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "dashboard.read")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect((row.detail as { counts: Record<string, number> }).counts.noticesReturned).toBe(1);
    // Roles without cards get an empty dashboard, not an error.
    const auditor = await t.user("auditor", "auditor", "XG");
    expect((await t.services.dashboard.get(auditor)).cards).toEqual([]);
  });
});
