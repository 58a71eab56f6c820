import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestContext, type TestContext } from "../../../test/harness.ts";
import type { Actor } from "../../shared/actor.ts";

/*
 * The persons search (records.repo.ts listVisible): word similarity on the trigram index, closest
 * first, and nothing of a record outside the searcher's distribution.
 */

const envelope = (distribution: "all" | "only" = "all", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "police" as const,
});

describe.each(backends)("searching persons on %s", (kind) => {
  let t: TestContext;
  let fr: Actor;
  let ke: Actor;
  const names = (r: { items: { properties: Record<string, string[]> }[] }) =>
    r.items.map((i) => i.properties.name?.[0]);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    fr = await t.user("fr.search", "ncb_officer", "FR");
    ke = await t.user("ke.search", "ncb_officer", "KE");
    const person = (name: string, alias: string[] = [], env = envelope()) =>
      t.services.records.create(fr, {
        schema: "Person",
        properties: { name: [name], ...(alias.length ? { alias } : {}) },
        envelope: env,
        source: "search test",
      });
    // Created one after another: the newest change comes first among equals.
    await person("Zakaria Benhaddou");
    await person("Zakaria Benhadou Tahiri", ["Abu Qasim Zarqawi", "Zack Benn", "Z. B. Tahiri"]);
    await person("Zakariya Benhaddou");
    await person("Yusuf Okonkwo");
    await person("Zakaria Benhaddou Hidden", [], envelope("only", ["US"]));
  });
  afterAll(() => t?.close());

  const search = (actor: Actor, q: string, owner?: string) =>
    t.services.records.list(actor, { q, ...(owner ? { owner } : {}), page: 1, pageSize: 10 });

  it("puts the name found whole first, then the closest spellings", async () => {
    const r = await search(ke, "zakaria benhaddou");
    // The whole name first; then one letter less in the family name, then one more in the given name.
    expect(names(r)).toEqual(["Zakaria Benhaddou", "Zakaria Benhadou Tahiri", "Zakariya Benhaddou"]);
    expect(r.total).toBe(3);
  });

  it("finds a name with a typo, among many aliases", async () => {
    const r = await search(ke, "zakaria benhadodu");
    // Two letters swapped: "benhadodu" shares more of its trigrams with "benhadou" than with
    // "benhaddou"; "zakariya" with the slip is too far (under 0.6).
    expect(names(r)).toEqual(["Zakaria Benhadou Tahiri", "Zakaria Benhaddou"]);
  });

  it("finds an alias, and a part of a name", async () => {
    expect(names(await search(ke, "abu qasim"))).toEqual(["Zakaria Benhadou Tahiri"]);
    expect(names(await search(ke, "okonk"))).toEqual(["Yusuf Okonkwo"]);
  });

  it("filters by owner, and gives a country outside the distribution no row and no count", async () => {
    expect((await search(ke, "benhaddou", "KE")).total).toBe(0);
    const own = await search(fr, "hidden");
    expect(names(own)).toEqual(["Zakaria Benhaddou Hidden"]);
    const other = await search(ke, "hidden");
    expect([other.items.length, other.total]).toEqual([0, 0]);
  });
});
