import { REQUESTABLE_TYPES, type SubjectKind } from "../types.ts";
import { emptyAsset, emptyDraft, emptyOffence } from "./defaults.ts";
import type { NoticeDraft } from "./types.ts";

/*
 * A wizard draft kept on this computer (lib/drafts.ts), read back. What was stored may come from an
 * older version of the form or be damaged: every field is taken only if it has the type the empty
 * draft gives it, the rest keeps its default, and the choices (type, subject kind, language) must be
 * ones the wizard offers.
 */

type Shape = Record<string, unknown>;

const SUBJECT_KINDS: readonly SubjectKind[] = ["person", "entity", "object", "event", "modus_operandi"];

const isObject = (v: unknown): v is Shape => !!v && typeof v === "object" && !Array.isArray(v);

/** `value` laid over `template`: only the template's keys, each only when its type matches. */
function overlay<T>(template: T, value: unknown): T {
  if (!isObject(template) || !isObject(value)) return template;
  const out: Shape = { ...template };
  for (const [key, def] of Object.entries(template)) {
    const v = value[key];
    if (Array.isArray(def)) continue; // lists are read by their own item templates
    if (isObject(def)) out[key] = overlay(def, v);
    else if (typeof v === typeof def) out[key] = v;
  }
  return out as T;
}

const oneOf = <T extends string>(allowed: readonly T[], v: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback;

/** A stored draft as the wizard's draft, or null when it is not one. */
export function acceptNoticeDraft(data: unknown): NoticeDraft | null {
  if (!isObject(data)) return null;
  const language = oneOf(["en", "fr", "es", "ar"] as const, data.language, "en");
  const base = overlay(emptyDraft(language), data);
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 50) : []);
  return {
    ...base,
    type: oneOf(["", ...REQUESTABLE_TYPES] as const, data.type, ""),
    subjectKind: oneOf(SUBJECT_KINDS, data.subjectKind, "person"),
    language,
    purpose: oneOf(["prosecution", "sentence"] as const, data.purpose, "prosecution"),
    offences: list(data.offences).map((x) => overlay(emptyOffence(), x)),
    assets: list(data.assets).map((x) => overlay(emptyAsset(), x)),
  };
}

/** True when the draft holds something the officer typed (not the empty form in some language). */
export const hasContent = (d: NoticeDraft): boolean =>
  JSON.stringify({ ...d, language: "en" }) !== JSON.stringify(emptyDraft("en"));
