import { describe, expect, it } from "vitest";
import { internationalEntities, isMemberCountry, memberCountries } from "./countries.ts";

describe("memberCountries", () => {
  it("holds exactly the 196 INTERPOL members", () => {
    expect(memberCountries).toHaveLength(196);
  });

  it("has unique, well-formed codes and names", () => {
    const a2 = new Set(memberCountries.map((c) => c.alpha2));
    const a3 = new Set(memberCountries.map((c) => c.alpha3));
    const names = new Set(memberCountries.map((c) => c.name));
    expect(a2.size).toBe(196);
    expect(a3.size).toBe(196);
    expect(names.size).toBe(196);
    for (const c of memberCountries) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(c.name.trim()).toBe(c.name);
    }
  });

  it("follows INTERPOL rather than UN membership", () => {
    for (const code of ["PS", "VA", "AW", "CW", "SX", "PW", "FM", "KI", "VU", "SB", "NR"]) {
      expect(isMemberCountry(code), code).toBe(true);
    }
    for (const code of ["KP", "TV", "TW", "XK", "EH", "BQ"]) {
      expect(isMemberCountry(code), code).toBe(false);
    }
  });

  it("keeps international entity codes in the user-assigned range, clear of members", () => {
    const members = new Set(memberCountries.map((c) => c.alpha2));
    const members3 = new Set(memberCountries.map((c) => c.alpha3));
    const codes = new Set(internationalEntities.map((e) => e.code));
    expect(codes.size).toBe(internationalEntities.length);
    for (const e of internationalEntities) {
      expect(e.code).toMatch(/^X[A-Z]$/);
      expect(e.code).not.toBe("XK");
      expect(members.has(e.code)).toBe(false);
      expect(members3.has(e.alpha3)).toBe(false);
    }
  });
});
