/** Request bodies shared by the notices tests and the benchmark. Fictitious people only. */

const text = (t: string) => ({ language: "en" as const, text: t });

export const envelope = (distribution: "all" | "only" | "except" = "all", countries: string[] = []) => ({
  distribution,
  distributionCountries: countries,
  sourceReliability: "B" as const,
  informationAccuracy: 2,
  sourceType: "judicial" as const,
});

export function redRequest(familyName = "DUPONT", forenames = "Jean", extra: Record<string, unknown> = {}) {
  return {
    type: "red" as const,
    title: text(`Wanted for murder: ${forenames} ${familyName}`),
    summary: text("The subject shot a shopkeeper during a robbery in Lyon on 3 May 2024."),
    charges: text("Murder"),
    purpose: "prosecution" as const,
    offences: [
      {
        description: "Murder of a shopkeeper",
        category: "homicide" as const,
        legalProvision: "Art. 221-1 CP",
        maxPenaltyMonths: 360,
        country: "FR",
      },
    ],
    arrestWarrant: {
      issuingAuthority: "Investigating judge, Lyon",
      issuedOn: "2024-05-10",
      reference: "2024/123",
    },
    subject: {
      kind: "person" as const,
      familyName,
      forenames,
      sex: "M" as const,
      dateOfBirth: { precision: "date" as const, date: "1985-04-12" },
      nationalities: ["FR"],
      facePhotos: ["photo-1"],
      physicalDescription: { heightCm: 180, eyeColour: "brown", distinguishingMarks: "scar on left hand" },
      ...extra,
    },
  };
}

export function yellowRequest(familyName = "MARTIN", forenames = "Lea") {
  return {
    type: "yellow" as const,
    title: text(`Missing: ${forenames} ${familyName}`),
    summary: text("Missing since leaving school in Nantes."),
    subject: {
      kind: "person" as const,
      familyName,
      forenames,
      sex: "F" as const,
      dateOfBirth: { precision: "date" as const, date: "2012-02-03" },
      nationalities: ["FR"],
    },
    missing: {
      since: "2026-01-10",
      lastSeenPlace: "Nantes",
      circumstances: "Did not come home from school.",
    },
  };
}

export type UnFixture = {
  ref: string;
  dataId: number;
  version?: number;
  names: string[];
  aliases?: string[];
  nationality?: string;
  dob?: string;
};

/** A small UN Consolidated List in the real file's format (fictitious entries). */
export function unListXml(generatedAt: string, entries: UnFixture[]): string {
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const tags = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];
  const one = (e: UnFixture) => {
    const entity = e.ref[2] === "e";
    const tag = entity ? "ENTITY" : "INDIVIDUAL";
    const names = e.names.map((n, i) => `<${tags[i]}>${esc(n)}</${tags[i]}>`).join("");
    const aliases = (e.aliases ?? [])
      .map((a) => `<${tag}_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${esc(a)}</ALIAS_NAME></${tag}_ALIAS>`)
      .join("");
    const person = entity
      ? ""
      : `<GENDER>Male</GENDER><NATIONALITY><VALUE>${e.nationality ?? "Iraq"}</VALUE></NATIONALITY>` +
        `<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>${e.dob ?? "1970-01-01"}</DATE></INDIVIDUAL_DATE_OF_BIRTH>` +
        `<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Mosul</CITY><COUNTRY>Iraq</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>` +
        `<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>A${e.dataId}</NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>`;
    return (
      `<${tag}><DATAID>${e.dataId}</DATAID><VERSIONNUM>${e.version ?? 1}</VERSIONNUM>${names}` +
      `<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>${e.ref}</REFERENCE_NUMBER><LISTED_ON>2015-03-02</LISTED_ON>` +
      `<COMMENTS1>Fictitious test entry.</COMMENTS1>${person}${aliases}` +
      `<${tag}_ADDRESS><CITY>Raqqa</CITY><COUNTRY>Syrian Arab Republic</COUNTRY></${tag}_ADDRESS></${tag}>`
    );
  };
  const individuals = entries
    .filter((e) => e.ref[2] !== "e")
    .map(one)
    .join("");
  const entities = entries
    .filter((e) => e.ref[2] === "e")
    .map(one)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="${generatedAt}"><INDIVIDUALS>${individuals}</INDIVIDUALS><ENTITIES>${entities}</ENTITIES></CONSOLIDATED_LIST>`;
}
