import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "./harness.ts";
import type { H } from "./matrix.ts";

/**
 * Bad input to the firearms, vehicles and materials databases is refused with the reason (400, or
 * 403/404 for an edit by a country that does not own the row) and changes nothing.
 */
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" };
const onlyUs = { ...envelope, distribution: "only", distributionCountries: ["US"] };
const firearm = { serialNumber: "AB 123-45", make: "Glock", type: "pistol", status: "stolen", envelope };
const vehicle = { vin: "1M8GDM9AXKP042788", make: "Ford", status: "stolen", envelope };
const material = {
  category: "explosive",
  description: "TATP",
  quantity: 2,
  unit: "kg",
  country: "FR",
  eventDate: "2026-05-01",
  status: "seized",
  envelope,
};

const tables = ["firearms", "vehicles", "cbrne_materials", "firearm_trace_requests", "change_feed"] as const;

describe.each(backends)("object databases: bad input on %s", (kind) => {
  let t: TestContext;
  const h = new Map<string, H>();
  const send = (who: string, method: "POST" | "PATCH", url: string, payload: object) =>
    t.app.inject({ method, url, headers: h.get(who) as H, payload });
  const counts = async () => Promise.all(tables.map((n) => t.rowCount(n)));

  beforeAll(async () => {
    t = await createTestContext({ kind });
    for (const c of ["FR", "US", "KE"]) {
      await t.user(`${c.toLowerCase()}.officer`, "ncb_officer", c);
      h.set(c, (await t.login(`${c.toLowerCase()}.officer`)).headers);
    }
  });
  afterAll(() => t?.close());

  it.each([
    [
      "firearms",
      { ...firearm, countryOfManufacture: "ZZ" },
      "countryOfManufacture",
      "not a member country code",
    ],
    ["firearms", { ...firearm, eventDate: "2026-02-30" }, "eventDate", "date"],
    ["firearms", { ...firearm, serialNumber: "--" }, "serialNumber", "needs at least one letter or digit"],
    [
      "vehicles",
      { ...vehicle, vin: "1M8GDM9AXKP042789" },
      "vin",
      "check digit (position 9) is X, expected 1",
    ],
    ["vehicles", { ...vehicle, vin: "1M8GDM9AXKP04278" }, "vin", "a VIN has 17 characters, this one 16"],
    [
      "vehicles",
      { ...vehicle, plate: "AB-123-CD", plateCountry: "ZZ" },
      "plateCountry",
      "not a member country code",
    ],
    ["vehicles", { make: "Ford", status: "stolen", envelope }, "vin", "a VIN or a plate is needed"],
    ["materials", { ...material, country: "ZZ" }, "country", "not a member country code"],
    ["materials", { ...material, eventDate: "2025-02-29" }, "eventDate", "date"],
    [
      "materials",
      { ...material, unit: undefined },
      "unit",
      "a quantity needs its unit, and a unit its quantity",
    ],
  ])("POST /api/v1/%s refuses %j at %s", async (db, payload, path, message) => {
    const before = await counts();
    const res = await send("FR", "POST", `/api/v1/${db}`, payload);
    expect(res.statusCode).toBe(400);
    const error = (res.json().errors as { path: string; message: string }[]).find((e) =>
      e.path.endsWith(path),
    );
    expect(error?.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it.each([
    // The second item differs in its natural key: one owner cannot enter the same item twice.
    ["firearms", firearm, { make: "Colt" }, { serialNumber: "CD 678-90" }],
    ["vehicles", vehicle, { make: "Opel" }, { vin: "WVWZZZ1JZXW000001" }],
    ["materials", material, { description: "ANFO" }, {}],
  ])(
    "only the owner changes %s: 403 for a country that sees it, 404 for one that does not",
    async (db, body, change, otherKey) => {
      const open = (await send("FR", "POST", `/api/v1/${db}`, body)).json() as { id: string };
      const restricted = (
        await send("FR", "POST", `/api/v1/${db}`, { ...body, ...otherKey, envelope: onlyUs })
      ).json() as {
        id: string;
      };
      const before = await counts();
      expect((await send("US", "PATCH", `/api/v1/${db}/${open.id}`, change)).statusCode).toBe(403);
      expect((await send("US", "PATCH", `/api/v1/${db}/${restricted.id}`, change)).statusCode).toBe(403);
      expect((await send("KE", "PATCH", `/api/v1/${db}/${restricted.id}`, change)).statusCode).toBe(404);
      expect(await counts()).toEqual(before);
      const still = await t.app.inject({
        method: "GET",
        url: `/api/v1/${db}/${open.id}`,
        headers: h.get("FR") as H,
      });
      expect(still.json()).toMatchObject({
        ...Object.fromEntries(Object.keys(change).map((k) => [k, (body as never)[k]])),
      });
      const own = await send("FR", "PATCH", `/api/v1/${db}/${open.id}`, change);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject(change);
    },
  );

  it("a trace request needs a visible firearm, another bureau and a deadline ahead", async () => {
    const mine = (await send("FR", "POST", "/api/v1/firearms", firearm)).json() as { id: string };
    const hidden = (
      await send("FR", "POST", "/api/v1/firearms", { ...firearm, serialNumber: "EF 111", envelope: onlyUs })
    ).json() as {
      id: string;
    };
    const before = await counts();
    const q = { question: "History?", deadline: "2026-07-01" };
    expect(
      (await send("FR", "POST", "/api/v1/trace-requests", { ...q, firearmId: mine.id })).statusCode,
    ).toBe(400);
    expect(
      (await send("KE", "POST", "/api/v1/trace-requests", { ...q, firearmId: hidden.id })).statusCode,
    ).toBe(404);
    const past = await send("KE", "POST", "/api/v1/trace-requests", {
      ...q,
      firearmId: mine.id,
      deadline: "2026-05-01",
    });
    expect(past.statusCode).toBe(400);
    const bad = await send("KE", "POST", "/api/v1/trace-requests", {
      ...q,
      firearmId: mine.id,
      deadline: "2026-06-31",
    });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const ok = await send("KE", "POST", "/api/v1/trace-requests", { ...q, firearmId: mine.id });
    expect(ok.json()).toMatchObject({ requestingCountry: "KE", addressedCountry: "FR", status: "open" });
  });

  it("normalised serial numbers find the firearm however they were typed", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/firearms?serial=ab12345",
      headers: h.get("US") as H,
    });
    expect(res.json().items[0]).toMatchObject({ serialNumber: "AB 123-45", serialNormalized: "AB12345" });
  });
});
