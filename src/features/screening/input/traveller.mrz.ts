import { readCountryCode } from "./countries.ts";
import { sameDay } from "./dates.ts";
import type { MrzResult } from "./mrz.ts";
import type { Traveller, TravellerDocument, TravellerIssue } from "./traveller.ts";

/*
 * Merging a machine-readable zone into what an officer typed. The fields win (the officer may have
 * corrected an OCR error), the zone fills the gaps, and every disagreement is a warning so that the
 * officer, not this code, decides which is right.
 */

/** ICAO transliterations write Ä as AE or A, Ø as OE or O, ß as SS: both spellings are tried. */
const digraphs: Record<string, string> = {
  Ä: "AE",
  Ö: "OE",
  Ü: "UE",
  Å: "AA",
  Æ: "AE",
  Ø: "OE",
  ß: "SS",
  Þ: "TH",
};

function latinTokens(name: string): string[][] {
  const upper = name.toUpperCase();
  const plain = upper.replace(/ß/g, "SS").normalize("NFKD").replace(/\p{M}/gu, "");
  const spelled = upper
    .replace(/[ÄÖÜÅÆØßÞ]/g, (c) => digraphs[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  return [plain, spelled].map((s) =>
    s
      .replace(/[^A-Z]+/g, " ")
      .trim()
      .split(" ")
      .filter(Boolean),
  );
}

/**
 * Whether a typed name can be the zone's name: some token of the zone's name begins a token of the
 * typed one or the reverse (the zone truncates long names). Names typed in another script cannot be
 * compared here; the matching engine does that.
 */
function namesAgree(typed: string, mrz: MrzResult): boolean {
  if (!/[A-Za-z]/.test(typed.normalize("NFKD"))) return true;
  const zone = `${mrz.surname} ${mrz.givenNames}`.split(" ").filter(Boolean);
  if (zone.length === 0) return true;
  return latinTokens(typed).some((tokens) =>
    tokens.some((t) => zone.some((z) => t.startsWith(z) || z.startsWith(t))),
  );
}

function mrzDocument(mrz: MrzResult): TravellerDocument {
  const issuer = readCountryCode(mrz.issuingState);
  return {
    number: mrz.documentNumber,
    country: issuer.ok && issuer.alpha2 ? issuer.icao : null,
    type: mrz.documentType,
    expiryDate: mrz.expiryDate,
  };
}

/** Fills `traveller` from the zone and returns the warnings: zone problems, expiry, disagreements. */
export function mergeMrz(traveller: Traveller, mrz: MrzResult): TravellerIssue[] {
  const warnings: TravellerIssue[] = mrz.problems.map((p) => ({
    field: "mrz",
    message: `mrz: ${p.message}`,
  }));
  if (!mrz.valid)
    warnings.push({
      field: "mrz",
      message: "mrz: the zone does not verify; treat the document as unverified",
    });
  if (mrz.expired) warnings.push({ field: "mrz", message: `mrz: the document expired on ${mrz.expiryDate}` });
  const differ = (field: string, typed: string, zone: string) =>
    warnings.push({
      field,
      message: `${field} ${typed} differs from the MRZ (${zone}); the ${field} given is used`,
    });

  if (!traveller.name) {
    traveller.surname = mrz.surname || null;
    traveller.givenNames = mrz.givenNames || null;
    traveller.name = [mrz.givenNames, mrz.surname].filter(Boolean).join(" ") || null;
  } else if (!namesAgree(traveller.name, mrz)) {
    differ("name", traveller.name, `${mrz.surname}, ${mrz.givenNames}`);
  }

  if (!traveller.dateOfBirth) traveller.dateOfBirth = mrz.dateOfBirth;
  else if (mrz.dateOfBirth && !sameDay(traveller.dateOfBirth, mrz.dateOfBirth))
    differ("dateOfBirth", traveller.dateOfBirth, mrz.dateOfBirth);

  if (!traveller.sex) traveller.sex = mrz.sex;
  else if (mrz.sex && mrz.sex !== traveller.sex) differ("sex", traveller.sex, mrz.sex);

  const nationality = readCountryCode(mrz.nationality);
  if (!nationality.ok)
    warnings.push({
      field: "nationality",
      message: `mrz: the nationality ${mrz.nationality} is not a known country code`,
    });
  if (!traveller.nationality) traveller.nationality = mrz.nationalityCountry;
  else if (mrz.nationalityCountry && mrz.nationalityCountry !== traveller.nationality)
    differ("nationality", traveller.nationality, mrz.nationality);

  const fromZone = mrzDocument(mrz);
  const typed = traveller.documents[0];
  if (!typed) {
    traveller.documents.push(fromZone);
  } else if (typed.number === fromZone.number) {
    if (typed.country && fromZone.country && typed.country !== fromZone.country)
      differ("documentCountry", typed.country, fromZone.country);
    if (typed.type && fromZone.type && typed.type !== fromZone.type)
      differ("documentType", typed.type, fromZone.type);
    typed.country ??= fromZone.country;
    typed.type ??= fromZone.type;
    typed.expiryDate ??= fromZone.expiryDate;
  } else {
    // Both are checked: the zone is the document in the officer's hand, the typed number may be another.
    differ("documentNumber", typed.number, fromZone.number);
    traveller.documents.push(fromZone);
  }
  return warnings;
}
