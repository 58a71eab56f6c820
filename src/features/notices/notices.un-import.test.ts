import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/harness.ts";
import { systemActor } from "../../shared/actor.ts";
import { type UnFixture, unListXml } from "./notices.fixtures.ts";
import { readUnListFile, shippedUnList } from "./un-list/read.ts";

const operator = systemActor("XG");
// Reads go through the services as a GS analyst would (the operator imports, it does not read files).
const reader = { ...operator, kind: "user" as const, role: "gs_analyst" as const };

const v1: UnFixture[] = [
  { ref: "QDi.901", dataId: 9001, names: ["ABU", "TEST", "AL-FICTIVE"], aliases: ["Abu Fiction"] },
  { ref: "QDi.902", dataId: 9002, names: ["OMAR", "NOBODY"], nationality: "Egypt" },
  { ref: "TAi.903", dataId: 9003, names: ["MULLAH", "EXAMPLE"], nationality: "Afghanistan" },
  { ref: "QDe.904", dataId: 9004, names: ["FICTIONAL FRONT FOR TESTING"], aliases: ["FFT"] },
  { ref: "KPi.905", dataId: 9005, names: ["OUTSIDE", "REGIME"] },
];

describe("UN Consolidated List import", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t?.close());

  const counts = async () => {
    const n = async (table: "notices" | "notice_events" | "records" | "un_listings") =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      notices: await n("notices"),
      events: await n("notice_events"),
      records: await n("records"),
      listings: await n("un_listings"),
    };
  };
  const noticeOf = (ref: string) =>
    t.deps.db
      .selectFrom("un_listings as l")
      .innerJoin("notices as n", "n.id", "l.notice_id")
      .selectAll("n")
      .select(["l.version_num", "l.delisted_at", "l.entry"])
      .where("l.reference_number", "=", ref)
      .executeTakeFirstOrThrow();

  it("creates Special Notices for QD and TA entries only, then amends changed ones and ends delisted ones", async () => {
    const first = await t.services.notices.importUnList(operator, unListXml("2024-01-01T00:00:00Z", v1));
    expect(first).toMatchObject({ inFile: 5, created: 4, updated: 0, ended: 0 });
    expect(first.perRegime).toEqual({ QD: { individual: 2, entity: 1 }, TA: { individual: 1, entity: 0 } });
    const n = await noticeOf("QDi.901");
    expect(n).toMatchObject({
      type: "un_special",
      state: "published",
      owner: "XU",
      public_extract: true,
      valid_until: null,
    });
    expect(n.notice_number).toMatch(/^\d{4}\/\d{5}$/);
    const subject = await t.services.records.get(reader, n.subject_record_id as string);
    expect(subject).toMatchObject({ schema: "Person", envelope: { owner: "XU", sourceType: "un" } });
    expect(subject.properties).toMatchObject({
      alias: ["Abu Fiction"],
      nationality: ["Iraq"],
      passportNumber: ["A9001"],
      unscId: ["QDi.901"],
    });
    const entity = await t.services.records.get(
      reader,
      (await noticeOf("QDe.904")).subject_record_id as string,
    );
    expect(entity.schema).toBe("Organization");
    const events = await t.services.notices.history(reader, n.id);
    expect(events.map((e) => e.action)).toEqual(["create", "submit", "start_review", "publish"]);

    const before = await counts();
    const again = await t.services.notices.importUnList(operator, unListXml("2024-01-01T00:00:00Z", v1));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, ended: 0 });
    expect(await counts()).toEqual(before);

    const v2 = [
      { ...v1[0]!, version: 2, aliases: ["Abu Fiction", "Abu Novel"] },
      v1[1]!,
      v1[3]!,
      { ref: "QDi.906", dataId: 9006, names: ["NEW", "LISTING"] },
    ];
    const second = await t.services.notices.importUnList(operator, unListXml("2024-02-01T00:00:00Z", v2));
    expect(second).toMatchObject({ created: 1, updated: 1, unchanged: 2, ended: 1 });
    const amended = await noticeOf("QDi.901");
    expect(amended.version_num).toBe(2);
    expect((amended.request as { subject: { aliases: string[] } }).subject.aliases).toEqual([
      "Abu Fiction",
      "Abu Novel",
    ]);
    expect(
      (await t.services.records.get(reader, amended.subject_record_id as string)).properties.alias,
    ).toContain("Abu Novel");
    const ended = await noticeOf("TAi.903");
    expect(ended.state).toBe("withdrawn");
    expect(ended.delisted_at).not.toBeNull();
    const last = (await t.services.notices.history(reader, ended.id)).at(-1);
    expect(last).toMatchObject({ action: "withdraw", reasons: "delisted", toState: "withdrawn" });

    // An older list than the one imported is refused: it would undo amendments.
    await expect(
      t.services.notices.importUnList(operator, unListXml("2024-01-15T00:00:00Z", v1)),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a hostile or broken file before writing anything", async () => {
    const before = await counts();
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z"><INDIVIDUALS/></CONSOLIDATED_LIST>`;
    const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z">&xxe;</CONSOLIDATED_LIST>`;
    const broken = unListXml("2025-01-01T00:00:00Z", v1).slice(0, -40);
    const invalid = unListXml("2025-01-01T00:00:00Z", v1).replace(
      "<REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER>",
      "",
    );
    for (const xml of [bomb, external, broken, invalid, "not xml at all"])
      await expect(t.services.notices.importUnList(operator, xml)).rejects.toMatchObject({
        code: "unprocessable",
      });
    expect(await counts()).toEqual(before);
    const officer = await t.user("fr.importer", "ncb_officer", "FR");
    await expect(
      t.services.notices.importUnList(officer, unListXml("2025-01-01T00:00:00Z", v1)),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("imports the real 2024-09-26 list once, and a second run changes nothing", async () => {
    // The copy shipped in reference/un/ (gzip), so this runs on a fresh clone too.
    const xml = await readUnListFile(shippedUnList);
    const r = await t.services.notices.importUnList(operator, xml);
    expect(r.inFile).toBe(875);
    expect(r.perRegime).toEqual({ QD: { individual: 255, entity: 89 }, TA: { individual: 135, entity: 5 } });
    expect(r.created).toBe(484);
    expect(r.ended).toBe(4); // the fictitious entries of the small lists are not on the real one
    console.info(`UN list import: ${r.created} created in ${r.ms} ms`);
    const z = await noticeOf("QDi.006");
    const entry = z.entry as { aliases: unknown[]; datesOfBirth: unknown[]; documents: unknown[] };
    expect(entry.aliases).toHaveLength(15);
    const subject = await t.services.records.get(reader, z.subject_record_id as string);
    expect(subject.properties.name).toEqual(["AIMAN MUHAMMED RABI AL-ZAWAHIRI"]);
    expect(subject.properties.weakAlias).toEqual(["Abu Fatma", "Abu Mohammed"]);
    expect(subject.properties.birthDate).toEqual(["1951-06-19"]);

    const before = await counts();
    const again = await t.services.notices.importUnList(operator, xml);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 484, ended: 0 });
    expect(await counts()).toEqual(before);

    const persons = await t.app.inject({
      method: "GET",
      url: "/notices/v1/un/persons?resultPerPage=160&page=3",
    });
    expect(persons.json().total).toBe(390);
    expect(persons.json()._embedded.notices).toHaveLength(390 - 2 * 160); // the third page is the last
    const entities = await t.app.inject({
      method: "GET",
      url: "/notices/v1/un/entities?name=afghan%20support",
    });
    expect(entities.json()._embedded.notices[0].name).toBe("AFGHAN SUPPORT COMMITTEE (ASC)");
  }, 180_000);
});
