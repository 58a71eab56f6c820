import { describe, expect, it } from "vitest";
import { canSee } from "../../shared/envelope/visibility.ts";
import { isServedToScreening } from "../../shared/review.sql.ts";
import { dayNumber, ListedStore } from "./listed-store.ts";
import type { ListedMeta } from "./watchlist.ts";

/*
 * The watchlist's columns decide visibility in memory; they must agree with the one rule (canSee,
 * itself checked against fusion_can_see) and the review rule on every combination.
 */

const owners = ["FR", "US", "XU"];
const modes: [ListedMeta["distribution"], string[]][] = [
  ["all", []],
  ["only", ["US"]],
  ["only", ["KE", "US"]],
  ["except", ["US"]],
  ["except", ["KE"]],
];
const viewers = [
  { country: "FR", isSecretariat: false },
  { country: "US", isSecretariat: false },
  { country: "KE", isSecretariat: false },
  { country: "XG", isSecretariat: true },
];
const reviews = ["2026-05-31", "2026-06-01", "2030-01-01"];
const validities = [null, Date.parse("2026-06-01T08:00:00Z"), Date.parse("2026-06-02T00:00:00Z")];
const TODAY = "2026-06-01";
const NOW = Date.parse("2026-06-01T09:00:00Z");

describe("ListedStore", () => {
  it("serves exactly what the visibility, review and validity rules serve, on every combination", () => {
    const store = new ListedStore();
    const cases: { id: number; meta: ListedMeta }[] = [];
    for (const owner of owners)
      for (const [distribution, countries] of modes)
        for (const reviewAt of reviews)
          for (const validUntil of validities) {
            const meta: ListedMeta = {
              kind: "notice",
              sourceId: `n${cases.length}`,
              owner,
              distribution,
              distributionCountries: countries,
              reviewAt,
              validUntil,
              discreet: cases.length % 2 === 0,
              category: "red",
            };
            store.set(cases.length, meta);
            cases.push({ id: cases.length, meta });
          }
    for (const { id, meta } of cases) {
      expect(store.meta(id)).toEqual({
        ...meta,
        distributionCountries: [...meta.distributionCountries].sort(),
      });
      for (const v of viewers) {
        const want =
          canSee(meta, v) &&
          isServedToScreening(meta.reviewAt, TODAY) &&
          (meta.validUntil === null || meta.validUntil > NOW);
        expect(store.servable(id, v, dayNumber(TODAY), NOW), `${meta.sourceId} for ${v.country}`).toBe(want);
      }
    }
    store.clear(0);
    expect(store.servable(0, viewers[3] as (typeof viewers)[number], dayNumber(TODAY), NOW)).toBe(false);
  });
});
