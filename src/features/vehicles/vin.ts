/**
 * Vehicle identification numbers (ISO 3779). A modern VIN has 17 characters, digits and capital
 * letters without I, O and Q (easily read as 1 and 0). Position 9 is a check digit only where the
 * regulator makes it one: North America (US 49 CFR 565, Canada, Mexico; world manufacturer
 * identifiers starting 1-5) and, since 2010, China (L). ISO 3779 itself does not require it, and
 * European and Japanese makers use position 9 as they like, so elsewhere a valid VIN need not pass
 * the check: refusing those would refuse genuine stolen vehicles.
 */

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** A VIN as compared: upper case, spaces and dashes removed. */
export const normalizeVin = (s: string): string => s.toUpperCase().replace(/[\s-]/g, "");

const charValue = (c: string): number => (c >= "0" && c <= "9" ? Number(c) : (TRANSLITERATION[c] ?? 0));

/** The check digit position 9 should hold (0-9 or X), for a VIN of valid characters. */
export function expectedCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(vin.charAt(i)) * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

/** True for a VIN from a North American manufacturer, whose check digit is mandatory. */
export const checkDigitRequired = (vin: string): boolean => /^[1-5]/.test(vin);

/** Why a (normalised) VIN is refused, or null when it is accepted. */
export function vinProblem(vin: string): string | null {
  if (vin.length !== 17) return `a VIN has 17 characters, this one ${vin.length}`;
  if (!VIN_PATTERN.test(vin)) return "a VIN has digits and capital letters only, never I, O or Q";
  if (!checkDigitRequired(vin)) return null;
  const expected = expectedCheckDigit(vin);
  const actual = vin.charAt(8);
  return actual === expected ? null : `check digit (position 9) is ${actual}, expected ${expected}`;
}
