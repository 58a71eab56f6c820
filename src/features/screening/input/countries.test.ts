import { describe, expect, it } from "vitest";
import { memberCountries } from "../../../storage/seed/countries.ts";
import { readCountryCode } from "./countries.ts";
import { readDateOfBirth, readExpiryYymmdd, readYymmdd } from "./dates.ts";

describe("readCountryCode", () => {
  it("reads every member country by alpha-2 and alpha-3 and agrees on both", () => {
    for (const c of memberCountries) {
      const by2 = readCountryCode(c.alpha2);
      const by3 = readCountryCode(c.alpha3);
      expect(by2).toEqual(by3);
      expect(by2.ok && by2.alpha2).toBe(c.alpha2);
    }
  });

  it("uses ICAO's spelling for the issuing code", () => {
    expect(readCountryCode("de")).toEqual({ ok: true, alpha2: "DE", icao: "D" });
    expect(readCountryCode("DEU")).toEqual({ ok: true, alpha2: "DE", icao: "D" });
    expect(readCountryCode("GBO")).toEqual({ ok: true, alpha2: "GB", icao: "GBO" });
    expect(readCountryCode("XPO")).toEqual({ ok: true, alpha2: "XG", icao: "XPO" });
    expect(readCountryCode("HK")).toEqual({ ok: true, alpha2: "HK", icao: "HKG" });
    expect(readCountryCode("RKS")).toEqual({ ok: true, alpha2: "XK", icao: "RKS" });
  });

  it("gives status codes no country, and refuses unknown codes", () => {
    expect(readCountryCode("XXB")).toMatchObject({ ok: true, alpha2: null, icao: "XXB" });
    for (const code of ["", "ZZ", "UTO", "ABCD", "1", "F R"])
      expect(readCountryCode(code)).toEqual({ ok: false });
  });
});

describe("dates", () => {
  it("resolves two-digit years against a limit", () => {
    expect(readYymmdd("991231", "2026-03-01")).toEqual({ ok: true, date: "1999-12-31" });
    expect(readYymmdd("000229", "2026-03-01")).toEqual({ ok: true, date: "2000-02-29" });
    // 1900 was no leap year: with a limit in 1950, 00 is 1900 and 29 February does not exist.
    expect(readYymmdd("000229", "1950-01-01")).toMatchObject({ ok: false });
    expect(readYymmdd("7408<<", "2026-03-01")).toEqual({ ok: true, date: "1974-08" });
    expect(readYymmdd("74<<12", "2026-03-01")).toMatchObject({ ok: false });
    expect(readYymmdd("<<<<<<", "2026-03-01")).toEqual({ ok: true, date: null });
    expect(readYymmdd("7408", "2026-03-01")).toMatchObject({ ok: false });
    expect(readExpiryYymmdd("460301", "2026-03-01")).toEqual({ ok: true, date: "2046-03-01" });
    expect(readExpiryYymmdd("460302", "2026-03-01")).toEqual({ ok: true, date: "1946-03-02" });
  });

  it("reads typed dates of birth", () => {
    expect(readDateOfBirth("2026-03-01", "2026-03-01")).toEqual({ ok: true, date: "2026-03-01" });
    expect(readDateOfBirth("2026-03", "2026-03-01")).toEqual({ ok: true, date: "2026-03" });
    expect(readDateOfBirth("2026-04", "2026-03-01")).toMatchObject({ ok: false });
    expect(readDateOfBirth("1990-00", "2026-03-01")).toMatchObject({ ok: false });
  });
});
