import type { Envelope } from "../../lib/envelope.ts";

/** Mirrors src/features/notices (notices.schema.ts, rules/*). */

export const NOTICE_TYPES = [
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
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** UN Special Notices come from the Security Council list import, never from the wizard. */
export const REQUESTABLE_TYPES = NOTICE_TYPES.filter(
  (t): t is Exclude<NoticeType, "un_special"> => t !== "un_special",
);
export type RequestableType = (typeof REQUESTABLE_TYPES)[number];

export const NOTICE_STATES = [
  "draft",
  "submitted",
  "under_review",
  "published",
  "refused",
  "suspended",
  "withdrawn",
  "cancelled",
  "expired",
] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export type NoticeAction =
  | "edit"
  | "submit"
  | "start_review"
  | "return_to_owner"
  | "publish"
  | "refuse"
  | "suspend"
  | "resume"
  | "withdraw"
  | "cancel"
  | "expire"
  | "renew"
  | "add_addendum";

export const LANGUAGES = ["en", "fr", "es", "ar"] as const;
export type NoticeLanguage = (typeof LANGUAGES)[number];

export type Severity = "block" | "risk" | "info";
export const SEVERITIES: readonly Severity[] = ["block", "risk", "info"];

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  field?: string;
}

export interface LocalisedText {
  language: NoticeLanguage;
  text: string;
  translations?: Partial<Record<NoticeLanguage, string>>;
}

export interface Addendum {
  at?: string;
  by?: string;
  text?: LocalisedText;
}

export interface Notice {
  id: string;
  noticeNumber: string | null;
  type: NoticeType;
  state: NoticeState;
  request: Record<string, unknown>;
  language: NoticeLanguage;
  translations: Record<string, unknown>;
  subjectRecordId: string | null;
  findings: Finding[];
  riskScore: number;
  publicExtract: boolean;
  addenda: Record<string, unknown>[];
  submittedAt: string | null;
  publishedAt: string | null;
  validUntil: string | null;
  /** Live and expiring within six months: the owner is reminded to renew (with reasons) or let it lapse. */
  renewalDue: boolean;
  suspendedUntil: string | null;
  envelope: Envelope;
  allowedActions: NoticeAction[];
  createdAt: string;
  updatedAt: string;
}

export interface NoticeEvent {
  at: string;
  actor: string;
  actorCountry: string;
  actorRole: string;
  action: string;
  fromState: string | null;
  toState: string;
  reasons: string | null;
  detail: Record<string, unknown>;
}

/** Which subjects each type may describe and which fields the rules require (rules/notice-types.ts). */
export const SUBJECT_KINDS = ["person", "entity", "object", "event", "modus_operandi"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const TYPE_SUBJECTS: Record<RequestableType, readonly SubjectKind[]> = {
  red: ["person"],
  blue: ["person"],
  green: ["person"],
  yellow: ["person"],
  black: ["person"],
  orange: ["person", "entity", "object", "event"],
  purple: ["modus_operandi", "object"],
  silver: ["person", "entity"],
};

const common = ["title", "summary"];
export const REQUIRED_FIELDS: Record<RequestableType, readonly string[]> = {
  red: [
    ...common,
    "charges",
    "subject.familyName",
    "subject.forenames",
    "subject.sex",
    "subject.dateOfBirth",
    "offences",
    "arrestWarrant",
  ],
  blue: [...common, "subject.sex"],
  green: [...common, "subject.familyName", "subject.sex", "offences"],
  yellow: [...common, "subject.sex", "missing.since", "missing.circumstances"],
  black: [...common, "body.foundOn", "body.foundCountry", "subject.sex"],
  orange: [...common, "threat.description", "threat.imminence"],
  purple: [...common, "modusOperandi.description"],
  silver: [...common, "assets", "offences"],
};

/** Types whose owner may consent to an extract on the public website. */
export const PUBLIC_ON_CONSENT: readonly NoticeType[] = ["red", "yellow"];

export const OFFENCE_CATEGORIES = [
  "terrorism",
  "homicide",
  "violence",
  "sexual_offence",
  "kidnapping",
  "trafficking_in_persons",
  "drugs",
  "firearms",
  "robbery_theft",
  "fraud",
  "money_laundering",
  "corruption",
  "cybercrime",
  "organised_crime",
  "international_crimes",
  "behavioural_or_cultural",
  "family_or_private",
  "administrative",
  "private_dispute",
  "political",
  "military",
  "religious",
  "racial",
  "other",
] as const;

export const OBJECT_TYPES = [
  "firearm",
  "explosive_device",
  "vehicle",
  "document",
  "artwork",
  "electronic_device",
  "other",
] as const;

export const ASSET_TYPES = [
  "bank_account",
  "crypto_wallet",
  "real_estate",
  "company_share",
  "vehicle",
  "vessel",
  "aircraft",
  "other",
] as const;

export const DOCUMENT_TYPES = [
  "passport",
  "id_card",
  "driving_licence",
  "residence_permit",
  "other",
] as const;
