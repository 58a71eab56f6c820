import type { HandlingCode, Reliability } from "../records/types.ts";
import {
  type Finding,
  LANGUAGES,
  type NoticeLanguage,
  REQUIRED_FIELDS,
  type RequestableType,
  type SubjectKind,
  TYPE_SUBJECTS,
} from "./types.ts";

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

const noTranslations = (): Translations => ({ en: "", fr: "", es: "", ar: "" });
const text = (): TextDraft => ({ text: "", translations: noTranslations() });

export const emptyOffence = (): OffenceDraft => ({
  description: "",
  category: "",
  legalProvision: "",
  maxPenaltyMonths: "",
  life: false,
  committedOn: "",
  country: "",
  sentenceImposed: "",
  sentenceRemaining: "",
});

export const emptyAsset = (): AssetDraft => ({
  assetType: "",
  description: "",
  identifier: "",
  country: "",
  value: "",
});

export function emptyDraft(language: NoticeLanguage): NoticeDraft {
  return {
    type: "",
    subjectKind: "person",
    person: {
      familyName: "",
      forenames: "",
      nameOriginalScript: "",
      aliases: "",
      sex: "",
      dobPrecision: "",
      dobDate: "",
      dobYear: "",
      dobFrom: "",
      dobTo: "",
      birthPlace: "",
      birthCountry: "",
      nationalities: "",
      heightCm: "",
      weightKg: "",
      eyeColour: "",
      hairColour: "",
      marks: "",
      docType: "",
      docNumber: "",
      docCountry: "",
    },
    entity: { name: "", aliases: "", registrationCountry: "", registrationNumber: "", address: "" },
    object: { objectType: "", description: "" },
    event: { description: "", expectedOn: "", place: "", country: "" },
    moSubject: "",
    purpose: "prosecution",
    offences: [],
    warrant: { issuingAuthority: "", issuedOn: "", reference: "", kind: "arrest_warrant" },
    missing: { since: "", lastSeenPlace: "", circumstances: "", unable: false },
    body: { foundOn: "", foundPlace: "", foundCountry: "", ageFrom: "", ageTo: "", cause: "" },
    threat: { description: "", imminence: "" },
    mo: { description: "", concealment: "" },
    assets: [],
    language,
    title: text(),
    summary: text(),
    charges: text(),
    envelope: {
      distribution: "all",
      countries: "",
      handlingCode: "H0",
      handlingNote: "",
      sourceReliability: "B",
      informationAccuracy: "2",
      sourceType: "judicial",
    },
    publicExtract: false,
  };
}

type Obj = Record<string, unknown>;

/** Drops undefined values and objects left empty, so incomplete drafts still validate. */
function compact(o: Obj): Obj | undefined {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

const str = (v: string): string | undefined => (v.trim() === "" ? undefined : v.trim());
const int = (v: string): number | undefined => {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
};
const num = (v: string): number | undefined => {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
/** "fr, de" → ["FR", "DE"]. */
export const codes = (v: string): string[] =>
  v
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
const list = (v: string): string[] =>
  v
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function localised(d: TextDraft, language: NoticeLanguage): Obj | undefined {
  const main = str(d.text);
  if (!main) return undefined;
  const translations: Obj = {};
  for (const l of LANGUAGES) {
    const tr = str(d.translations[l]);
    if (l !== language && tr) translations[l] = tr;
  }
  return { language, text: main, ...(Object.keys(translations).length ? { translations } : {}) };
}

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

function subject(d: NoticeDraft): Obj {
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

function offences(d: NoticeDraft): Obj[] {
  return d.offences.map((o) => ({
    description: str(o.description),
    category: o.category || undefined,
    legalProvision: str(o.legalProvision),
    maxPenaltyMonths: o.life ? null : int(o.maxPenaltyMonths),
    committedOn: str(o.committedOn),
    country: str(o.country.toUpperCase()),
    sentence:
      d.purpose === "sentence" && int(o.sentenceImposed) !== undefined
        ? compact({ imposedMonths: int(o.sentenceImposed), remainingMonths: int(o.sentenceRemaining) })
        : undefined,
  }));
}

/** The request body for POST/PATCH /notices, from the wizard's draft. */
export function toRequest(d: NoticeDraft): Obj {
  const type = d.type || "red";
  const base: Obj = {
    type,
    title: localised(d.title, d.language),
    summary: localised(d.summary, d.language),
    subject: subject(d),
  };
  switch (type) {
    case "red":
      return {
        ...base,
        purpose: d.purpose,
        charges: localised(d.charges, d.language),
        offences: offences(d),
        arrestWarrant:
          str(d.warrant.issuingAuthority) || str(d.warrant.issuedOn) || str(d.warrant.reference)
            ? {
                issuingAuthority: str(d.warrant.issuingAuthority),
                issuedOn: str(d.warrant.issuedOn),
                reference: str(d.warrant.reference),
                kind: d.warrant.kind,
              }
            : undefined,
      };
    case "blue":
    case "green":
      return { ...base, offences: offences(d) };
    case "yellow":
      return {
        ...base,
        missing:
          compact({
            since: str(d.missing.since),
            lastSeenPlace: str(d.missing.lastSeenPlace),
            circumstances: str(d.missing.circumstances),
          }) ?? {},
        unableToIdentifySelf: d.missing.unable,
      };
    case "black":
      return {
        ...base,
        body:
          compact({
            foundOn: str(d.body.foundOn),
            foundPlace: str(d.body.foundPlace),
            foundCountry: str(d.body.foundCountry.toUpperCase()),
            estimatedAgeFrom: int(d.body.ageFrom),
            estimatedAgeTo: int(d.body.ageTo),
            causeOfDeath: str(d.body.cause),
          }) ?? {},
      };
    case "orange":
      return {
        ...base,
        threat:
          compact({ description: str(d.threat.description), imminence: d.threat.imminence || undefined }) ??
          {},
      };
    case "purple":
      return {
        ...base,
        modusOperandi: {
          ...(str(d.mo.description) ? { description: d.mo.description.trim() } : {}),
          concealmentMethods: list(d.mo.concealment),
        },
      };
    case "silver":
      return {
        ...base,
        offences: offences(d),
        assets: d.assets.map((a) => ({
          assetType: a.assetType || undefined,
          description: str(a.description),
          identifier: str(a.identifier),
          country: str(a.country.toUpperCase()),
          estimatedValueEur: num(a.value),
        })),
      };
  }
}

export function toEnvelope(e: EnvelopeDraft): Obj {
  return {
    distribution: e.distribution,
    distributionCountries: e.distribution === "all" ? [] : codes(e.countries),
    handlingCode: e.handlingCode,
    ...(e.handlingCode === "H3" && str(e.handlingNote) ? { handlingNote: e.handlingNote.trim() } : {}),
    sourceReliability: e.sourceReliability,
    informationAccuracy: Number(e.informationAccuracy),
    sourceType: e.sourceType,
  };
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

const at = (o: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Obj)[k] : undefined), o);

/**
 * The required fields still missing, as the server's compliance check will report them on submission
 * (rules/notice-types.ts). A fast local preview only: the server's findings are authoritative.
 */
export function missingFields(d: NoticeDraft): Finding[] {
  if (!d.type) return [];
  const request = toRequest(d);
  return REQUIRED_FIELDS[d.type]
    .filter((path) => isEmpty(at(request, path)))
    .map((path) => ({ code: "missing_field", severity: "block" as const, field: path, message: path }));
}

/** Subject kinds a type allows, defaulting the draft's kind to the first one when it does not fit. */
export function withType(d: NoticeDraft, type: RequestableType): NoticeDraft {
  const kinds = TYPE_SUBJECTS[type];
  const subjectKind = kinds.includes(d.subjectKind) ? d.subjectKind : (kinds[0] ?? "person");
  const offencesNeeded = (type === "red" || type === "green" || type === "silver") && d.offences.length === 0;
  return {
    ...d,
    type,
    subjectKind,
    offences: offencesNeeded ? [emptyOffence()] : d.offences,
    assets: type === "silver" && d.assets.length === 0 ? [emptyAsset()] : d.assets,
    publicExtract: type === "red" || type === "yellow" ? d.publicExtract : false,
  };
}

// ---- reading a saved request back into the form ----

const s = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const a = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const joined = (v: unknown, sep = ", "): string => a(v).map(s).join(sep);

function textFrom(v: unknown): TextDraft {
  const t = o(v);
  const translations = noTranslations();
  for (const [k, val] of Object.entries(o(t.translations)))
    if ((LANGUAGES as readonly string[]).includes(k)) translations[k as NoticeLanguage] = s(val);
  return { text: s(t.text), translations };
}

/** A saved request (GET /notices/:id) as a wizard draft, to continue editing it. */
export function fromRequest(
  request: Obj,
  envelope: Obj,
  publicExtract: boolean,
  fallback: NoticeLanguage,
): NoticeDraft {
  const d = emptyDraft(fallback);
  const r = request;
  const subj = o(r.subject);
  const kind = (s(subj.kind) || "person") as SubjectKind;
  const dob = o(subj.dateOfBirth);
  const pob = o(subj.placeOfBirth);
  const phys = o(subj.physicalDescription);
  const doc = o(a(subj.identityDocuments)[0]);
  const title = o(r.title);
  d.type = s(r.type) as RequestableType;
  d.language = (
    (LANGUAGES as readonly string[]).includes(s(title.language)) ? s(title.language) : fallback
  ) as NoticeLanguage;
  d.subjectKind = kind;
  d.person = {
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
  d.purpose = s(r.purpose) === "sentence" ? "sentence" : "prosecution";
  d.offences = a(r.offences).map((x) => {
    const off = o(x);
    const sentence = o(off.sentence);
    return {
      description: s(off.description),
      category: s(off.category),
      legalProvision: s(off.legalProvision),
      maxPenaltyMonths: s(off.maxPenaltyMonths),
      life: off.maxPenaltyMonths === null,
      committedOn: s(off.committedOn),
      country: s(off.country),
      sentenceImposed: s(sentence.imposedMonths),
      sentenceRemaining: s(sentence.remainingMonths),
    };
  });
  const w = o(r.arrestWarrant);
  d.warrant = {
    issuingAuthority: s(w.issuingAuthority),
    issuedOn: s(w.issuedOn),
    reference: s(w.reference),
    kind: s(w.kind) || "arrest_warrant",
  };
  const m = o(r.missing);
  d.missing = {
    since: s(m.since),
    lastSeenPlace: s(m.lastSeenPlace),
    circumstances: s(m.circumstances),
    unable: r.unableToIdentifySelf === true,
  };
  const b = o(r.body);
  d.body = {
    foundOn: s(b.foundOn),
    foundPlace: s(b.foundPlace),
    foundCountry: s(b.foundCountry),
    ageFrom: s(b.estimatedAgeFrom),
    ageTo: s(b.estimatedAgeTo),
    cause: s(b.causeOfDeath),
  };
  const th = o(r.threat);
  d.threat = { description: s(th.description), imminence: s(th.imminence) };
  const mo = o(r.modusOperandi);
  d.mo = { description: s(mo.description), concealment: joined(mo.concealmentMethods) };
  d.assets = a(r.assets).map((x) => {
    const as = o(x);
    return {
      assetType: s(as.assetType),
      description: s(as.description),
      identifier: s(as.identifier),
      country: s(as.country),
      value: s(as.estimatedValueEur),
    };
  });
  d.title = textFrom(r.title);
  d.summary = textFrom(r.summary);
  d.charges = textFrom(r.charges);
  const e = envelope;
  d.envelope = {
    distribution: (s(e.distribution) as EnvelopeDraft["distribution"]) || "all",
    countries: joined(e.distributionCountries),
    handlingCode: (s(e.handlingCode) as HandlingCode) || "H0",
    handlingNote: s(e.handlingNote),
    sourceReliability: (s(e.sourceReliability) as Reliability) || "B",
    informationAccuracy: (s(e.informationAccuracy) as EnvelopeDraft["informationAccuracy"]) || "2",
    sourceType: s(e.sourceType) || "judicial",
  };
  d.publicExtract = publicExtract;
  return d;
}
