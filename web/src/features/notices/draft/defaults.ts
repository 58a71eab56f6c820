import type { CatalogueEntry, NoticeLanguage, RequestableType } from "../types.ts";
import type { AssetDraft, NoticeDraft, OffenceDraft, TextDraft, Translations } from "./types.ts";

/** Empty drafts and parts of drafts, as the wizard starts them and adds offences or assets. */

export const noTranslations = (): Translations => ({ en: "", fr: "", es: "", ar: "" });
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

/**
 * The draft switched to a type, as the server's catalogue describes it: the subject kinds it allows
 * (the draft's kind defaults to the first when it does not fit), a first offence or asset row where
 * the type requires them, and no public extract where the type is never public.
 */
export function withType(
  d: NoticeDraft,
  type: RequestableType,
  entry: CatalogueEntry | undefined,
): NoticeDraft {
  const kinds = entry?.subjectKinds ?? ["person"];
  const required = entry?.requiredFields ?? [];
  const subjectKind = kinds.includes(d.subjectKind) ? d.subjectKind : (kinds[0] ?? "person");
  return {
    ...d,
    type,
    subjectKind,
    offences: required.includes("offences") && d.offences.length === 0 ? [emptyOffence()] : d.offences,
    assets: required.includes("assets") && d.assets.length === 0 ? [emptyAsset()] : d.assets,
    publicExtract: entry && entry.publicExtract !== "never" ? d.publicExtract : false,
  };
}
