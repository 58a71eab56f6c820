import type { HandlingCode, Reliability } from "../../../lib/envelope.ts";
import type { NoticeLanguage, RequestableType, SubjectKind } from "../types.ts";

/**
 * The wizard's working copy of a notice request: strings as the inputs hold them. `toRequest` turns it
 * into the API's request (empty fields left out, numbers parsed); `fromRequest` reads a saved draft back.
 */

export type Translations = Record<NoticeLanguage, string>;

export interface TextDraft {
  text: string;
  translations: Translations;
}

export interface PersonDraft {
  familyName: string;
  forenames: string;
  nameOriginalScript: string;
  aliases: string;
  sex: "" | "M" | "F" | "U";
  dobPrecision: "" | "date" | "year" | "range";
  dobDate: string;
  dobYear: string;
  dobFrom: string;
  dobTo: string;
  birthPlace: string;
  birthCountry: string;
  nationalities: string;
  heightCm: string;
  weightKg: string;
  eyeColour: string;
  hairColour: string;
  marks: string;
  docType: string;
  docNumber: string;
  docCountry: string;
}

export interface EntityDraft {
  name: string;
  aliases: string;
  registrationCountry: string;
  registrationNumber: string;
  address: string;
}

export interface ObjectDraft {
  objectType: string;
  description: string;
}

export interface EventDraft {
  description: string;
  expectedOn: string;
  place: string;
  country: string;
}

export interface OffenceDraft {
  description: string;
  category: string;
  legalProvision: string;
  maxPenaltyMonths: string;
  life: boolean;
  committedOn: string;
  country: string;
  sentenceImposed: string;
  sentenceRemaining: string;
}

export interface AssetDraft {
  assetType: string;
  description: string;
  identifier: string;
  country: string;
  value: string;
}

export interface EnvelopeDraft {
  distribution: "all" | "only" | "except";
  countries: string;
  handlingCode: HandlingCode;
  handlingNote: string;
  sourceReliability: Reliability;
  informationAccuracy: "1" | "2" | "3" | "4";
  sourceType: string;
}

export interface NoticeDraft {
  type: RequestableType | "";
  subjectKind: SubjectKind;
  person: PersonDraft;
  entity: EntityDraft;
  object: ObjectDraft;
  event: EventDraft;
  moSubject: string;
  purpose: "prosecution" | "sentence";
  offences: OffenceDraft[];
  warrant: { issuingAuthority: string; issuedOn: string; reference: string; kind: string };
  missing: { since: string; lastSeenPlace: string; circumstances: string; unable: boolean };
  body: {
    foundOn: string;
    foundPlace: string;
    foundCountry: string;
    ageFrom: string;
    ageTo: string;
    cause: string;
  };
  threat: { description: string; imminence: string };
  mo: { description: string; concealment: string };
  assets: AssetDraft[];
  language: NoticeLanguage;
  title: TextDraft;
  summary: TextDraft;
  charges: TextDraft;
  envelope: EnvelopeDraft;
  publicExtract: boolean;
}
