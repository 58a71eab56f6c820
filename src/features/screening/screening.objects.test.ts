import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";
import { systemActor } from "../../shared/actor.ts";
import { envelope, unListXml } from "../notices/notices.fixtures.ts";
import { DISCREET_ACTION } from "./screening.actions.ts";
import { screenManifest } from "./screening.manifest.ts";

/*
 * What a traveller carries or drives, a record its owner asked to be checked discreetly, and a long
 * manifest that must not hold up the next traveller - on both back ends.
 */

describe.each(backends)("screening firearms, vehicles, discreet records and long manifests on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let us: Actor;
  let ke: Actor;
  const check = (actor: Actor, body: Record<string, unknown>) =>
    t.services.screening.checks.check(actor, body);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.officer", "ncb_officer", "FR");
    us = await t.user("us.border", "border_officer", "US");
    ke = await t.user("ke.border", "border_officer", "KE");
    const gun = { make: "Glock", model: "17", type: "pistol", status: "stolen" } as const;
    await t.services.firearms.create(fr, {
      ...gun,
      serialNumber: "GLK-4471",
      envelope: envelope("only", ["US"]),
    });
    await t.services.firearms.create(fr, {
      ...gun,
      serialNumber: "GLK-9000",
      status: "seized",
      envelope: envelope(),
    });
    await t.services.vehicles.create(fr, {
      vin: "1M8GDM9AXKP042788",
      plate: "AB-123-CD",
      plateCountry: "FR",
      make: "Ford",
      status: "stolen",
      envelope: envelope(),
    });
  });
  afterAll(() => t?.close());

  it("finds a carried firearm within its distribution, and not one already seized", async () => {
    const r = await check(us, { firearmSerialNumber: "glk 4471", location: "Laredo" });
    expect(r.hits[0]).toMatchObject({
      kind: "firearm",
      category: "stolen",
      match: true,
      reference: "GLK-4471",
    });
    expect(r.action).toMatch(/firearm/);
    expect((await check(ke, { firearmSerialNumber: "GLK-4471" })).hit).toBe(false);
    expect((await check(us, { firearmSerialNumber: "GLK-9000" })).hit).toBe(false);
  });

  it("finds a stolen vehicle by VIN or plate, alongside the driver's own check", async () => {
    const byVin = await check(ke, { name: "Nobody Known", vehicleVin: "1M8GDM9AXKP042788" });
    expect(byVin.hits[0]).toMatchObject({ kind: "vehicle", match: true });
    const byPlate = await check(ke, { vehiclePlate: "ab123cd" });
    expect(byPlate.hits[0]?.explanation.vehicle).toMatchObject({ matchedBy: "plate" });
  });

  it("a record its owner flagged for a discreet check answers the officer with no detail", async () => {
    const made = await t.services.records.create(fr, {
      schema: "Person",
      properties: { name: ["Rustam Kadyrbekov"], birthDate: ["1988-11-02"] },
      envelope: envelope(),
      source: "Case file 2026/90",
      discreetCheck: true,
    });
    expect(made.discreetCheck).toBe(true);
    const r = await check(ke, { name: "Rustam Kadyrbekov", dateOfBirth: "1988-11-02", location: "Almaty" });
    expect(r).toMatchObject({ hit: true, discreet: true, action: DISCREET_ACTION, hits: [] });
    // Lifting the flag makes the next check an open one.
    await t.services.records.update(fr, made.id, { source: "Case file 2026/90", discreetCheck: false });
    const open = await check(ke, { name: "Rustam Kadyrbekov", dateOfBirth: "1988-11-02" });
    expect(open).toMatchObject({ hit: true, discreet: false });
    expect(open.hits[0]?.kind).toBe("person");
  });

  it("names a UN Special Notice by its UN reference number, and finds its listed passport", async () => {
    const xml = unListXml("2024-01-01T00:00:00Z", [
      {
        ref: "QDi.901",
        dataId: 990901,
        names: ["ABU", "DEMOUN", "AL-TESTI"],
        dob: "1971-05-05",
        nationality: "Iraq",
      },
    ]);
    await t.services.notices.importUnList(systemActor("XG"), xml);
    const r = await check(ke, { name: "Abu Demoun al Testi", dateOfBirth: "1971-05-05" });
    expect(r.hits[0]).toMatchObject({
      kind: "notice",
      category: "un_special",
      reference: "QDi.901",
      match: true,
    });
    expect(r.action).toMatch(/sanctions/);
    const byPassport = await check(ke, { documentNumber: "A990901", documentCountry: "IRQ" });
    expect(byPassport.hits[0]).toMatchObject({ reference: "QDi.901", match: true });
  });

  it("answers a single traveller while a long manifest is being screened", async () => {
    const rows = ["id,name,date_of_birth,nationality,sex,document_number,document_country"];
    for (let i = 0; i < 5000; i++) rows.push(`P${i},Traveller Number${i},1980-01-01,GB,M,,`);
    let manifestDone = false;
    const manifest = screenManifest(t.services.screening.service, us, rows.join("\n")).then((r) => {
      manifestDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const single = await check(us, { firearmSerialNumber: "GLK-4471" });
    expect(single.hit).toBe(true);
    expect(manifestDone).toBe(false);
    const done = await manifest;
    expect(done.summary).toMatchObject({ passengers: 5000, screened: 5000, unreadable: 0 });
  }, 120_000);
});
