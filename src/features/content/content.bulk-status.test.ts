import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";

/*
 * Disputing or retiring a batch of a bank's entries, with the reason: all of them or none. The bank's
 * owner changes any entry, another country only those it contributed, and a country outside the
 * bank's distribution learns nothing, not even that the bank exists.
 */
const envelope = {
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
  distribution: "only" as const,
  distributionCountries: ["DE"],
};

describe.each(backends)("bulk status changes of hash entries on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let de: Actor;
  let bankId: string;
  let otherBankEntry: number;
  const own: number[] = [];
  let germanEntry: number;
  const h: Record<string, Record<string, string>> = {};

  const bulk = (who: string, payload: object, bank = bankId) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/content/banks/${bank}/entries/status`,
      headers: h[who],
      payload,
    });
  const statuses = async () =>
    (
      await t.deps.db
        .selectFrom("hash_entries")
        .select(["id", "status"])
        .where("bank_id", "=", bankId)
        .orderBy("id")
        .execute()
    ).map((e) => `${e.id}:${e.status}`);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.ca", "content_analyst", "FR");
    de = await t.user("de.ca", "content_analyst", "DE");
    await t.user("us.ca", "content_analyst", "US");
    await t.user("fr.officer", "ncb_officer", "FR");
    for (const name of ["fr.ca", "de.ca", "us.ca", "fr.officer"]) h[name] = (await t.login(name)).headers;
    const bank = await t.services.content.createBank(fr, { name: "shared with Germany", envelope });
    bankId = bank.id;
    for (const c of "abc") {
      const e = await t.services.content.addEntry(fr, bankId, { signalType: "md5", value: c.repeat(32) });
      own.push(e.id);
    }
    germanEntry = (
      await t.services.content.addEntry(de, bankId, { signalType: "md5", value: "d".repeat(32) })
    ).id;
    const other = await t.services.content.createBank(fr, { name: "another", envelope });
    otherBankEntry = (
      await t.services.content.addEntry(fr, other.id, { signalType: "md5", value: "e".repeat(32) })
    ).id;
  });
  afterAll(() => t?.close());

  it("changes the chosen entries at once, each audited with the reason, and says what was already so", async () => {
    const { head } = await t.deps.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("seq").as("head"))
      .executeTakeFirstOrThrow();
    const res = await bulk("fr.ca", {
      entryIds: [own[0], own[1], own[0]],
      status: "disputed",
      reason: "Wrong video",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ changed: 2, unchanged: 0 });
    expect(await statuses()).toEqual([
      `${own[0]}:disputed`,
      `${own[1]}:disputed`,
      `${own[2]}:active`,
      `${germanEntry}:active`,
    ]);
    const rows = await t.deps.db
      .selectFrom("audit_log")
      .select(["action", "record_id", "detail"])
      .where("seq", ">", head)
      .where("action", "=", "hashbank.entry.update")
      .execute();
    expect(rows.map((r) => r.record_id).sort()).toEqual([String(own[0]), String(own[1])].sort());
    expect(JSON.stringify(rows[0]?.detail)).toContain("Wrong video");

    const again = await bulk("fr.ca", {
      entryIds: [own[0], own[1], own[2]],
      status: "disputed",
      reason: "All three",
    });
    expect(again.json()).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it("lets another country change only what it contributed, all or nothing", async () => {
    const before = await statuses();
    const mixed = await bulk("de.ca", {
      entryIds: [germanEntry, own[2]],
      status: "retired",
      reason: "Duplicate",
    });
    expect(mixed.statusCode).toBe(403);
    expect(await statuses()).toEqual(before);
    const mine = await bulk("de.ca", { entryIds: [germanEntry], status: "retired", reason: "Duplicate" });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(await statuses()).toContain(`${germanEntry}:retired`);
  });

  it("gives a country outside the distribution the answer of a bank that does not exist, and changes nothing", async () => {
    const before = await statuses();
    const payload = { entryIds: [own[0]], status: "active", reason: "Trying" };
    const outside = await bulk("us.ca", payload);
    const missing = await bulk("us.ca", payload, "00000000-0000-4000-8000-000000000000");
    expect(outside.statusCode).toBe(404);
    expect([outside.statusCode, outside.json().detail]).toEqual([missing.statusCode, missing.json().detail]);
    expect(await statuses()).toEqual(before);
  });

  it("refuses bad requests and other roles without changing anything", async () => {
    const before = await statuses();
    const auditRows = await t.rowCount("audit_log");
    const ok = { entryIds: [own[2]], status: "retired", reason: "Why" };
    const cases: [string, object, number][] = [
      ["fr.ca", { ...ok, entryIds: [] }, 400],
      ["fr.ca", { ...ok, entryIds: Array.from({ length: 501 }, (_, i) => i + 1) }, 400],
      ["fr.ca", { ...ok, status: "deleted" }, 400],
      ["fr.ca", { ...ok, reason: "  " }, 400],
      ["fr.ca", { ...ok, entryIds: [own[2], otherBankEntry] }, 400],
      ["fr.ca", { ...ok, extra: true }, 400],
      ["fr.officer", ok, 403],
    ];
    for (const [who, payload, status] of cases)
      expect((await bulk(who, payload)).statusCode, `${who} ${JSON.stringify(payload).slice(0, 80)}`).toBe(
        status,
      );
    expect(await statuses()).toEqual(before);
    expect(await t.rowCount("audit_log")).toBe(auditRows);
  });
});
