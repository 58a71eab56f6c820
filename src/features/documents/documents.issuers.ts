import { internationalEntities, memberCountries } from "../../storage/seed/countries.ts";

/*
 * ICAO Doc 9303 issuing codes and the country that owns the documents. Mostly the ISO alpha-3 of our
 * countries table; ICAO's own codes where they differ: 'D' is Germany (DEU is accepted and stored as
 * D, as it reads in the machine-readable zone), the British nationality variants are the United
 * Kingdom's, and INTERPOL (XPO) and the United Nations (UNO, UNA) are the Secretariat's and the UN's.
 */
const special: Record<string, string> = {
  D: "DE",
  GBD: "GB",
  GBN: "GB",
  GBO: "GB",
  GBP: "GB",
  GBS: "GB",
  UNA: "XU",
};

const owners = new Map<string, string>([
  ...memberCountries.map((c) => [c.alpha3, c.alpha2] as const),
  ...internationalEntities.map((e) => [e.alpha3, e.code] as const),
  ...Object.entries(special),
]);

export type Issuer = { icao: string; owner: string };

/** The ICAO code as stored and the country that owns the documents, or undefined for an unknown code. */
export function issuerOf(code: string): Issuer | undefined {
  const icao = code === "DEU" ? "D" : code;
  const owner = owners.get(icao);
  return owner ? { icao, owner } : undefined;
}

/** Why `country` may not enter documents issued under `code`, or null when it may. */
export function issuerRefusal(code: string, country: string): string | null {
  const issuer = issuerOf(code);
  if (!issuer) return `country: ${code} is not an ICAO issuing state code`;
  if (issuer.owner !== country)
    return `country: documents issued by ${issuer.icao} are entered by ${issuer.owner} only, not by ${country}`;
  return null;
}
