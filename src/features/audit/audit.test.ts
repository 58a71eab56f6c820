import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import { verifyChain } from "./audit.verify.ts";

describe.each(backends)("audit trail on %s", (kind) => {
  let t: TestContext;
  let auditor: Record<string, string>;
  let recordId: string;
  beforeAll(async () => {
    t = await createTestContext({ kind });
    const officer = await t.user("fr.audited", "ncb_officer", "FR");
    await t.user("dpo", "auditor", "XG");
    await t.user("us.reader", "ncb_officer", "US");
    const r = await t.services.records.create(officer, {
      schema: "Person",
      properties: { name: ["Audit Subject"] },
      envelope: { sourceReliability: "A", informationAccuracy: 1, sourceType: "police" },
      source: "audit test",
    });
    recordId = r.id;
    const us = await t.login("us.reader");
    await t.app.inject({ method: "GET", url: `/api/v1/records/${recordId}`, headers: us.headers });
    await t.app.inject({ method: "GET", url: "/api/v1/records?q=audit", headers: us.headers });
    auditor = (await t.login("dpo")).headers;
  });
  afterAll(() => t?.close());

  it("records logins, reads, searches and changes, each with its actor and country", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/audit?recordId=${recordId}`,
      headers: auditor,
    });
    expect(res.statusCode).toBe(200);
    const actions = res
      .json()
      .items.map((i: { action: string; actorCountry: string }) => `${i.action}@${i.actorCountry}`);
    expect(actions).toEqual(expect.arrayContaining(["record.create@FR", "record.read@US"]));
  });

  it("filters by user, country, action and time", async () => {
    const byCountry = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?country=US&action=record.search",
      headers: auditor,
    });
    expect(byCountry.json().items).toHaveLength(1);
    for (const i of byCountry.json().items)
      expect(i).toMatchObject({ actorCountry: "US", action: "record.search" });
    const byUser = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?username=fr.audited",
      headers: auditor,
    });
    expect(byUser.json().items).toHaveLength(1);
    for (const i of byUser.json().items) expect(i.actorUsername).toBe("fr.audited");
    const future = await t.app.inject({
      method: "GET",
      url: "/api/v1/audit?from=2030-01-01",
      headers: auditor,
    });
    expect(future.json().total).toBe(0);
    const past = await t.app.inject({ method: "GET", url: "/api/v1/audit?to=2020-01-01", headers: auditor });
    expect(past.json().total).toBe(0);
  });

  it("is closed to everyone but auditors and admins", async () => {
    const officer = await t.login("us.reader");
    expect(
      (await t.app.inject({ method: "GET", url: "/api/v1/audit", headers: officer.headers })).statusCode,
    ).toBe(403);
  });

  it("refuses updates and deletes through SQL", async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it("verifies intact, and names the first broken row after tampering", async () => {
    const ok = await t.app.inject({ method: "POST", url: "/api/v1/audit/verify", headers: auditor });
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.json().checked).toBeGreaterThan(5);

    // A privileged insider disables the guard and rewrites history.
    const victim = await t.deps.db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "record.read")
      .orderBy("seq")
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.deps.db);
    await sql`UPDATE audit_log SET actor_country = 'FR' WHERE seq = ${victim.seq}`.execute(t.deps.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.deps.db);
    const broken = await verifyChain(t.deps.db);
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: Number(victim.seq) });
  });
});
