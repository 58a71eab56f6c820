import { describe, expect, it } from "vitest";
import { checkDigitRequired, expectedCheckDigit, normalizeVin, vinProblem } from "./vin.ts";

/** Published example VINs whose check digits are known, and one-character changes of them. */
describe("VIN check digit (ISO 3779, North American rule)", () => {
  it.each([
    // The classic worked example of the check-digit calculation (check digit X).
    ["1M8GDM9AXKP042788", "X"],
    // A 2003 Honda Accord, the VIN used in many decoder examples.
    ["1HGCM82633A004352", "3"],
    // A 1993 Acura Legend (Japanese maker, North American market: check digit applies).
    ["JH4KA7561PC008269", "1"],
    ["11111111111111111", "1"],
  ])("%s has check digit %s", (vin, digit) => {
    expect(expectedCheckDigit(vin)).toBe(digit);
  });

  it.each(["1M8GDM9AXKP042788", "1HGCM82633A004352", "11111111111111111"])("%s is accepted", (vin) => {
    expect(vinProblem(vin)).toBeNull();
  });

  it.each([
    ["1M8GDM9AXKP042789", "check digit (position 9) is X, expected 1"],
    ["1M8GDM9A1KP042788", "check digit (position 9) is 1, expected X"],
    ["1HGCM82633A004353", "check digit (position 9) is 3, expected 5"],
    ["21111111111111111", "check digit (position 9) is 1, expected 9"],
  ])("%s (one character changed) is refused: %s", (vin, why) => {
    expect(vinProblem(vin)).toBe(why);
  });

  it("applies the check digit to North American manufacturers (1-5) only", () => {
    expect(checkDigitRequired("1M8GDM9AXKP042788")).toBe(true);
    expect(checkDigitRequired("5YJ3E1EA7KF317000")).toBe(true);
    expect(checkDigitRequired("WVWZZZ1JZXW000001")).toBe(false);
    expect(checkDigitRequired("JH4KA7561PC008269")).toBe(false);
    // A European VIN whose position 9 is not a check digit (Z, filler) is accepted.
    expect(vinProblem("WVWZZZ1JZXW000001")).toBeNull();
  });

  it.each([
    ["1M8GDM9AXKP04278", "a VIN has 17 characters, this one 16"],
    ["WVWZZZ1JZXW0000011", "a VIN has 17 characters, this one 18"],
    ["WVWZZZ1JZXW00000I", "a VIN has digits and capital letters only, never I, O or Q"],
    ["WVWZZZ1JZXW00000O", "a VIN has digits and capital letters only, never I, O or Q"],
    ["WVWZZZ1JZXW00000Q", "a VIN has digits and capital letters only, never I, O or Q"],
  ])("%s is refused: %s", (vin, why) => {
    expect(vinProblem(vin)).toBe(why);
  });

  it("normalises case, spaces and dashes", () => {
    expect(normalizeVin("1m8gdm9a-xkp 042788")).toBe("1M8GDM9AXKP042788");
  });
});
