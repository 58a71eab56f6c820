import type { Obj } from "../../../lib/form-parse.ts";
import type { SubjectKind } from "../types.ts";
import { a, joined, o, s } from "./read.ts";
import type { NoticeDraft, PersonDraft } from "./types.ts";

/** The person fields, read whatever the subject's kind (they stay empty for other kinds). */
function personFrom(subj: Obj): PersonDraft {
  const dob = o(subj.dateOfBirth);
  const pob = o(subj.placeOfBirth);
  const phys = o(subj.physicalDescription);
  const doc = o(a(subj.identityDocuments)[0]);
  return {
    familyName: s(subj.familyName),
    forenames: s(subj.forenames),
    nameOriginalScript: s(subj.nameOriginalScript),
    aliases: joined(subj.aliases),
    sex: (s(subj.sex) as PersonDraft["sex"]) || "",
    dobPrecision: (s(dob.precision) as PersonDraft["dobPrecision"]) || "",
    dobDate: s(dob.date),
    dobYear: s(dob.year),
    dobFrom: s(dob.fromYear),
    dobTo: s(dob.toYear),
    birthPlace: s(pob.place),
    birthCountry: s(pob.country),
    nationalities: joined(subj.nationalities),
    heightCm: s(phys.heightCm),
    weightKg: s(phys.weightKg),
    eyeColour: s(phys.eyeColour),
    hairColour: s(phys.hairColour),
    marks: s(phys.distinguishingMarks),
    docType: s(doc.type),
    docNumber: s(doc.number),
    docCountry: s(doc.issuingCountry),
  };
}

/** A saved subject as the draft's subject fields; those of the kinds it is not keep their defaults. */
export function subjectFrom(subj: Obj): Partial<NoticeDraft> {
  const kind = (s(subj.kind) || "person") as SubjectKind;
  const d: Partial<NoticeDraft> = { subjectKind: kind, person: personFrom(subj) };
  if (kind === "entity")
    d.entity = {
      name: s(subj.name),
      aliases: joined(subj.aliases),
      registrationCountry: s(subj.registrationCountry),
      registrationNumber: s(subj.registrationNumber),
      address: s(o(a(subj.addresses)[0]).text),
    };
  if (kind === "object") d.object = { objectType: s(subj.objectType), description: s(subj.description) };
  if (kind === "event")
    d.event = {
      description: s(subj.description),
      expectedOn: s(subj.expectedOn),
      place: s(subj.place),
      country: s(subj.country),
    };
  if (kind === "modus_operandi") d.moSubject = s(subj.description);
  return d;
}
