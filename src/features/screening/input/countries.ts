import { internationalEntities, memberCountries } from "../../../storage/seed/countries.ts";
import { issuerOf } from "../../documents/documents.issuers.ts";

/*
 * Country codes as travellers carry them. Our countries table holds the 196 member countries, but a
 * border sees every nationality: North Korea and Tuvalu are not members, Taiwan and Kosovo issue their
 * own passports, and dependent territories (Hong Kong, Bermuda, Greenland, ...) have ISO codes of
 * their own. Refusing such a traveller as "unknown country" would be wrong, so the ISO 3166-1 entries
 * outside the membership are listed here, [alpha-2, alpha-3]. Kosovo has no ISO code: XK is the
 * user-assigned code used by the EU, and RKS is the code ICAO gives it in machine-readable zones.
 */
const outsideMembership: ReadonlyArray<readonly [string, string]> = [
  ["KP", "PRK"],
  ["TV", "TUV"],
  ["TW", "TWN"],
  ["XK", "RKS"],
  ["EH", "ESH"],
  ["HK", "HKG"],
  ["MO", "MAC"],
  ["PR", "PRI"],
  ["GU", "GUM"],
  ["VI", "VIR"],
  ["AS", "ASM"],
  ["MP", "MNP"],
  ["UM", "UMI"],
  ["BM", "BMU"],
  ["GI", "GIB"],
  ["KY", "CYM"],
  ["VG", "VGB"],
  ["AI", "AIA"],
  ["MS", "MSR"],
  ["TC", "TCA"],
  ["FK", "FLK"],
  ["SH", "SHN"],
  ["PN", "PCN"],
  ["IO", "IOT"],
  ["GS", "SGS"],
  ["GG", "GGY"],
  ["JE", "JEY"],
  ["IM", "IMN"],
  ["GL", "GRL"],
  ["FO", "FRO"],
  ["NC", "NCL"],
  ["PF", "PYF"],
  ["WF", "WLF"],
  ["PM", "SPM"],
  ["RE", "REU"],
  ["GP", "GLP"],
  ["MQ", "MTQ"],
  ["GF", "GUF"],
  ["YT", "MYT"],
  ["BL", "BLM"],
  ["MF", "MAF"],
  ["TF", "ATF"],
  ["CK", "COK"],
  ["NU", "NIU"],
  ["TK", "TKL"],
  ["NF", "NFK"],
  ["CX", "CXR"],
  ["CC", "CCK"],
  ["HM", "HMD"],
  ["BQ", "BES"],
  ["AX", "ALA"],
  ["SJ", "SJM"],
  ["BV", "BVT"],
  ["AQ", "ATA"],
];

/*
 * Nationality codes of ICAO Doc 9303 that name a status, not a state: stateless (XXA), refugee under
 * the 1951 Convention (XXB), other refugee (XXC) and unspecified (XXX). They are legitimate in a
 * document, but give no country to match on.
 */
const statusNationalities: Record<string, string> = {
  XXA: "stateless person",
  XXB: "refugee (1951 Convention)",
  XXC: "refugee (other)",
  XXX: "unspecified nationality",
};

const alpha3ToAlpha2 = new Map<string, string>([
  ...memberCountries.map((c) => [c.alpha3, c.alpha2] as const),
  ...internationalEntities.map((e) => [e.alpha3, e.code] as const),
  ...outsideMembership.map(([a2, a3]) => [a3, a2] as const),
]);
const alpha2ToAlpha3 = new Map<string, string>([...alpha3ToAlpha2].map(([a3, a2]) => [a2, a3] as const));

export type CountryCode =
  | { ok: true; alpha2: string; icao: string }
  | { ok: true; alpha2: null; icao: string; status: string }
  | { ok: false };

/**
 * Reads a country as written on a document or in a form: ISO alpha-2, ISO alpha-3 or ICAO code (D for
 * Germany, GBD.. for British nationals, UNO, XPO, RKS), in any case. `icao` is the code as stored in
 * travel_documents.issuing_country (issuerOf's spelling: DEU becomes D); `alpha2` the country we match
 * nationalities on, null for the status codes XXA/XXB/XXC/XXX.
 */
export function readCountryCode(raw: string): CountryCode {
  const code = raw.trim().toUpperCase();
  const status = statusNationalities[code];
  if (status) return { ok: true, alpha2: null, icao: code, status };
  if (code.length === 2) {
    const alpha3 = alpha2ToAlpha3.get(code);
    if (!alpha3) return { ok: false };
    return { ok: true, alpha2: code, icao: issuerOf(alpha3)?.icao ?? alpha3 };
  }
  if (code.length === 1 || code.length === 3) {
    const issuer = issuerOf(code);
    if (issuer) return { ok: true, alpha2: issuer.owner, icao: issuer.icao };
    const alpha2 = alpha3ToAlpha2.get(code);
    if (alpha2) return { ok: true, alpha2, icao: code };
  }
  return { ok: false };
}
