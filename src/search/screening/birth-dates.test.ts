import { describe, expect, it } from "vitest";
import { compareBirthDates, readQueryDate } from "./birth-dates.ts";

const result = (q: string | undefined, listed: string[]) => compareBirthDates(q, listed).result;

describe("date of birth", () => {
  it("exact, same month, same year", () => {
    expect(result("1970-05-12", ["1970-05-12"])).toBe("exact");
    expect(result("1970-05-12", ["1970-05"])).toBe("same_month");
    expect(result("1970-05-12", ["1970"])).toBe("same_year");
    expect(result("1970", ["1970-05-12"])).toBe("same_year");
  });

  it("ranges, approximate dates, day/month swaps, a year apart, conflicts", () => {
    expect(result("1966-02-01", ["1963/1968"])).toBe("within_range");
    expect(result("1972-01-01", ["1970~"])).toBe("approximate");
    expect(result("1970-12-05", ["1970-05-12"])).toBe("day_month_swapped");
    expect(result("1989-01-06", ["1988-01-06"])).toBe("close");
    expect(result("1980-01-06", ["1988-01-06"])).toBe("conflict");
    expect(compareBirthDates("1980-01-06", ["1988-01-06"]).effect).toBeLessThan(0);
  });

  it("takes the best of several listed dates; absence is neutral", () => {
    expect(result("1961", ["1958", "1961"])).toBe("same_year");
    expect(compareBirthDates(undefined, ["1961"])).toEqual({ result: "not_given", effect: 0 });
    expect(result("1961", [])).toBe("not_given");
  });

  it("reads unpadded and impossible query dates for what they say", () => {
    expect(readQueryDate("1969-7-16")).toMatchObject({ year: 1969, month: 7, day: 16 });
    expect(readQueryDate("1974-01-32")).toMatchObject({ year: 1974, month: 1, readAs: "1974-01" });
    expect(result("1974-01-32", ["1974-01-31"])).toBe("same_month");
    expect(readQueryDate("not a date")).toBeUndefined();
  });
});
