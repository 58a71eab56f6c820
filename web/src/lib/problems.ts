import { ApiError } from "./api/problem.ts";
import { FIELD_LABELS, ITEM_LABELS, type Labels } from "./field-labels.ts";
import type { Lang, MessageKey, Vars } from "./i18n/index.tsx";

/*
 * What went wrong, as sentences in the reader's language: every problem code the server answers has
 * one, and every field error names the field by its form's label ("Offence 1: Maximum penalty
 * (months) must be a whole number."), never by its path or in the server's words.
 */

/** What the sentences need of the i18n context (the hook's value, or a test's stand-in). */
export interface Translator {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
}

/** The problem codes the server answers (src/shared/errors.ts), each with its sentence. */
export const PROBLEM_SENTENCES = {
  bad_request: "problem.bad_request",
  validation_failed: "problem.validation_failed",
  unauthenticated: "problem.unauthenticated",
  totp_required: "problem.totp_required",
  forbidden: "problem.forbidden",
  not_found: "problem.not_found",
  conflict: "problem.conflict",
  stale: "problem.stale",
  invalid_transition: "problem.invalid_transition",
  payload_too_large: "problem.payload_too_large",
  unsupported_media_type: "problem.unsupported_media_type",
  unprocessable: "problem.unprocessable",
  locked: "problem.locked",
  rate_limited: "problem.rate_limited",
  unavailable: "problem.unavailable",
  internal: "problem.internal",
} as const satisfies Record<string, MessageKey>;

/** Why one field was refused (src/shared/errors.ts fieldErrorCodes), as a sentence about the field. */
export const FIELD_SENTENCES = {
  required: "fieldError.required",
  not_integer: "fieldError.not_integer",
  not_number: "fieldError.not_number",
  wrong_type: "fieldError.wrong_type",
  too_short: "fieldError.too_short",
  too_long: "fieldError.too_long",
  too_few: "fieldError.too_few",
  too_many: "fieldError.too_many",
  too_small: "fieldError.too_small",
  too_big: "fieldError.too_big",
  invalid_date: "fieldError.invalid_date",
  invalid_format: "fieldError.invalid_format",
  invalid_option: "fieldError.invalid_option",
  unknown_field: "fieldError.unknown_field",
  bad_text: "fieldError.bad_text",
  invalid: "fieldError.invalid",
} as const satisfies Record<string, MessageKey>;

export type FieldErrorCode = keyof typeof FIELD_SENTENCES;

/** One field error as the server sends it. */
export interface ServerFieldError {
  path: string;
  message?: string;
  code?: string;
  limit?: number;
}

export interface FieldSentence {
  /** The path without the request part it came in ("request.offences.0.maxPenaltyMonths"). */
  path: string;
  /** The form field it belongs to: the longest labelled path it starts with (else `path`). */
  field: string;
  /** The field's label, with the list item it belongs to ("Offence 1: Maximum penalty (months)"). */
  label: string;
  sentence: string;
}

const CONTEXTS = /^(body|querystring|params|headers)(\.|$)/;
const LANGS = new Set(["en", "fr", "es", "ar"]);

/** The path as forms know it: without the part of the request it came in ("body.", "querystring."). */
export const formPath = (path: string): string => path.replace(CONTEXTS, "");

const isIndex = (s: string): boolean => /^\d+$/.test(s);

/** "offences.0.category" → "offences.*.category": list indexes become `*`. */
export const patternOf = (path: string): string =>
  path
    .split(".")
    .map((s) => (isIndex(s) ? "*" : s))
    .join(".");

/** The longest prefix of `path` (whole segments) that `labels` knows, or null. */
export function knownPrefix(path: string, labels: Labels): string | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join(".");
    if (labels[patternOf(prefix)]) return prefix;
  }
  return null;
}

/** The list items a path lies in, named ("Offence 1"), and whether the path is such an item itself. */
function itemsOf(path: string, i18n: Pick<Translator, "t">): { names: string[]; whole: boolean } {
  const parts = path.split(".");
  const names: string[] = [];
  let whole = false;
  for (let n = 1; n <= parts.length; n++) {
    const last = parts[n - 1] ?? "";
    if (!isIndex(last)) continue;
    const key = ITEM_LABELS[patternOf(parts.slice(0, n).join("."))];
    if (!key) continue;
    names.push(i18n.t(key, { n: Number(last) + 1 }));
    if (n === parts.length) whole = true;
  }
  return { names, whole };
}

/**
 * A field's label for sentences: the form's own label (`labels` first, then the registry), inside the
 * list item it belongs to. An unknown path gets a neutral "one of the fields", never the path itself.
 */
export function fieldLabel(rawPath: string, i18n: Pick<Translator, "t">, labels: Labels = {}): string {
  const path = formPath(rawPath);
  const translation = /^(.*)\.translations\.([a-z]{2})$/.exec(path);
  if (translation?.[1] && LANGS.has(translation[2] ?? "")) {
    const base = fieldLabel(translation[1], i18n, labels);
    const language = i18n.t(`lang.${translation[2]}` as MessageKey);
    return i18n.t("label.translation", { field: base, language });
  }
  const items = itemsOf(path, i18n);
  if (items.whole) return items.names.join(", ");
  const own = knownPrefix(path, labels);
  const key = own ? labels[patternOf(own)] : FIELD_LABELS[patternOf(knownPrefix(path, FIELD_LABELS) ?? "")];
  const label = key ? i18n.t(key) : i18n.t("label.unknownField");
  return items.names.length > 0
    ? i18n.t("label.inItem", { item: items.names.join(", "), field: label })
    : label;
}

/** The label of a field alone, without the list item it is in ("Maximum penalty (months)"), or null. */
export function plainLabel(rawPath: string, i18n: Pick<Translator, "t">, labels: Labels = {}): string | null {
  const path = formPath(rawPath);
  const own = knownPrefix(path, labels);
  if (own === path) return i18n.t(labels[patternOf(own)] as MessageKey);
  const shared = knownPrefix(path, FIELD_LABELS);
  return shared === path ? i18n.t(FIELD_LABELS[patternOf(shared)] as MessageKey) : null;
}

const clean = (message: string): string => message.trim().replace(/\.$/, "");

/** One field error as a sentence naming the field. */
export function fieldSentence(e: ServerFieldError, i18n: Translator, labels: Labels = {}): FieldSentence {
  const path = formPath(String(e.path ?? ""));
  const field = knownPrefix(path, labels) ?? knownPrefix(path, FIELD_LABELS) ?? path;
  const label = fieldLabel(path, i18n, labels);
  const code = (e.code && e.code in FIELD_SENTENCES ? e.code : "invalid") as FieldErrorCode;
  const message = clean(String(e.message ?? ""));
  let sentence: string;
  if (code !== "invalid") {
    sentence = i18n.t(FIELD_SENTENCES[code], { field: label, limit: e.limit ?? 0 });
  } else if (!message) {
    sentence = i18n.t("fieldError.invalid", { field: label });
  } else if (i18n.lang === "en") {
    // A rule of the field's own (a check digit, a date that does not exist): the server's English
    // sentence says what is wrong, and English readers get it as it is, named by the label.
    sentence = i18n.t("fieldError.rule", { field: label, message });
  } else {
    sentence = i18n.t("fieldError.ruleTranslated", { field: label, message });
  }
  return { path, field, label, sentence };
}

/** The field errors of an error, as sentences (none for anything but a problem with `errors`). */
export function fieldSentences(error: unknown, i18n: Translator, labels: Labels = {}): FieldSentence[] {
  if (!(error instanceof ApiError)) return [];
  const errors: unknown = error.problem.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is ServerFieldError => !!e && typeof e === "object" && "path" in e)
    .filter((e) => formPath(String(e.path)) !== "")
    .map((e) => fieldSentence(e, i18n, labels));
}

/** The sentence for an error as a whole: its problem code's, a network failure's, or a generic one. */
export function problemSentence(error: unknown, i18n: Translator): string {
  if (error instanceof ApiError) {
    const key = PROBLEM_SENTENCES[error.code as keyof typeof PROBLEM_SENTENCES];
    if (key) return i18n.t(key);
    return i18n.t(error.status >= 500 ? "problem.internal" : "problem.unknown");
  }
  if (error instanceof TypeError) return i18n.t("problem.network");
  return i18n.t("problem.unknown");
}

/** True when the error is a stale write: someone else changed the record since it was read. */
export const isStale = (error: unknown): boolean => error instanceof ApiError && error.code === "stale";
