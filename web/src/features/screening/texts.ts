import { ApiError } from "../../lib/api.ts";
import { hasOwnText, type I18n, type MessageKey } from "../../lib/i18n/index.tsx";
import type { HitKind, MatchView, TravellerResult } from "./types.ts";

/*
 * The server writes its instructions and problems in English, and codes where it can. These turn the
 * codes into the reader's language; an English reader gets the server's own sentence, and a code the
 * app does not know keeps the server's text, so nothing the server said is lost.
 */

/** A message key built from data ("scr.category.red"): the key when it exists, else null. */
export const keyOf = (key: string): MessageKey | null => (hasOwnText("en", key) ? (key as MessageKey) : null);

/** A coded value's label, or the code itself. */
export const codeText = (i18n: I18n, prefix: string, code: string): string => {
  const key = keyOf(`${prefix}${code}`);
  return key ? i18n.t(key) : code;
};

/**
 * A category's label. A firearm's or a vehicle's status has its own key first: the word agrees with
 * the object in languages that inflect it ("arme volée", "véhicule volé").
 */
export function categoryText(i18n: I18n, kind: HitKind, category: string): string {
  const own = keyOf(`scr.category.${kind}.${category}`);
  return own ? i18n.t(own) : codeText(i18n, "scr.category.", category);
}

/** The kind and category of a record hit as one label: "Notice · Red Notice", "Travel document · stolen". */
export function kindLabel(i18n: I18n, kind: HitKind, category?: string): string {
  const k = codeText(i18n, "scr.kind.", kind);
  if (!category || category === "person") return k;
  return `${k} · ${categoryText(i18n, kind, category)}`;
}

function actionKey(kind: HitKind, category: string, discreet: boolean): MessageKey | null {
  if (discreet) return "scr.action.discreet";
  if (kind === "person") return "scr.action.person";
  // The server gives one instruction per object kind, whatever its status.
  if (kind === "firearm" || kind === "vehicle") return keyOf(`scr.action.${kind}`);
  return keyOf(`scr.action.${kind}.${category}`);
}

/** One instruction in the reader's language: the server's own in English, the known code's otherwise. */
export function actionText(
  i18n: I18n,
  serverText: string,
  kind: HitKind | null,
  category: string | null,
  discreet = false,
): string {
  if (i18n.lang === "en" || kind === null) return serverText;
  const key = actionKey(kind, category ?? "", discreet);
  return key ? i18n.t(key) : serverText;
}

/** The traveller's single instruction: the match that gave it, or the discreet one, or none. */
export function overallAction(i18n: I18n, r: TravellerResult): string | null {
  if (!r.action) return null;
  if (r.discreet) return actionText(i18n, r.action, "person", null, true);
  const source: MatchView | undefined = r.hits.find((h) => h.match && h.action === r.action);
  return source ? actionText(i18n, r.action, source.kind, source.category) : r.action;
}

/** "National Central Bureau of United States of America" in the reader's language where Intl knows it. */
export function contactText(i18n: I18n, contact: { country: string; name: string }): string {
  if (i18n.lang === "en" || !/^[A-Z]{2}$/.test(contact.country) || !contact.name.startsWith("National"))
    return contact.name;
  const country = i18n.country(contact.country, "");
  return country ? i18n.t("scr.contact.ncb", { country }) : contact.name;
}

/**
 * A calendar date as the server writes it (YYYY-MM-DD, or YYYY-MM, YYYY where the source leaves the
 * rest open) in the reader's format. Noon UTC, formatted in UTC: no time zone moves the day.
 */
export function calendarDate(i18n: I18n, value: string | null | undefined): string {
  return i18n.date(value);
}

// ---- field problems ----

export const FIELD_LABELS: Record<string, MessageKey> = {
  name: "scr.field.name",
  surname: "scr.field.surname",
  givenNames: "scr.field.givenNames",
  dateOfBirth: "scr.field.dateOfBirth",
  nationality: "scr.field.nationality",
  sex: "scr.field.sex",
  documentNumber: "scr.field.documentNumber",
  documentCountry: "scr.field.documentCountry",
  documentType: "scr.field.documentType",
  mrz: "scr.mrz.label",
  firearmSerialNumber: "scr.field.firearmSerialNumber",
  vehicleVin: "scr.field.vehicleVin",
  vehiclePlate: "scr.field.vehiclePlate",
  location: "scr.field.location",
  traveller: "scr.field.traveller",
  fingerprintTemplate: "scr.bio.fingerprint",
  facePhoto: "scr.bio.face",
  faceTemplate: "scr.bio.faceTemplate",
  "faceTemplate.vector": "scr.bio.faceTemplate",
};

export interface FieldProblem {
  /** The form field it belongs to, or null for the request as a whole. */
  field: string | null;
  sentence: string;
}

/** The server's messages start with the field's own name ("dateOfBirth 1990-13-01 is …", "mrz: …"). */
function bareMessage(field: string, message: string): string {
  const m = message.trim().replace(/\.$/, "");
  const stripped = m.replace(new RegExp(`^(${field}|mrz)(:|\\s)\\s*`), "");
  return stripped || m;
}

/** One problem as "Label: message", the label in the reader's language. */
export function problemSentence(i18n: I18n, field: string, message: string): string {
  const key = FIELD_LABELS[field];
  return i18n.t("scr.error.field", {
    label: key ? i18n.t(key) : field,
    message: bareMessage(field, message),
  });
}

/** The field errors of a refused check ([{ path, message }], path "dateOfBirth" or "body.dateOfBirth"). */
export function problemsOf(error: unknown, i18n: I18n): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.problem.errors)) return [];
  return error.problem.errors.map((e: unknown) => {
    const item = (e ?? {}) as { path?: unknown; message?: unknown };
    const raw = Array.isArray(item.path) ? item.path.join(".") : String(item.path ?? "");
    const path = raw.replace(/^(body|querystring)\.?/, "");
    const message = String(item.message ?? "");
    if (!path) return { field: null, sentence: message };
    return { field: path, sentence: problemSentence(i18n, path, message) };
  });
}
