/**
 * The catalogue of notice types and diffusion kinds: what each is for, what it asks member countries
 * to do, which subjects it may describe, what a request must contain and how long it stays valid.
 * Facts follow INTERPOL's public descriptions of its notices and its Rules on the Processing of Data
 * (RPD); the wording is ours.
 */

export const noticeTypes = [
  "red",
  "blue",
  "green",
  "yellow",
  "black",
  "orange",
  "purple",
  "silver",
  "un_special",
] as const;
export type NoticeType = (typeof noticeTypes)[number];

export const subjectKinds = ["person", "entity", "object", "event", "modus_operandi"] as const;
export type SubjectKind = (typeof subjectKinds)[number];

/** Who may see an extract on the public website. */
export type PublicExtract = "never" | "on_owner_consent" | "always";

export interface NoticeTypeSpec {
  type: NoticeType;
  colour: string;
  purpose: string;
  action: string;
  subjectKinds: readonly SubjectKind[];
  /** Dotted paths into the request that must hold a value; compliance reports each missing one. */
  requiredFields: readonly string[];
  /** Validity from publication, renewable; null = as long as the underlying UN listing stands. */
  validityYears: number | null;
  publicExtract: PublicExtract;
}

// Every request carries a title and a summary of facts; the per-type lists add to these.
const common = ["title", "summary"] as const;

export const noticeCatalogue: Readonly<Record<NoticeType, NoticeTypeSpec>> = {
  red: {
    type: "red",
    colour: "Red",
    purpose: "Locate a person wanted for prosecution or to serve a sentence, and arrest them provisionally.",
    action:
      "Locate the person and arrest them provisionally pending extradition, surrender or similar legal action; inform the requesting country and the General Secretariat at once.",
    subjectKinds: ["person"],
    requiredFields: [
      ...common,
      "charges",
      "subject.familyName",
      "subject.forenames",
      "subject.sex",
      "subject.dateOfBirth",
      "offences",
      "arrestWarrant",
    ],
    validityYears: 5,
    publicExtract: "on_owner_consent",
  },
  blue: {
    type: "blue",
    colour: "Blue",
    purpose: "Collect information about a person's identity, location or activities in relation to a crime.",
    action: "Report any information on the person's identity, whereabouts or activities; do not arrest.",
    subjectKinds: ["person"],
    requiredFields: [...common, "subject.sex"],
    validityYears: 5,
    publicExtract: "never",
  },
  green: {
    type: "green",
    colour: "Green",
    purpose:
      "Warn about a person who has committed criminal offences and is likely to repeat them in other countries.",
    action: "Take the warning into account in checks and investigations; report sightings and new offences.",
    subjectKinds: ["person"],
    requiredFields: [...common, "subject.familyName", "subject.sex", "offences"],
    validityYears: 5,
    publicExtract: "never",
  },
  yellow: {
    type: "yellow",
    colour: "Yellow",
    purpose:
      "Locate a missing person, often a minor, or identify a person who is unable to identify themselves.",
    action:
      "Report any sighting or identification to the requesting country; do not detain unless national law allows.",
    subjectKinds: ["person"],
    requiredFields: [...common, "subject.sex", "missing.since", "missing.circumstances"],
    validityYears: 5,
    publicExtract: "on_owner_consent",
  },
  black: {
    type: "black",
    colour: "Black",
    purpose: "Seek information on an unidentified body.",
    action: "Compare with missing-person and forensic records; report any possible identification.",
    subjectKinds: ["person"],
    requiredFields: [...common, "body.foundOn", "body.foundCountry", "subject.sex"],
    validityYears: 5,
    publicExtract: "never",
  },
  orange: {
    type: "orange",
    colour: "Orange",
    purpose:
      "Warn of an event, a person, an object or a process that is a serious and imminent threat to public safety.",
    action: "Take protective measures at once and share any related information with the requesting country.",
    subjectKinds: ["person", "entity", "object", "event"],
    requiredFields: [...common, "threat.description", "threat.imminence"],
    validityYears: 5,
    publicExtract: "never",
  },
  purple: {
    type: "purple",
    colour: "Purple",
    purpose:
      "Seek or provide information on modus operandi, objects, devices and concealment methods used by criminals.",
    action: "Use the information in prevention and investigations; report similar cases.",
    subjectKinds: ["modus_operandi", "object"],
    requiredFields: [...common, "modusOperandi.description"],
    validityYears: 5,
    publicExtract: "never",
  },
  silver: {
    type: "silver",
    colour: "Silver",
    purpose: "Trace and locate assets linked to a person's or an organisation's criminal activities.",
    action:
      "Report whether the assets are found and where; seizure or freezing follows national law and mutual legal assistance.",
    subjectKinds: ["person", "entity"],
    requiredFields: [...common, "assets", "offences"],
    validityYears: 5,
    publicExtract: "never",
  },
  un_special: {
    type: "un_special",
    colour: "INTERPOL-UN Security Council Special Notice",
    purpose: "Alert police that a person or entity is subject to UN Security Council sanctions.",
    action:
      "Apply the sanctions (asset freeze, travel ban, arms embargo) required by the Security Council resolution, in line with national law.",
    subjectKinds: ["person", "entity"],
    requiredFields: [...common, "unReference", "sanctions"],
    validityYears: null,
    publicExtract: "always",
  },
};

export const diffusionKinds = ["arrest", "locate", "information", "warning"] as const;
export type DiffusionKind = (typeof diffusionKinds)[number];

/** A diffusion goes straight from a bureau to chosen countries and is checked by the GS afterwards. */
export const diffusionCatalogue: Readonly<
  Record<DiffusionKind, { purpose: string; closestNotice: NoticeType }>
> = {
  arrest: { purpose: "Request the arrest of a wanted person.", closestNotice: "red" },
  locate: { purpose: "Request the location of a person.", closestNotice: "blue" },
  information: { purpose: "Request or share additional information.", closestNotice: "blue" },
  warning: { purpose: "Warn of a person or threat.", closestNotice: "green" },
};

const addYears = (d: Date, years: number): Date => {
  const out = new Date(d.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
};

/** When a notice published (or last renewed) at `from` stops being valid; null for UN Special Notices. */
export const validUntil = (type: NoticeType, from: Date): Date | null => {
  const years = noticeCatalogue[type].validityYears;
  return years === null ? null : addYears(from, years);
};
