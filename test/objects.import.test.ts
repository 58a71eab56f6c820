import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/shared/actor.ts";
import type { Reject } from "../src/shared/bulk/bulk-import.ts";
import type { Database } from "../src/storage/schema.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";

/*
 * Bulk import of firearms, vehicles and CBRNE materials: good rows stored (owned by the importing
 * country, under the import envelope), bad rows rejected with their line and reason, a re-import
 * duplicating nothing (reported unchanged), a stored row's envelope never overwritten, each batch
 * audited and each changed row in the change feed.
 */

const ENUM_STATUS =
  'status: Invalid option: expected one of "lost"|"stolen"|"illicitly_trafficked"|"smuggled"|"seized"';

const firearmsCsv = [
  "serial_number,make,model,calibre,type,country_of_manufacture,status,event_date",
  "AB 123-45,Glock,17,9x19mm,pistol,AT,stolen,2026-01-10",
  "CD-678,Beretta,92FS,9x19mm,pistol,IT,lost,",
  "EF 90,Colt,,,revolver,ZZ,stolen,",
  "GH 1,Colt,,,rifle,US,stolen,2026-02-30",
  "IJ 2,Colt,,,rifle,US,misplaced,",
  '"KL 3,Colt,,,rifle,US,stolen,',
  "",
].join("\n");

const vehiclesCsv = [
  "vin,plate,plate_country,make,model,colour,status,event_date",
  "1M8GDM9AXKP042788,,,Ford,,,stolen,",
  ",AB-123-CD,fr,Renault,Clio,grey,stolen,2026-03-01",
  "1M8GDM9AXKP042789,,,Ford,,,stolen,",
  ",XY-1,,Fiat,,,stolen,",
  ",,,Fiat,,,stolen,",
  ",ZZ-9,ZZ,Fiat,,,wanted,",
  "",
].join("\n");

const materialsCsv = [
  "category,description,identifier,quantity,unit,place,country,event_date,status",
  "radiological_source,Cs-137 sealed source,SRC-0042,1.5,GBq,Nairobi,KE,2026-03-14,stolen",
  "explosive,TATP,LOT 7,2,kg,,FR,2026-05-01,seized",
  "explosive,ANFO,,,,,FR,2026-05-02,seized",
  "explosive,ANFO,LOT 8,2,,,FR,2026-05-02,seized",
  "explosive,ANFO,LOT 9,,,,FR,2025-02-29,seized",
  "explosive,ANFO,LOT 10,,,,XX,2026-05-02,seized",
  "",
].join("\n");

type Name = "firearms" | "vehicles" | "materials";
const cases: {
  name: Name;
  table: keyof Database;
  entity: string;
  csv: string;
  rejects: [number, string][];
  /** The same file with one stored row changed. */
  changed: (csv: string) => string;
}[] = [
  {
    name: "firearms",
    table: "firearms",
    entity: "firearm",
    csv: firearmsCsv,
    rejects: [
      [4, "country_of_manufacture: not a member country code"],
      [5, "event_date: Invalid ISO date"],
      [6, ENUM_STATUS],
      [7, "broken CSV: Quote Not Closed: the parsing is finished with an opening quote at line 1"],
    ],
    changed: (csv) =>
      csv.replace(
        "CD-678,Beretta,92FS,9x19mm,pistol,IT,lost,",
        "CD 678,BERETTA,92FS,9x19mm,pistol,IT,seized,",
      ),
  },
  {
    name: "vehicles",
    table: "vehicles",
    entity: "vehicle",
    csv: vehiclesCsv,
    rejects: [
      [4, "vin: check digit (position 9) is X, expected 1"],
      [5, "plate_country: a plate needs the country that issued it"],
      [6, "vin: a VIN or a plate is needed"],
      [7, "plate_country: not a member country code"],
    ],
    changed: (csv) =>
      csv.replace(",AB-123-CD,fr,Renault,Clio,grey,stolen,", ",AB 123 CD,FR,Renault,Clio,grey,recovered,"),
  },
  {
    name: "materials",
    table: "cbrne_materials",
    entity: "material",
    csv: materialsCsv,
    rejects: [
      [
        4,
        "identifier: required in an import (the key is category and identifier); enter a material without one through the API",
      ],
      [5, "unit: a quantity needs its unit, and a unit its quantity"],
      [6, "event_date: Invalid ISO date"],
      [7, "country: not a member country code"],
    ],
    changed: (csv) =>
      csv.replace(
        "explosive,TATP,LOT 7,2,kg,,FR,2026-05-01,seized",
        "explosive,TATP,lot-7,3,kg,,FR,2026-05-01,seized",
      ),
  },
];

describe.each(backends)("object databases bulk import on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let h: Record<string, string>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    h = (await t.login("fr.officer")).headers;
  });
  afterAll(() => t?.close());

  const auditCount = async (action: string) =>
    Number(
      (
        await t.deps.storage.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const feedCount = async (entity: string) =>
    Number(
      (
        await t.deps.storage.db
          .selectFrom("change_feed")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("entity_type", "=", entity)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = (name: Name, csv: string, rejects: Reject[] = []) =>
    t.services[name].importStream(fr, [csv], {
      format: "csv",
      onReject: (x) => {
        rejects.push(x);
      },
    });

  describe.each(cases)("$name", (c) => {
    it("stores the good rows, owned by the importer, and rejects the bad ones with the reason", async () => {
      const rejects: Reject[] = [];
      const feed = await feedCount(c.entity);
      const r = await run(c.name, c.csv, rejects);
      expect(r).toMatchObject({
        rows: 6,
        accepted: 2,
        rejected: 4,
        created: 2,
        updated: 0,
        unchanged: 0,
        batches: 1,
      });
      expect(rejects.map((x) => [x.line, x.reason])).toEqual(c.rejects);
      expect(rejects[0]?.raw).toBe(c.csv.split("\n")[3]);
      expect(await t.rowCount(c.table)).toBe(2);
      expect(await feedCount(c.entity)).toBe(feed + 2);
      expect(await auditCount(`${c.entity}.import.batch`)).toBe(1);
      expect(await auditCount(`${c.entity}.import`)).toBe(1);
      const stored = await t.deps.storage.db
        .selectFrom(c.table as "firearms")
        .select(["owner", "distribution", "handling_code", "source_reliability"])
        .execute();
      expect(stored).toEqual([
        { owner: "FR", distribution: "all", handling_code: "H0", source_reliability: "A" },
        { owner: "FR", distribution: "all", handling_code: "H0", source_reliability: "A" },
      ]);
    });

    it("a re-import duplicates nothing and reports the rows unchanged; a changed row is updated", async () => {
      const feed = await feedCount(c.entity);
      const again = await run(c.name, c.csv);
      expect(again).toMatchObject({
        rows: 6,
        accepted: 2,
        rejected: 4,
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      expect(await t.rowCount(c.table)).toBe(2);
      expect(await feedCount(c.entity)).toBe(feed);
      const third = await run(c.name, c.changed(c.csv));
      expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(await t.rowCount(c.table)).toBe(2);
      expect(await feedCount(c.entity)).toBe(feed + 1);
      expect(await auditCount(`${c.entity}.import.batch`)).toBe(3);
    });
  });

  it("never overwrites the envelope of a stored row", async () => {
    const onlyUs = {
      distribution: "only" as const,
      distributionCountries: ["US"],
      sourceReliability: "B" as const,
      informationAccuracy: 2,
      sourceType: "police" as const,
    };
    const gun = await t.services.firearms.create(fr, {
      serialNumber: "ZX 1",
      make: "Walther",
      type: "pistol",
      status: "lost",
      envelope: onlyUs,
    });
    const csv = "serial_number,make,type,status\nzx-1,WALTHER,pistol,seized\n";
    expect(await run("firearms", csv)).toMatchObject({ created: 0, updated: 1 });
    const after = await t.services.firearms.get(fr, gun.id);
    expect([
      after.status,
      after.make,
      after.envelope.distribution,
      after.envelope.distributionCountries,
    ]).toEqual(["seized", "WALTHER", "only", ["US"]]);
    // The same firearm entered by hand a second time is a conflict, not a second row.
    await expect(
      t.services.firearms.create(fr, {
        serialNumber: "ZX1",
        make: "walther",
        type: "pistol",
        status: "lost",
        envelope: onlyUs,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    // So is an edit that would give another firearm its key; nothing changes.
    const other = await t.services.firearms.create(fr, {
      serialNumber: "ZX 2",
      make: "Walther",
      type: "pistol",
      status: "lost",
      envelope: onlyUs,
    });
    await expect(t.services.firearms.update(fr, other.id, { serialNumber: "zx1" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await t.services.firearms.get(fr, other.id)).serialNumber).toBe("ZX 2");
  });

  it.each([
    [
      "firearms",
      '{"serialNumber":"JL-1","make":"Glock","type":"pistol","status":"stolen","model":null}\n{"serial_number":"JL-2","make":"Glock","type":"cannon","status":"stolen"}\n{oops',
      [
        [
          2,
          'type: Invalid option: expected one of "pistol"|"revolver"|"rifle"|"shotgun"|"submachine_gun"|"machine_gun"|"other"',
        ],
        [3, expect.stringMatching(/^not JSON: /)],
      ],
    ],
    [
      "vehicles",
      '{"vin":"WVWZZZ1JZXW000001","make":"VW","status":"stolen"}\n{"vin":"1M8GDM9AXKP04278","make":"Ford","status":"stolen"}',
      [[2, "vin: a VIN has 17 characters, this one 16"]],
    ],
    [
      "materials",
      '{"category":"precursor","description":"acetone","identifier":"DRUM 4","quantity":200,"unit":"l","country":"FR","eventDate":"2026-04-01","status":"lost"}\n{"category":"precursor","description":"acetone","identifier":"DRUM 5","country":"FR","event_date":"2026-04-01","status":"gone"}',
      [[2, 'status: Invalid option: expected one of "lost"|"stolen"|"seized"|"recovered"']],
    ],
  ])(
    "POST /api/v1/%s/import takes JSON Lines and answers the report with the rejects",
    async (name, body, rejects) => {
      const send = () =>
        t.app.inject({
          method: "POST",
          url: `/api/v1/${name}/import`,
          headers: { ...h, "content-type": "application/x-ndjson" },
          payload: body,
        });
      const res = await send();
      expect(res.statusCode).toBe(200);
      expect(res.json().created).toBe(1);
      expect(res.json().rejects.map((x: Reject) => [x.line, x.reason])).toEqual(rejects);
      const again = (await send()).json();
      expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 1]);
    },
  );

  it("refuses a CSV without the required columns, and a role that may not write", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/materials/import",
      headers: { ...h, "content-type": "text/csv" },
      payload: "category,description,country,event_date,status\nexplosive,TATP,FR,2026-01-01,seized\n",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe("The CSV header lacks the columns: identifier.");
    const border = await t.user("fr.border", "border_officer", "FR");
    await expect(
      t.services.vehicles.importStream(border, ["make,status\n"], { format: "csv", onReject: () => {} }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
