import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { wordOf } from "../../../test/matrix.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelope } from "../notices/notices.fixtures.ts";
import { type Made, reach } from "../notices/notices.reach.ts";
import { DISCREET_ACTION } from "./screening.actions.ts";

/*
 * Screening end to end on both back ends: what each country gets for the same traveller, hits and
 * their owner's judgement, discreet checks, documents and carriers, and bad input changing nothing.
 */

const DOB = "1985-04-12"; // the fixture's Red Notice subjects' date of birth
type Body = Record<string, unknown>;

describe.each(backends)("border screening on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let ke: Actor;
  let gs: Actor;
  let frAdmin: Actor;
  const notices = new Map<string, Made>();
  const check = (actor: Actor, body: Body) => t.services.screening.checks.check(actor, body);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.officer", "border_officer", "US");
    ke = await t.user("ke.officer", "border_officer", "KE");
    gs = await t.user("gs.reviewer", "gs_reviewer", "XG");
    frAdmin = await t.user("fr.admin", "ncb_admin", "FR");
    for (const [key, state, mode] of [
      ["published all", "published", "all"],
      ["published only US", "published", "only US"],
      ["draft all", "draft", "all"],
      ["suspended all", "suspended", "all"],
      ["cancelled all", "cancelled", "all"],
      ["refused all", "refused", "all"],
    ] as const)
      notices.set(key, await reach(t, { owner: fr, gs }, key, state, mode));
  });
  afterAll(() => t?.close());

  const nameOf = (key: string) => `${wordOf(`${key} forename`)} ${wordOf(key)}`;

  it("finds a published notice's subject by name and date of birth, with the action and the contact", async () => {
    const r = await check(us, { name: nameOf("published all"), dateOfBirth: DOB, location: "JFK T4" });
    expect(r.hit).toBe(true);
    const h = r.hits[0];
    expect(h).toMatchObject({ match: true, kind: "notice", category: "red" });
    expect(h?.reference).toBe(notices.get("published all")?.noticeNumber);
    expect(h?.action).toMatch(/arrest/i);
    expect(h?.contact).toEqual({ country: "FR", name: "National Central Bureau of France" });
    expect(h?.hitId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("finds the name in the other order too", async () => {
    const [given, family] = [wordOf("published all forename"), wordOf("published all")];
    const r = await check(us, { name: `${family} ${given}`, dateOfBirth: DOB });
    expect(r.hits.some((h) => h.match && h.reference === notices.get("published all")?.noticeNumber)).toBe(
      true,
    );
  });

  it.each([["draft all"], ["suspended all"], ["cancelled all"], ["refused all"]])(
    "never serves a notice that is %s: the answer is that of a name nobody holds",
    async (key) => {
      const before = await t.rowCount("screening_hits");
      const r = await check(us, { name: nameOf(key), dateOfBirth: DOB });
      const nobody = await check(us, { name: "Zzyzx Qwertyuiop", dateOfBirth: DOB });
      expect(r).toEqual(nobody);
      expect(r.hit).toBe(false);
      expect(await t.rowCount("screening_hits")).toBe(before);
    },
  );

  it("a country outside the distribution gets nothing - no hit, no possible match, no stored hit", async () => {
    const key = "published only US";
    const before = await t.rowCount("screening_hits");
    const forKe = await check(ke, { name: nameOf(key), dateOfBirth: DOB });
    const nobody = await check(ke, { name: "Zzyzx Qwertyuiop", dateOfBirth: DOB });
    expect(forKe).toEqual(nobody);
    expect(await t.rowCount("screening_hits")).toBe(before);
    const forUs = await check(us, { name: nameOf(key), dateOfBirth: DOB });
    expect(forUs.hit).toBe(true);
    expect(await t.rowCount("screening_hits")).toBe(before + 1);
  });

  it("stores each hit for the owner, who confirms or rejects it; a rejected match is not raised again", async () => {
    const key = "published all";
    const traveller = {
      name: nameOf(key),
      dateOfBirth: DOB,
      documentNumber: "ZX1234567",
      documentCountry: "USA",
    };
    const first = await check(ke, { ...traveller, location: "Nairobi JKIA" });
    const hitId = first.hits[0]?.hitId as string;
    const inbox = await t.services.screening.hits.list(fr, { role: "owner", state: "pending", limit: 100 });
    const stored = inbox.items.find((h) => h.id === hitId);
    expect(stored).toMatchObject({
      checkedByCountry: "KE",
      location: "Nairobi JKIA",
      owner: "FR",
      state: "pending",
    });
    // A third country neither sees the hit nor may judge it.
    await expect(t.services.screening.hits.get(us, hitId)).rejects.toMatchObject({ code: "not_found" });
    await expect(t.services.screening.hits.decide(ke, hitId, { decision: "reject" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const decided = await t.services.screening.hits.decide(fr, hitId, {
      decision: "reject",
      note: "Different person",
    });
    expect(decided.state).toBe("rejected");
    const again = await check(ke, traveller);
    expect(again.hits.some((h) => h.reference === notices.get(key)?.noticeNumber)).toBe(false);
    // Another traveller of the same name is still raised.
    const other = await check(ke, { ...traveller, documentNumber: "QQ7654321" });
    expect(other.hit).toBe(true);
  });

  it("a record written now is screened by the next query, and a cancelled one is gone", async () => {
    const key = "fresh person";
    const made = await reach(t, { owner: fr, gs }, key, "published", "all");
    expect((await check(us, { name: nameOf(key), dateOfBirth: DOB })).hit).toBe(true);
    await t.services.notices.transition(gs, made.id, "cancel", { reasons: "Subject arrested" });
    expect((await check(us, { name: nameOf(key), dateOfBirth: DOB })).hit).toBe(false);
  });

  it("checks travel documents exactly and OCR-tolerantly, and answers carriers board or do not board", async () => {
    await t.services.documents.create(fr, {
      number: "08S1Z2345",
      country: "FRA",
      type: "passport",
      status: "stolen",
    });
    const carrier = await t.user("carrier.fr", "carrier", "FR");
    // A reader that took 0 for O, S for 5, Z for 2.
    const r = await check(ke, {
      documentNumber: "O8512Z345",
      documentCountry: "FRA",
      documentType: "passport",
    });
    expect(r.hits[0]).toMatchObject({ kind: "document", category: "stolen", match: true });
    expect(r.hits[0]?.explanation.document).toMatchObject({ number: "ocr_tolerant", issuingCountry: "same" });
    const checks = t.services.screening.checks;
    const body = { documentNumber: "08S1Z2345", documentType: "passport", issuingCountry: "FRA" };
    expect(await checks.carrierCheck(carrier, body)).toEqual({ decision: "do_not_board" });
    expect(await checks.carrierCheck(carrier, { ...body, documentNumber: "11111111" })).toEqual({
      decision: "board",
    });
    expect(await checks.carrierCheck(carrier, { ...body, issuingCountry: "DEU" })).toEqual({
      decision: "board",
    });
    await expect(check(carrier, { name: nameOf("published all") })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("a discreet check tells the officer only to take no action, and its owner where and when", async () => {
    const sent = await t.services.diffusions.send(fr, {
      kind: "locate",
      recipients: ["KE"],
      title: "Locate a witness",
      body: "Discreetly locate the subject.",
      subject: {
        kind: "person",
        familyName: "Odhiambo",
        forenames: "Silas",
        sex: "M",
        dateOfBirth: { precision: "date", date: "1979-03-03" },
      },
      sourceReliability: "B",
      informationAccuracy: 2,
      sourceType: "police",
    });
    const r = await check(ke, {
      name: "Silas Odhiambo",
      dateOfBirth: "1979-03-03",
      location: "Mombasa port",
    });
    expect(r).toMatchObject({ hit: true, discreet: true, action: DISCREET_ACTION, hits: [] });
    const owner = await t.services.screening.hits.list(fr, { role: "owner", limit: 100 });
    expect(owner.items.find((h) => h.subjectId === sent.id)).toMatchObject({
      location: "Mombasa port",
      discreet: true,
    });
    const checker = await t.services.screening.hits.list(ke, { limit: 100 });
    expect(checker.items.some((h) => h.subjectId === sent.id)).toBe(false);
    // Not among the recipients: nothing at all.
    const forUs = await check(us, { name: "Silas Odhiambo", dateOfBirth: "1979-03-03" });
    expect(forUs.hit).toBe(false);
  });

  it("a persons-database record is screened within its distribution only", async () => {
    await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Yusuf al-Qasimi"], birthDate: ["1990"], nationality: ["SY"] },
      envelope: envelope("only", ["US"]),
      source: "Case file 2026/77",
    });
    const forUs = await check(us, { name: "Youssef Alqasimi", dateOfBirth: "1990-07-01", nationality: "SY" });
    expect(forUs.hits[0]).toMatchObject({ kind: "person", match: true });
    const forKe = await check(ke, { name: "Youssef Alqasimi", dateOfBirth: "1990-07-01", nationality: "SY" });
    expect(forKe.hits.filter((h) => h.kind === "person")).toEqual([]);
  });

  it("audits every query and every hit", async () => {
    const rows = await t.deps.db
      .selectFrom("audit_log")
      .select(["action"])
      .where("action", "like", "screening.%")
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === "screening.check").length).toBeGreaterThan(10);
    expect(actions).toContain("screening.hit");
    expect(actions).toContain("screening.carrier_check");
    expect(actions).toContain("screening.hit.reject");
  });

  it("refuses bad input with every problem by field, and stores nothing", async () => {
    const hits = await t.rowCount("screening_hits");
    const audit = await t.rowCount("audit_log");
    for (const body of [
      { name: "A Person", dateOfBirth: "1990-02-30" },
      { name: "A Person", nationality: "QQ" },
      { mrz: "P<UTOERIKSSON<<ANNA<MARIA" },
      { documentNumber: "X123", documentCountry: "ZZZ" },
      {},
    ])
      await expect(check(us, body)).rejects.toMatchObject({ code: "validation_failed" });
    expect(await t.rowCount("screening_hits")).toBe(hits);
    expect(await t.rowCount("audit_log")).toBe(audit);
  });

  it("screens over HTTP and refuses roles that may not", async () => {
    await t.user("us.http", "border_officer", "US");
    const { headers } = await t.login("us.http");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/screening/check",
      headers,
      payload: { name: nameOf("published all"), dateOfBirth: DOB },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hit).toBe(true);
    await t.user("auditor.http", "auditor", "XG");
    const auditor = await t.login("auditor.http");
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/screening/check",
      headers: auditor.headers,
      payload: { name: "x y" },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/screening/check",
      headers,
      payload: { name: "x", dateOfBirth: "1990-13-01" },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("dateOfBirth");
  });

  it("lets a bureau's administrator point its hits at a webhook, signed and queued with each hit", async () => {
    await t.services.screening.hits.setWebhook(frAdmin, {
      url: "http://127.0.0.1:9/hits",
      secret: "s3cret-s3cret-s3cret",
    });
    const before = await t.rowCount("screening_deliveries");
    await check(us, { name: nameOf("published all"), dateOfBirth: DOB, documentNumber: "WH000001" });
    expect(await t.rowCount("screening_deliveries")).toBe(before + 1);
    const sent: { url: string; signature: string; body: string }[] = [];
    const deliverer = (await import("./screening.webhooks.ts")).createWebhookDeliverer(t.deps, (async (
      url: string,
      init: RequestInit,
    ) => {
      sent.push({
        url,
        signature: (init.headers as Record<string, string>)["x-fusion-signature"] ?? "",
        body: String(init.body),
      });
      return new Response(null, { status: 204 });
    }) as typeof fetch);
    expect(await deliverer.deliverDue()).toBe(1);
    expect(sent[0]?.url).toBe("http://127.0.0.1:9/hits");
    const { signature } = await import("./screening.webhooks.ts");
    const ts = Number(sent[0]?.signature.match(/t=(\d+)/)?.[1]);
    expect(sent[0]?.signature).toBe(signature("s3cret-s3cret-s3cret", ts, sent[0]?.body ?? ""));
    expect(await deliverer.deliverDue()).toBe(0);
  });
});
