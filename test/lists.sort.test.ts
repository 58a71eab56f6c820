import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/shared/actor.ts";
import { backends, createTestContext, type TestContext } from "./harness.ts";

/*
 * The `sort` and `owner` parameters of the object lists and the persons list: ascending and descending by key, dates a
 * row lacks last in both directions, the creation order as the default.
 */
const envelope = { sourceReliability: "B", informationAccuracy: 2, sourceType: "police" } as const;

describe.each(backends)("sorted lists on %s", (kind) => {
  let t: TestContext;
  let h: Record<string, string>;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    const fr: Actor = await t.user("fr.sort", "ncb_officer", "FR");
    const us: Actor = await t.user("us.sort", "ncb_officer", "US");
    const gun = { make: "Glock", type: "pistol", status: "stolen", envelope } as const;
    await t.services.firearms.create(fr, { ...gun, serialNumber: "S-2019", eventDate: "2019-05-01" });
    await t.services.firearms.create(fr, { ...gun, serialNumber: "S-NONE" });
    await t.services.firearms.create(us, { ...gun, serialNumber: "S-2021", eventDate: "2021-01-10" });
    const doc = { country: "FRA", type: "passport", status: "stolen" } as const;
    await t.services.documents.create(fr, { ...doc, number: "B200", reportedDate: "2024-02-01" });
    await t.services.documents.create(fr, { ...doc, number: "A100" });
    await t.services.documents.create(fr, { ...doc, number: "C300", reportedDate: "2023-07-01" });
    for (const name of ["Bravo SORTTEST", "Alpha SORTTEST", "Charlie SORTTEST"]) {
      t.clock.advance(60_000); // entered a minute apart: the entry order is theirs
      await t.services.records.create(fr, {
        schema: "Person",
        properties: { name: [name] },
        envelope: { ...envelope, distribution: "all", distributionCountries: [] },
        source: "sort test",
      });
    }
    h = (await t.login("fr.sort")).headers;
  });
  afterAll(() => t?.close());

  const serials = async (query: string) =>
    (await t.app.inject({ method: "GET", url: `/api/v1/firearms?${query}`, headers: h }))
      .json()
      .items.map((f: { serialNumber: string }) => f.serialNumber);
  const numbers = async (query: string) =>
    (await t.app.inject({ method: "GET", url: `/api/v1/documents?${query}`, headers: h }))
      .json()
      .items.map((d: { number: string }) => d.number);

  it("sorts firearms by event date either way, undated last, and filters by owner", async () => {
    expect(await serials("sort=eventDate")).toEqual(["S-2019", "S-2021", "S-NONE"]);
    expect(await serials("sort=-eventDate")).toEqual(["S-2021", "S-2019", "S-NONE"]);
    expect(await serials("sort=eventDate&owner=US")).toEqual(["S-2021"]);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/firearms?sort=colour", headers: h });
    expect(bad.statusCode).toBe(400);
  });

  it("sorts documents by number and by reported date, newest entry first by default", async () => {
    expect(await numbers("")).toEqual(["C300", "A100", "B200"]);
    expect(await numbers("sort=number")).toEqual(["A100", "B200", "C300"]);
    expect(await numbers("sort=-number")).toEqual(["C300", "B200", "A100"]);
    expect(await numbers("sort=-reportedDate")).toEqual(["B200", "C300", "A100"]);
    expect(await numbers("sort=reportedDate")).toEqual(["C300", "B200", "A100"]);
  });

  it("sorts persons by name either way, and a search in the order asked for", async () => {
    const names = async (query: string) =>
      (await t.app.inject({ method: "GET", url: `/api/v1/records?${query}`, headers: h }))
        .json()
        .items.map((r: { caption: string }) => r.caption);
    expect(await names("schema=Person&sort=caption")).toEqual([
      "Alpha SORTTEST",
      "Bravo SORTTEST",
      "Charlie SORTTEST",
    ]);
    expect(await names("schema=Person&sort=-caption")).toEqual([
      "Charlie SORTTEST",
      "Bravo SORTTEST",
      "Alpha SORTTEST",
    ]);
    expect(await names("schema=Person&sort=createdAt")).toEqual([
      "Bravo SORTTEST",
      "Alpha SORTTEST",
      "Charlie SORTTEST",
    ]);
    expect(await names("q=sorttest&sort=-caption")).toEqual([
      "Charlie SORTTEST",
      "Bravo SORTTEST",
      "Alpha SORTTEST",
    ]);
    const bad = await t.app.inject({ method: "GET", url: "/api/v1/records?sort=colour", headers: h });
    expect(bad.statusCode).toBe(400);
  });
});
