import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, redRequest, unListXml } from "../src/features/notices/notices.fixtures.ts";
import { type Actor, systemActor } from "../src/shared/actor.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";

/*
 * The searches of the lists (notices, records, the public pages) find a person whatever the order of
 * the name parts, from part of a name, by an alias, by a UN reference or by a notice number; and a
 * notice or record a country may not see is found by none of these, neither as a row nor in a count.
 */

describe.each(backends)("searching names and references on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let ke: Actor;
  let gs: Actor;
  let openNumber = "";
  let hiddenNumber = "";

  const publish = async (request: unknown, env: ReturnType<typeof envelope>, publicExtract: boolean) => {
    const n = await t.services.notices.create(fr, {
      request: request as never,
      envelope: env,
      publicExtract,
    });
    await t.services.notices.transition(fr, n.id, "submit");
    await t.services.notices.transition(gs, n.id, "start_review");
    return (await t.services.notices.transition(gs, n.id, "publish")).noticeNumber as string;
  };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.names", "ncb_officer", "FR");
    us = await t.user("us.names", "ncb_officer", "US");
    ke = await t.user("ke.names", "ncb_officer", "KE");
    gs = await t.user("gs.names", "gs_reviewer", "XG");
    await t.services.notices.importUnList(
      systemActor("XG"),
      unListXml("2024-09-26T00:00:00Z", [
        {
          ref: "QDi.299",
          dataId: 2975516,
          names: ["IBRAHIM", "AWWAD", "IBRAHIM", "ALI AL-BADRI AL-SAMARRAI"],
          aliases: ["Abu Bakr al-Baghdadi", "Abu Du'a"],
        },
      ]),
    );
    const subject = (familyName: string, forenames: string, aliases: string[]) =>
      redRequest(familyName, forenames, { aliases });
    openNumber = await publish(subject("BAGHDADI", "Abu Bakr", ["Abou Bakr el-Baghdadi"]), envelope(), true);
    // Published, but for the United States only.
    hiddenNumber = await publish(
      subject("QUTBSECRET", "Sayyid Hidden", ["Abu Sirriya"]),
      envelope("only", ["US"]),
      false,
    );
    await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Omar Qutbsecret Kept"], alias: ["Abu Sirriya"], unscId: ["QDi.777"] },
      envelope: envelope("only", ["US"]),
      source: "name search test",
    });
  });
  afterAll(() => t?.close());

  const noticeNames = async (actor: Actor, q: string) => {
    const r = await t.services.notices.list(actor, { q, page: 1, pageSize: 50 });
    const names = r.items.map((n) => {
      const s = n.request.subject as { familyName?: string };
      return s.familyName ?? "";
    });
    return { names: names.sort(), total: r.total };
  };
  const recordNames = async (actor: Actor, q: string) => {
    const r = await t.services.records.list(actor, { q, page: 1, pageSize: 50 });
    return { names: r.items.map((i) => i.caption).sort(), total: r.total };
  };
  const publicNames = async (list: string, freeText: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/notices/v1/${list}?freeText=${encodeURIComponent(freeText)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; _embedded: { notices: { name: string }[] } };
    return { names: body._embedded.notices.map((n) => n.name).sort(), total: body.total };
  };

  const UN = "ALI AL-BADRI AL-SAMARRAI";

  it("finds notices by the name in any order, by part of it, by alias, by UN reference and number", async () => {
    for (const q of ["BAGHDADI Abu Bakr", "Abu Bakr al-Baghdadi", "bakr baghd", "baghdadi"])
      expect((await noticeNames(ke, q)).names, q).toEqual([UN, "BAGHDADI"].sort());
    expect((await noticeNames(ke, "Abou Bakr")).names).toEqual(["BAGHDADI"]);
    expect((await noticeNames(ke, "samarrai ibrahim")).names).toEqual([UN]);
    expect((await noticeNames(ke, "Samarraï Ibrahim")).names).toEqual([UN]);
    expect((await noticeNames(ke, "Abu Du'a")).names).toEqual([UN]);
    for (const q of ["QDi.299", "qdi 299"]) expect((await noticeNames(ke, q)).names, q).toEqual([UN]);
    for (const q of [openNumber, openNumber.replace("/", "-")])
      expect(await noticeNames(ke, q), q).toEqual({ names: ["BAGHDADI"], total: 1 });
    expect((await noticeNames(ke, "Baghdadi Umar")).total).toBe(0);
  });

  it("finds the subjects' records the same ways", async () => {
    expect((await recordNames(ke, "baghdadi abu bakr")).names).toEqual(
      ["Abu Bakr BAGHDADI", "IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI"].sort(),
    );
    expect((await recordNames(ke, "QDi.299")).names).toEqual([
      "IBRAHIM AWWAD IBRAHIM ALI AL-BADRI AL-SAMARRAI",
    ]);
    expect((await recordNames(ke, openNumber)).names).toEqual(["Abu Bakr BAGHDADI"]);
    // The alias finds its record (and, spelt so close, the UN's "Abu Bakr al-Baghdadi" too).
    expect((await recordNames(ke, "Abou Bakr el-Baghdadi")).names).toContain("Abu Bakr BAGHDADI");
  });

  it("finds public extracts by the names they show, the notice number and the UN's data", async () => {
    expect((await publicNames("red", "Bakr Abu BAGHDADI")).names).toEqual(["BAGHDADI"]);
    expect((await publicNames("red", openNumber.replace("/", "-"))).names).toEqual(["BAGHDADI"]);
    // An alias is not in a Red Notice's public extract: it does not find it either.
    expect((await publicNames("red", "Abou Bakr el-Baghdadi")).total).toBe(0);
    expect((await publicNames("red", "QDi.299")).total).toBe(0);
    for (const q of ["Abu Bakr al-Baghdadi", "QDi.299", "samarrai", "AL-BADRI Ibrahim"])
      expect((await publicNames("un/persons", q)).names, q).toEqual([UN]);
  });

  it("never finds what a country may not see, in any form of query, in rows or counts", async () => {
    const forms = [
      "QUTBSECRET Sayyid",
      "Sayyid Hidden Qutbsecret",
      "qutbsec",
      "Abu Sirriya",
      hiddenNumber,
      hiddenNumber.replace("/", "-"),
      "QDi.777",
      "Omar Qutbsecret",
    ];
    for (const q of forms) {
      expect(await noticeNames(ke, q), `notices ${q}`).toEqual({ names: [], total: 0 });
      expect(await recordNames(ke, q), `records ${q}`).toEqual({ names: [], total: 0 });
      for (const list of ["red", "un/persons"])
        expect(await publicNames(list, q), `public ${list} ${q}`).toEqual({ names: [], total: 0 });
    }
    // The searches do find them for a country in the distribution: the queries are not empty ones.
    expect((await noticeNames(us, "Sayyid Hidden Qutbsecret")).names).toEqual(["QUTBSECRET"]);
    expect((await noticeNames(us, hiddenNumber)).names).toEqual(["QUTBSECRET"]);
    expect((await recordNames(us, "QDi.777")).names).toEqual(["Omar Qutbsecret Kept"]);
    expect((await recordNames(us, hiddenNumber)).names).toEqual(["Sayyid Hidden QUTBSECRET"]);
    expect((await recordNames(us, "abu sirriya")).total).toBe(2);
  });
});
