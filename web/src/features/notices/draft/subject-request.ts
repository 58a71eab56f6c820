import { codes, compact, int, list, type Obj, str } from "../../../lib/form-parse.ts";
import type { NoticeDraft, PersonDraft } from "./types.ts";

/** The request's subject, from the draft: codes upper-cased, lists split, blanks left out. */

function dateOfBirth(p: PersonDraft): Obj | undefined {
  if (p.dobPrecision === "date" && str(p.dobDate)) return { precision: "date", date: p.dobDate };
  if (p.dobPrecision === "year" && int(p.dobYear) !== undefined)
    return { precision: "year", year: int(p.dobYear) };
  if (p.dobPrecision === "range" && int(p.dobFrom) !== undefined && int(p.dobTo) !== undefined)
    return { precision: "range", fromYear: int(p.dobFrom), toYear: int(p.dobTo) };
  return undefined;
}

function person(p: PersonDraft): Obj {
  const doc =
    str(p.docNumber) && str(p.docCountry)
      ? [
          {
            type: p.docType || "passport",
            number: p.docNumber.trim(),
            issuingCountry: p.docCountry.trim().toUpperCase(),
          },
        ]
      : [];
  return {
    kind: "person",
    familyName: str(p.familyName),
    forenames: str(p.forenames),
    nameOriginalScript: str(p.nameOriginalScript),
    aliases: list(p.aliases),
    sex: p.sex || undefined,
    dateOfBirth: dateOfBirth(p),
    placeOfBirth: compact({ place: str(p.birthPlace), country: str(p.birthCountry.toUpperCase()) }),
    nationalities: codes(p.nationalities),
    physicalDescription: compact({
      heightCm: int(p.heightCm),
      weightKg: int(p.weightKg),
      eyeColour: str(p.eyeColour),
      hairColour: str(p.hairColour),
      distinguishingMarks: str(p.marks),
    }),
    identityDocuments: doc,
  };
}

/** The request's subject, from the draft's subject of the kind it has chosen. */
export function subject(d: NoticeDraft): Obj {
  switch (d.subjectKind) {
    case "entity":
      return {
        kind: "entity",
        name: str(d.entity.name),
        aliases: list(d.entity.aliases),
        registrationCountry: str(d.entity.registrationCountry.toUpperCase()),
        registrationNumber: str(d.entity.registrationNumber),
        addresses: str(d.entity.address) ? [{ text: d.entity.address.trim() }] : [],
      };
    case "object":
      return {
        kind: "object",
        objectType: d.object.objectType || undefined,
        description: str(d.object.description),
      };
    case "event":
      return {
        kind: "event",
        description: str(d.event.description),
        expectedOn: str(d.event.expectedOn),
        place: str(d.event.place),
        country: str(d.event.country.toUpperCase()),
      };
    case "modus_operandi":
      return { kind: "modus_operandi", description: str(d.moSubject) };
    default:
      return person(d.person);
  }
}
