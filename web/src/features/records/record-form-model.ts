import type { Body } from "../../lib/api/schema.ts";
import type { I18n, MessageKey } from "../../lib/i18n/index.tsx";
import { fieldSentences } from "../../lib/problems.ts";

/** The kinds of source the contract knows (police, judicial, military, ...). */
export type SourceType = Body<"createRecord">["envelope"]["sourceType"];

/*
 * The person/group entry form's state and what it sends: POST /api/v1/records with the FtM
 * properties, the envelope, the source and the provenance (a capture for battlefield data). Dates of
 * birth go out in EDTF: exact (YYYY[-MM[-DD]]), about (1970~) or a range (1963/1968).
 */

export type DobMode = "exact" | "about" | "range";
export const TOPIC_CHOICES = ["crime.terror", "role.ftf", "wanted", "sanction"] as const;

export interface RecordForm {
  schema: "Person" | "Organization";
  name: string;
  otherNames: string;
  aliases: string;
  weakAliases: string;
  dobMode: DobMode;
  dob: string;
  dobFrom: string;
  dobTo: string;
  countries: string;
  gender: string;
  topics: string[];
  birthPlace: string;
  passportNumbers: string;
  idNumbers: string;
  height: string;
  weight: string;
  eyeColor: string;
  hairColor: string;
  appearance: string;
  distribution: "all" | "only" | "except";
  distributionCountries: string;
  handlingCode: "H0" | "H1" | "H2" | "H3";
  handlingNote: string;
  sourceReliability: "A" | "B" | "C" | "X";
  informationAccuracy: string;
  sourceType: SourceType;
  reviewAt: string;
  source: string;
  statedBy: string;
  statedAt: string;
  captureUnit: string;
  capturePlace: string;
  captureDate: string;
  captureContext: string;
}

export const EMPTY_FORM: RecordForm = {
  schema: "Person",
  name: "",
  otherNames: "",
  aliases: "",
  weakAliases: "",
  dobMode: "exact",
  dob: "",
  dobFrom: "",
  dobTo: "",
  countries: "",
  gender: "",
  topics: [],
  birthPlace: "",
  passportNumbers: "",
  idNumbers: "",
  height: "",
  weight: "",
  eyeColor: "",
  hairColor: "",
  appearance: "",
  distribution: "all",
  distributionCountries: "",
  handlingCode: "H0",
  handlingNote: "",
  sourceReliability: "B",
  informationAccuracy: "2",
  sourceType: "police",
  reviewAt: "",
  source: "",
  statedBy: "",
  statedAt: "",
  captureUnit: "",
  capturePlace: "",
  captureDate: "",
  captureContext: "",
};

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
const codes = (s: string) =>
  s
    .split(/[\s,;|]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The date of birth as EDTF, or null when none was given. */
export function dobValue(f: RecordForm): string | null {
  if (f.dobMode === "range")
    return f.dobFrom.trim() || f.dobTo.trim() ? `${f.dobFrom.trim()}/${f.dobTo.trim()}` : null;
  const d = f.dob.trim();
  if (!d) return null;
  return f.dobMode === "about" ? `${d}~` : d;
}

function properties(f: RecordForm): Record<string, string[]> {
  const person = f.schema === "Person";
  const dob = person ? dobValue(f) : null;
  const props: Record<string, string[]> = {
    name: [f.name.trim(), ...lines(f.otherNames)].filter(Boolean),
    alias: lines(f.aliases),
    weakAlias: lines(f.weakAliases),
    // FtM writes country codes in lower case; persons have nationalities, groups a country.
    [person ? "nationality" : "country"]: codes(f.countries).map((c) => c.toLowerCase()),
    birthDate: dob ? [dob] : [],
    gender: person && f.gender ? [f.gender] : [],
    topics: f.topics,
    // A person's place of birth, documents and description; a group has none of them.
    ...(person
      ? {
          birthPlace: lines(f.birthPlace),
          passportNumber: lines(f.passportNumbers),
          idNumber: lines(f.idNumbers),
          height: lines(f.height),
          weight: lines(f.weight),
          eyeColor: lines(f.eyeColor),
          hairColor: lines(f.hairColor),
          appearance: lines(f.appearance),
        }
      : {}),
  };
  // The server refuses an empty list: a property without values is left out.
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v.length > 0));
}

/** The body of POST /api/v1/records. */
export function toRequest(f: RecordForm) {
  const military = f.sourceType === "military";
  const provenance = {
    ...(f.statedBy.trim() ? { statedBy: f.statedBy.trim() } : {}),
    ...(f.statedAt ? { statedAt: f.statedAt } : {}),
    ...(military
      ? {
          capture: {
            unit: f.captureUnit,
            place: f.capturePlace,
            date: f.captureDate,
            context: f.captureContext,
          },
        }
      : {}),
  };
  return {
    schema: f.schema,
    properties: properties(f),
    envelope: {
      distribution: f.distribution,
      distributionCountries:
        f.distribution === "all" ? [] : codes(f.distributionCountries).map((c) => c.toUpperCase()),
      handlingCode: f.handlingCode,
      ...(f.handlingNote.trim() ? { handlingNote: f.handlingNote.trim() } : {}),
      sourceReliability: f.sourceReliability,
      informationAccuracy: Number(f.informationAccuracy),
      sourceType: f.sourceType,
      ...(f.reviewAt ? { reviewAt: f.reviewAt } : {}),
    },
    source: f.source,
    ...(Object.keys(provenance).length > 0 ? { provenance } : {}),
  };
}

/** The form's fields by the server's error paths (without the "body." prefix). */
export const FIELD_LABELS: Record<string, MessageKey> = {
  "properties.name": "persons.field.name",
  "properties.alias": "persons.field.alias",
  "properties.weakAlias": "persons.field.weakAlias",
  "properties.birthDate": "persons.prop.birthDate",
  "properties.nationality": "persons.prop.nationality",
  "properties.country": "persons.prop.country",
  "properties.gender": "persons.prop.gender",
  "properties.topics": "persons.prop.topics",
  "properties.birthPlace": "persons.prop.birthPlace",
  "properties.passportNumber": "persons.prop.passportNumber",
  "properties.idNumber": "persons.prop.idNumber",
  "properties.height": "persons.prop.height",
  "properties.weight": "persons.prop.weight",
  "properties.eyeColor": "persons.prop.eyeColor",
  "properties.hairColor": "persons.prop.hairColor",
  "properties.appearance": "persons.prop.appearance",
  properties: "persons.field.properties",
  schema: "records.schema",
  source: "persons.field.source",
  "provenance.statedBy": "persons.field.statedBy",
  "provenance.statedAt": "persons.field.statedAt",
  "provenance.capture": "persons.capture.title",
  "provenance.capture.unit": "persons.capture.unit",
  "provenance.capture.place": "persons.capture.place",
  "provenance.capture.date": "persons.capture.date",
  "provenance.capture.context": "persons.capture.context",
  "envelope.distribution": "records.distribution",
  "envelope.distributionCountries": "persons.field.distributionCountries",
  "envelope.handlingCode": "records.handling",
  "envelope.handlingNote": "records.handlingNote",
  "envelope.sourceReliability": "records.reliability",
  "envelope.informationAccuracy": "records.accuracy",
  "envelope.sourceType": "records.sourceType",
  "envelope.reviewAt": "records.review",
};

export interface FieldProblem {
  /** The field's path ("properties.birthDate"), or null for the form as a whole. */
  field: string | null;
  sentence: string;
}

/**
 * The server's field errors as sentences naming the field by its label: "Date of birth: 1985-02-30
 * is not a real date." The shared mapping (lib/problems.ts) with this form's labels first: a path
 * nobody labels is named neutrally, never by the path.
 */
export function problemsOf(error: unknown, i18n: I18n): FieldProblem[] {
  return fieldSentences(error, i18n, FIELD_LABELS).map((f) => ({ field: f.field, sentence: f.sentence }));
}
