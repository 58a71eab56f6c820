import isoCountries from "i18n-iso-countries";

/*
 * ISO 3166-1 codes from a maintained table (i18n-iso-countries): the alpha-2 codes the server uses,
 * and the numeric codes that world geometries carry. Names come from Intl (useI18n().country).
 */

/** Every ISO 3166-1 alpha-2 code (249 countries and territories), in code order. */
export const ALPHA2_CODES: readonly string[] = Object.keys(isoCountries.getAlpha2Codes()).sort();

/**
 * The alpha-2 code of an ISO numeric code ("250" or 250 -> "FR"). Kosovo has no ISO numeric code:
 * geometries leave it without one, and name it; XK is the code Intl and the server use for it.
 */
export function alpha2OfNumeric(numeric: string | number | undefined, name?: string): string | undefined {
  if (numeric === undefined || numeric === "") return name === "Kosovo" ? "XK" : undefined;
  return isoCountries.numericToAlpha2(numeric);
}
