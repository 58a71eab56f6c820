import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Reject } from "../../shared/bulk/bulk-import.ts";
import { envelope, redRequest } from "../notices/notices.fixtures.ts";
import type { PersonsImportFormat } from "./persons.import.schema.ts";

const CSV = [
  "reference,name,aliases,date_of_birth,nationality,sex",
  "P-001,Jean DUPONT,Johnny D|J. Dupont,1985-02-14,FR,M",
  "P-002,Bad DATE,,1985-02-30,FR,M",
  "P-003,Zed ZULU,,1990,ZZ,F",
  'P-004,"Broken QUOTE,,1970,FR,M',
  "P-005,Maria EXEMPLA,,1971-06,es,F",
  "P-006,Odd SEX,,,,X",
].join("\n");

const FTM = [
  '{"id":"ftm-1","schema":"Person","properties":{"name":["Ali EXEMPLO"],"birthDate":["1979"],"nationality":["KE"],"topics":["crime.terror"]}}',
  '{"id":"ftm-2","schema":"Organization","properties":{"name":["Example Front"],"country":["so"]}}',
  '{"id":"ftm-3","schema":"Person","properties":{"name":"not a list"}}',
  '{"id":"ftm-4","schema":"Person","properties":{"name":["X"],"favouriteColour":["blue"]}}',
  '{"id":"ftm-5","schema":"Person","properties":{"name":["Y"],"constructor":["x"]}}',
  '{"id":"ftm-6","schema":"Spaceship","properties":{"name":["Z"]}}',
  '{"id":"ftm-7","schema":"Person","properties":{"name":["W"],"birthDate":["2001-13"]}}',
].join("\n");

describe.each(backends)("persons import on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let ke: Actor;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    ke = await t.user("ke.officer", "ncb_officer", "KE");
  });
  afterAll(() => t?.close());

  const run = async (actor: Actor, text: string, format: PersonsImportFormat, fileName = "persons.csv") => {
    const rejects: Reject[] = [];
    const r = await t.services.records.importStream(actor, [text], {
      format,
      fileName,
      batchSize: 2,
      onReject: (x) => {
        rejects.push(x);
      },
    });
    return { r, rejects: rejects.map((x) => [x.line, x.reason]) };
  };
  const idOf = async (reference: string) =>
    (
      await t.deps.storage.db
        .selectFrom("records")
        .select("id")
        .where("owner", "=", "FR")
        .where("reference", "=", reference)
        .executeTakeFirstOrThrow()
    ).id;

  it("imports a persons CSV: good rows stored as FtM Persons, bad rows rejected with the reason", async () => {
    const { r, rejects } = await run(fr, CSV, "csv");
    expect(r).toMatchObject({ rows: 6, accepted: 2, rejected: 4, created: 2, updated: 0, unchanged: 0 });
    expect(rejects).toEqual([
      [3, "date_of_birth: 1985-02-30 is not a real date"],
      [4, 'nationality: unknown country code "ZZ"'],
      [5, "broken CSV: Quote Not Closed: the parsing is finished with an opening quote at line 1"],
      [7, 'sex: Invalid option: expected one of "M"|"F"|"U"'],
    ]);
    const p1 = await t.services.records.get(fr, await idOf("P-001"));
    expect([p1.schema, p1.properties]).toEqual([
      "Person",
      {
        alias: ["Johnny D", "J. Dupont"],
        birthDate: ["1985-02-14"],
        gender: ["male"],
        name: ["Jean DUPONT"],
        nationality: ["fr"],
      },
    ]);
    const history = await t.services.records.history(fr, p1.id);
    expect(history.map((h) => [h.prop, h.value, h.source])).toContainEqual([
      "name",
      "Jean DUPONT",
      "import by FR: persons.csv line 2",
    ]);
  });

  it("a re-import changes nothing; a changed row updates the values with their provenance", async () => {
    const records = await t.rowCount("records");
    const feed = await t.rowCount("change_feed");
    const statements = await t.rowCount("record_statements");
    const again = await run(fr, CSV, "csv");
    expect(again.r).toMatchObject({
      rows: 6,
      accepted: 2,
      rejected: 4,
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect([await t.rowCount("records"), await t.rowCount("change_feed")]).toEqual([records, feed]);
    expect(await t.rowCount("record_statements")).toBe(statements);

    const changed = CSV.replace("Johnny D|J. Dupont", "Johnny D|Jean D.");
    const third = await run(fr, changed, "csv", "persons-v2.csv");
    expect(third.r).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 4 });
    expect([await t.rowCount("records"), await t.rowCount("change_feed")]).toEqual([records, feed + 1]);
    const history = await t.services.records.history(fr, await idOf("P-001"));
    const alias = history.filter((h) => h.prop === "alias");
    expect(alias.map((h) => [h.value, h.source, h.retractedAt === null])).toEqual([
      ["Johnny D", "import by FR: persons.csv line 2", true],
      ["J. Dupont", "import by FR: persons.csv line 2", false],
      ["Jean D.", "import by FR: persons-v2.csv line 2", true],
    ]);
  });

  it("imports JSON Lines of the same fields", async () => {
    const body = [
      '{"reference":"J-1","name":"Lea MARTIN","aliases":["L. Martin"],"date_of_birth":"1992-07-01","nationality":"BE","sex":"F"}',
      "{not json",
      '{"reference":"J-2","name":"No COUNTRY","nationality":"ZZ"}',
    ].join("\n");
    const { r, rejects } = await run(fr, body, "jsonl", "persons.jsonl");
    expect(r).toMatchObject({ rows: 3, created: 1, rejected: 2 });
    expect(rejects).toEqual([
      [2, "not JSON: Expected property name or '}' in JSON at position 1"],
      [3, 'nationality: unknown country code "ZZ"'],
    ]);
  });

  it("imports FtM entities checked against the FtM model", async () => {
    const { r, rejects } = await run(fr, FTM, "ftm", "entities.ftm.json");
    expect(r).toMatchObject({ rows: 7, created: 2, rejected: 5 });
    expect(rejects).toEqual([
      [3, "properties.name: Invalid input: expected array, received string"],
      [4, 'properties: Person has no property "favouriteColour"'],
      [5, 'the key "constructor" is not allowed'],
      [6, 'schema: "Spaceship" is not one of Person, Organization, LegalEntity'],
      [7, "properties.birthDate: 2001-13 is not a real date"],
    ]);
    const org = await t.services.records.get(fr, await idOf("ftm-2"));
    expect([org.schema, org.properties]).toEqual([
      "Organization",
      { country: ["so"], name: ["Example Front"] },
    ]);
  });

  it("a person imported by FR is visible to KE; a re-import never widens a narrowed record", async () => {
    const id = await idOf("P-005");
    expect((await t.services.records.get(ke, id)).caption).toBe("Maria EXEMPLA");
    expect((await t.services.records.get(fr, id)).envelope.sourceReliability).toBe("B");
    await t.services.records.update(fr, id, {
      envelope: { ...envelope("only", ["US"]), sourceType: "police" },
      source: "case review",
    });
    const changed = CSV.replace("P-005,Maria EXEMPLA,,1971-06,es,F", "P-005,Maria EXEMPLA,,1971-06,es|pt,F");
    expect((await run(fr, changed, "csv")).r).toMatchObject({ updated: 2, unchanged: 0 });
    const after = await t.services.records.get(fr, id);
    expect([
      after.properties.nationality,
      after.envelope.distribution,
      after.envelope.distributionCountries,
    ]).toEqual([["es", "pt"], "only", ["US"]]);
    await expect(t.services.records.get(ke, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("never touches the subject of a notice: its row is rejected with the reason", async () => {
    const notice = await t.services.notices.create(fr, {
      request: redRequest("SUBJECTO", "Sam") as never,
      envelope: envelope(),
    });
    const subject = notice.subjectRecordId as string;
    await t.deps.storage.db
      .updateTable("records")
      .set({ reference: "N-1" })
      .where("id", "=", subject)
      .execute();
    const before = await t.services.records.get(fr, subject);
    const { r, rejects } = await run(
      fr,
      "reference,name,aliases,date_of_birth,nationality,sex\nN-1,Other NAME,,,,\n",
      "csv",
    );
    expect(r).toMatchObject({ rows: 1, accepted: 0, rejected: 1, created: 0, updated: 0 });
    expect(rejects).toEqual([
      [2, "reference N-1: the record is the subject of a notice; change it through the notice"],
    ]);
    expect((await t.services.records.get(fr, subject)).properties).toEqual(before.properties);
  });

  it("imports over HTTP; a record with an unknown schema or property is refused with 400 naming it", async () => {
    const h = (await t.login("fr.officer")).headers;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/records/import?format=ftm&filename=web.ftm.json",
      headers: { ...h, "content-type": "application/x-ndjson" },
      payload: FTM.replaceAll("ftm-", "web-"),
    });
    expect(res.statusCode).toBe(200);
    expect([res.json().created, res.json().rejected, res.json().rejects[0].line]).toEqual([2, 5, 3]);

    const post = (body: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/records",
        headers: h,
        payload: { envelope: envelope(), source: "test", ...body },
      });
    const ctor = await post({ schema: "Person", properties: { name: ["A"], constructor: ["x"] } });
    expect(ctor.statusCode).toBe(400);
    expect(ctor.body).toContain("constructor");
    const prop = await post({ schema: "Person", properties: { name: ["A"], favouriteColour: ["x"] } });
    expect([prop.statusCode, prop.json().errors]).toEqual([
      400,
      [{ path: "body.properties", message: 'Person has no property "favouriteColour"' }],
    ]);
    const schema = await post({ schema: "Spaceship", properties: { name: ["A"] } });
    expect([schema.statusCode, schema.json().errors]).toEqual([
      400,
      [{ path: "body.schema", code: "invalid_option", message: 'unknown FtM schema "Spaceship"' }],
    ]);
  });

  it("a reader without a bureau role may not import", async () => {
    const border = await t.user("fr.border", "border_officer", "FR");
    await expect(run(border, CSV, "csv")).rejects.toMatchObject({ code: "forbidden" });
  });
});
