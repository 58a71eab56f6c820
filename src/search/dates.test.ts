import { describe, expect, it } from "vitest";
import { dateOfBirthProblem, ftmDates, normaliseDateOfBirth, parseDateOfBirth } from "./dates.ts";

describe("dates of birth", () => {
  it("reads every precision, approximate dates and ranges", () => {
    expect(parseDateOfBirth("1970-05-12")).toEqual({
      edtf: "1970-05-12",
      precision: "day",
      approximate: false,
      from: "1970-05-12",
      to: "1970-05-12",
    });
    expect(parseDateOfBirth("1970-02")).toMatchObject({
      precision: "month",
      from: "1970-02-01",
      to: "1970-02-28",
    });
    expect(parseDateOfBirth("1972-02")).toMatchObject({ to: "1972-02-29" });
    expect(parseDateOfBirth("1970~")).toMatchObject({
      precision: "year",
      approximate: true,
      to: "1970-12-31",
    });
    expect(parseDateOfBirth("1963/1968-06")).toMatchObject({
      precision: "range",
      from: "1963-01-01",
      to: "1968-06-30",
    });
  });

  it("writes the spellings files use as EDTF", () => {
    const cases: [string, string][] = [
      ["circa 1970", "1970~"],
      ["c. 1970", "1970~"],
      ["approx. 1970", "1970~"],
      ["~1970", "1970~"],
      ["about 1970-05", "1970-05~"],
      ["1963-1968", "1963/1968"],
      ["1963..1968", "1963/1968"],
      ["between 1963 and 1968", "1963/1968"],
      ["1963-06", "1963-06"],
    ];
    for (const [input, edtf] of cases) expect(normaliseDateOfBirth(input), input).toBe(edtf);
  });

  it("refuses impossible dates and ranges that end before they start", () => {
    expect(dateOfBirthProblem("1985-02-30")).toBe("1985-02-30 is not a real date");
    expect(dateOfBirthProblem("2001-13")).toBe("2001-13 is not a real date");
    expect(dateOfBirthProblem("1700")).toBe("1700 is not a real date");
    expect(dateOfBirthProblem("1970/1960")).toBe("1970/1960: the range ends before it starts");
    expect(dateOfBirthProblem("12/05/1970")).toBe('"12/05/1970" is not a date range');
    expect(dateOfBirthProblem("yesterday")).toBe('"yesterday" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
  });

  it("gives FtM the dates it can read", () => {
    expect(ftmDates("1970~")).toEqual(["1970"]);
    expect(ftmDates("1966/1968")).toEqual(["1966", "1967", "1968"]);
    expect(ftmDates("1900/1990")).toEqual(["1900", "1990"]);
    expect(ftmDates("1970-05-12")).toEqual(["1970-05-12"]);
  });
});
