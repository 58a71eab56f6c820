import { allOf, type Item, type Schema } from "../../lib/api/schema.ts";

/** Notices as the contract names them (Notice, NoticeRequest, NoticeCatalogue); menus list its enums. */

export type Notice = Schema<"Notice">;
export type NoticeType = Notice["type"];
export type NoticeState = Notice["state"];
export type NoticeAction = Notice["allowedActions"][number];
export type NoticeLanguage = Notice["language"];
export type Finding = Notice["findings"][number];
export type Severity = Finding["severity"];
export type NoticeEvent = Item<"getNoticeHistory">;

export const NOTICE_TYPES = allOf<NoticeType>()([
  "red",
  "blue",
  "green",
  "yellow",
  "black",
  "orange",
  "purple",
  "silver",
  "un_special",
]);

/** UN Special Notices come from the Security Council list import, never from the wizard. */
export const REQUESTABLE_TYPES = NOTICE_TYPES.filter(
  (t): t is Exclude<NoticeType, "un_special"> => t !== "un_special",
);
export type RequestableType = (typeof REQUESTABLE_TYPES)[number];

export const NOTICE_STATES = allOf<NoticeState>()([
  "draft",
  "submitted",
  "under_review",
  "published",
  "refused",
  "suspended",
  "withdrawn",
  "cancelled",
  "expired",
]);

export const LANGUAGES = allOf<NoticeLanguage>()(["en", "fr", "es", "ar"]);

export const SEVERITIES = allOf<Severity>()(["block", "risk", "info"]);

/** A text in its language with translations, as requests and addenda carry it. */
export type LocalisedText = Request["title"];

/** Notice.addenda holds free objects in the contract; this is how the detail page reads one. */
export interface Addendum {
  at?: string;
  by?: string;
  text?: LocalisedText;
}

/** A request of one type, and the parts the wizard's menus list. */
export type Request = Schema<"NoticeRequest">;
type RequestOf<T extends Request["type"]> = Extract<Request, { type: T }>;
type Subject = RequestOf<"orange">["subject"];
type PersonSubject = Extract<Subject, { kind: "person" }>;

/** The catalogue of types (GET /notices/catalogue): subjects, required fields, public extract. */
export type CatalogueEntry = Schema<"NoticeCatalogue">["items"][number];
export type SubjectKind = CatalogueEntry["subjectKinds"][number];

export const OFFENCE_CATEGORIES = allOf<RequestOf<"red">["offences"][number]["category"]>()([
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
]);

export const OBJECT_TYPES = allOf<Extract<Subject, { kind: "object" }>["objectType"]>()([
  "firearm",
  "explosive_device",
  "vehicle",
  "document",
  "artwork",
  "electronic_device",
  "other",
]);

export const ASSET_TYPES = allOf<RequestOf<"silver">["assets"][number]["assetType"]>()([
  "bank_account",
  "crypto_wallet",
  "real_estate",
  "company_share",
  "vehicle",
  "vessel",
  "aircraft",
  "other",
]);

export const DOCUMENT_TYPES = allOf<PersonSubject["identityDocuments"][number]["type"]>()([
  "passport",
  "id_card",
  "driving_licence",
  "residence_permit",
  "other",
]);
