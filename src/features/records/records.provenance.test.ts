import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Reject } from "../../shared/bulk/bulk-import.ts";

const envelope = (distribution: "all" | "only" = "all", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});
const capture = {
  unit: "3rd Recon Battalion",
  place: "Raqqa, SY",
  date: "2019-03-04",
  context: "Personnel file recovered from a training camp",
};

describe.each(backends)("values and their provenance on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let ke: Actor;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.prov", "ncb_officer", "FR");
    ke = await t.user("ke.prov", "ncb_officer", "KE");
  });
  afterAll(() => t?.close());

  it("keeps a name in its own script with its Latin reading, and finds it by that reading", async () => {
    const r = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Абу Бакр"], alias: ["Abou BAKR"], weakAlias: ["The Teacher"] },
      envelope: envelope(),
      source: "FR case file 2024/118",
    });
    const history = await t.services.records.history(fr, r.id);
    const name = history.find((s) => s.prop === "name");
    expect(name).toMatchObject({ value: "Абу Бакр", script: "Cyrl", latin: "Abu Bakr", statedBy: "FR" });
    // A Latin name needs no reading.
    expect(history.find((s) => s.prop === "alias")).toMatchObject({ script: null, latin: null });
    const found = await t.services.records.list(fr, { q: "abu bakr", page: 1, pageSize: 10 });
    expect(found.items.map((i) => i.id)).toContain(r.id);
  });

  it("records who said a value, when and how; battlefield data carries its capture", async () => {
    const r = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Karim EXEMPLE"], topics: ["role.ftf", "crime.terror"] },
      envelope: { ...envelope(), sourceType: "military" },
      source: "Battlefield evidence sharing, batch 7",
      provenance: { statedBy: "Joint Task Force Alpha", statedAt: "2019-05-01", capture },
    });
    const [first] = await t.services.records.history(fr, r.id);
    expect(first).toMatchObject({
      statedBy: "Joint Task Force Alpha",
      sourceType: "military",
      statedAt: "2019-05-01",
      capture,
      source: "Battlefield evidence sharing, batch 7",
    });
  });

  it("refuses military data without its capture, a capture on police data, bad dates and topics", async () => {
    const before = await t.rowCount("records");
    const bad = [
      { envelope: { ...envelope(), sourceType: "military" as const } },
      { envelope: envelope(), provenance: { sourceType: "police" as const, capture } },
      { envelope: envelope(), properties: { name: ["X"], birthDate: ["1985-02-30"] } },
      { envelope: envelope(), properties: { name: ["X"], birthDate: ["1970/1960"] } },
      { envelope: envelope(), properties: { name: ["X"], topics: ["terror"] } },
      { envelope: envelope(), provenance: { capture: { ...capture, date: "2019-02-30" } } },
    ];
    for (const b of bad) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/v1/records",
        headers: (await t.login("fr.prov")).headers,
        payload: { schema: "Person", properties: { name: ["X"] }, source: "test", ...b },
      });
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
    }
    expect(await t.rowCount("records")).toBe(before);
  });

  it("stores dates of birth as EDTF: approximate and ranges as the file wrote them", async () => {
    const r = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Date TEST"], birthDate: ["circa 1970", "1963-1968", "1980-05"] },
      envelope: envelope(),
      source: "test",
    });
    expect(r.properties.birthDate).toEqual(["1970~", "1963/1968", "1980-05"]);
    const lines: string[] = [];
    for await (const l of t.services.records.exportLines(fr, { q: "date test" }, "ftm")) lines.push(l);
    const entity = JSON.parse(lines[0] ?? "{}");
    // FtM has no approximate dates or ranges: the year, and the years of the range.
    expect(entity.properties.birthDate).toEqual([
      "1970",
      "1963",
      "1964",
      "1965",
      "1966",
      "1967",
      "1968",
      "1980-05",
    ]);
  });

  it("imports alias quality, topics, places and battlefield provenance from the flat file", async () => {
    const csv = [
      "reference,name,aliases,weak_aliases,date_of_birth,nationality,sex,topics,place_of_birth,collecting_unit,capture_place,capture_date,capture_context",
      'B-1,أبو محمد,Abu MOHAMMED,The Doctor,1975~,IQ,M,terrorism|ftf,Mosul,Task Force 9,"Hajin, SY",2019-01-20,Detention screening',
      "B-2,Half CAPTURE,,,1980,IQ,M,,,Task Force 9,,,",
      "B-3,Plain PERSON,,,1963..1968,FR,F,wanted,,,,,",
    ].join("\n");
    const rejects: Reject[] = [];
    const report = await t.services.records.importStream(fr, [csv], {
      format: "csv",
      fileName: "battlefield.csv",
      onReject: (x) => {
        rejects.push(x);
      },
    });
    expect(report).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(rejects.map((x) => x.line)).toEqual([3]);
    expect(rejects[0]?.reason).toContain("capture");
    const page = await t.services.records.list(fr, { q: "abu mohammed", page: 1, pageSize: 5 });
    const b1 = page.items.find((i) => i.reference === "B-1");
    expect(b1?.properties).toMatchObject({
      name: ["أبو محمد"],
      alias: ["Abu MOHAMMED"],
      weakAlias: ["The Doctor"],
      birthDate: ["1975~"],
      topics: ["crime.terror", "role.ftf"],
      birthPlace: ["Mosul"],
    });
    const history = await t.services.records.history(fr, b1?.id ?? "");
    expect(history.find((s) => s.prop === "name")).toMatchObject({
      script: "Arab",
      sourceType: "military",
      statedBy: "FR",
      capture: {
        unit: "Task Force 9",
        place: "Hajin, SY",
        date: "2019-01-20",
        context: "Detention screening",
      },
      source: "import by FR: battlefield.csv line 2",
    });
  });

  it("shows nothing of a restricted record's values to a country outside its distribution", async () => {
    const r = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Секретный ЧЕЛОВЕК"] },
      envelope: envelope("only", ["US"]),
      source: "restricted",
    });
    await expect(t.services.records.history(ke, r.id)).rejects.toMatchObject({ code: "not_found" });
    const search = await t.services.records.list(ke, { q: "sekretnyy", page: 1, pageSize: 10 });
    expect(search.total).toBe(0);
    const lines: string[] = [];
    for await (const l of t.services.records.exportLines(ke, {}, "csv")) lines.push(l);
    expect(lines.join("")).not.toContain("Секретный");
    const http = await t.app.inject({
      method: "GET",
      url: "/api/v1/records/export?format=csv",
      headers: (await t.login("ke.prov")).headers,
    });
    expect(http.statusCode).toBe(200);
    expect(http.headers["content-type"]).toContain("text/csv");
    expect(http.body.split("\n")[0]).toMatch(/^reference,name,aliases,/);
    expect(http.body).not.toContain("Секретный");
    // The owner finds it by its Latin reading.
    const own = await t.services.records.list(fr, { q: "sekretnyy", page: 1, pageSize: 10 });
    expect(own.items.map((i) => i.id)).toEqual([r.id]);
  });
});
