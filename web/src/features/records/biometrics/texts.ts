import { errorMessage } from "../../../components/alert.tsx";
import { ApiError } from "../../../lib/api.ts";
import { hasOwnText, type I18n, type MessageKey } from "../../../lib/i18n/index.tsx";

/*
 * The server writes its problems in English. A reader in another language gets the known ones in
 * their language (face and template problems, missing fields); anything else keeps the server's own
 * sentence, so nothing it said is lost. Every problem is shown under the label of the field it
 * belongs to: a refused file under the file's label, a refused reason under the reason's.
 */

/** A message key built from data ("bio.finger.2"): the key when it exists, else null. */
const keyOf = (key: string): MessageKey | null => (hasOwnText("en", key) ? (key as MessageKey) : null);

/** "Right index" for finger position 2; "Unknown finger" for 0 or a code the app does not know. */
export function fingerText(i18n: I18n, position: number): string {
  const key = keyOf(`bio.finger.${position}`);
  return key ? i18n.t(key) : i18n.t("bio.finger.0");
}

/** The fingers as a list in the reader's language ("Left index, Right index"; Arabic commas in Arabic). */
export const fingersText = (i18n: I18n, fingers: readonly number[]): string =>
  fingers.length === 0
    ? "—"
    : new Intl.ListFormat(i18n.lang, { style: "short", type: "unit" }).format(
        fingers.map((f) => fingerText(i18n, f)),
      );

/** The template's standard in words ("ISO/IEC 19794-2:2005"), or a face model's name. */
export function formatText(i18n: I18n, format: string): string {
  if (format.startsWith("face:")) return i18n.t("bio.format.face", { model: format.slice(5) });
  const key = keyOf(`bio.format.${format}`);
  return key ? i18n.t(key) : format;
}

/** A score as the matcher gives it: similarity for faces, match score for fingerprints. */
export const scoreText = (i18n: I18n, score: number): string =>
  new Intl.NumberFormat(i18n.lang === "ar" ? "ar-u-nu-latn" : i18n.lang, {
    maximumFractionDigits: 3,
    minimumFractionDigits: 3,
  }).format(score);

// English sentences the server writes, and the key of each in the reader's language.
const KNOWN: readonly [RegExp, MessageKey][] = [
  [/no face was found/i, "bio.error.noFace"],
  [/faces were found/i, "bio.error.severalFaces"],
  [/could not be (decoded|read as an image)/i, "bio.error.undecodable"],
  [/pixels, over the limit/i, "bio.error.tooManyPixels"],
  [/fingerprint template cannot be read/i, "bio.error.badTemplate"],
  [/holds no minutiae/i, "bio.error.noMinutiae"],
  [/template is at most|too large|payload/i, "bio.error.tooLarge"],
  [/only the owner/i, "bio.error.notOwner"],
  [/too small|>=\s*1|required|expected string, received undefined/i, "bio.error.required"],
  [/too big|<=\s*\d+/i, "bio.error.tooLong"],
];

/** The sentence for one message: the server's in English, the known one's translation otherwise. */
export function messageText(i18n: I18n, message: string): string {
  if (i18n.lang === "en") return message;
  const known = KNOWN.find(([re]) => re.test(message));
  return known ? i18n.t(known[1]) : message;
}

export interface Problem {
  /** The form field it belongs to ("file", "source", "reason", "note", ...), or null for the form. */
  field: string | null;
  /** "Label: message", the label and (where known) the message in the reader's language. */
  sentence: string;
}

/**
 * The problems of a refused request, each under its field's label. `labels` names the form's fields;
 * `bodyField` is the field whose content is the request body (the file), which a 4xx without field
 * errors is about. A problem that belongs to no field (a lost connection, a refusal) has field null.
 */
export function problemsOf(
  error: unknown,
  i18n: I18n,
  labels: Record<string, string>,
  bodyField: string | null,
): Problem[] {
  if (error === undefined || error === null) return [];
  const sentence = (field: string, message: string) =>
    i18n.t("bio.error.field", { label: labels[field] ?? field, message });
  if (error instanceof ApiError) {
    const items = Array.isArray(error.problem.errors) ? error.problem.errors : [];
    const fielded = items.map((e: unknown): Problem => {
      const item = (e ?? {}) as { path?: unknown; message?: unknown };
      const raw = Array.isArray(item.path) ? item.path.join(".") : String(item.path ?? "");
      const named = raw.replace(/^(body|querystring|query)\.?/, "").split(".")[0] ?? "";
      // The body's own problems name it in the server's words ("template", "photo"): the file.
      const field = named in labels ? named : bodyField;
      const message = messageText(i18n, String(item.message ?? ""));
      return field ? { field, sentence: sentence(field, message) } : { field: null, sentence: message };
    });
    if (fielded.length > 0) return fielded;
    const detail = error.problem.detail ?? error.problem.title ?? "";
    const aboutBody =
      bodyField !== null &&
      (error.status === 413 || error.status === 415 || error.status === 422 || error.status === 400);
    if (aboutBody && detail)
      return [{ field: bodyField, sentence: sentence(bodyField, messageText(i18n, detail)) }];
    if (error.status === 403 && detail) return [{ field: null, sentence: messageText(i18n, detail) }];
  }
  return [{ field: null, sentence: errorMessage(error, i18n) }];
}
