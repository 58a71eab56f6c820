/** The wizard's steps, and which step holds each field of the request. */

export const WIZARD_STEPS = ["type", "subject", "details", "texts", "envelope", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The request's top-level parts shown on the details step (offences, warrant, the type's own fields). */
const DETAILS = new Set([
  "purpose",
  "offences",
  "arrestWarrant",
  "missing",
  "unableToIdentifySelf",
  "body",
  "threat",
  "modusOperandi",
  "assets",
  "sanctions",
]);
const TEXTS = new Set(["title", "summary", "charges", "language"]);

/**
 * The step that has a field, by its path in the request ("subject.sex", "offences.0.category") or in
 * the whole body ("request.title.text", "envelope.handlingNote", "publicExtract"). A path no step
 * edits goes to the review.
 */
export function stepOfField(path: string): WizardStep {
  const inRequest = path.startsWith("request.") ? path.slice("request.".length) : path;
  const head = inRequest.split(".")[0] ?? "";
  if (path.startsWith("envelope") || head === "envelope" || head === "publicExtract") return "envelope";
  if (head === "type") return "type";
  if (head === "subject") return "subject";
  if (DETAILS.has(head)) return "details";
  if (TEXTS.has(head)) return "texts";
  return "review";
}

/** The path in the request, without the body's "request." ("request.subject.sex" → "subject.sex"). */
export const requestPath = (path: string): string =>
  path.startsWith("request.") ? path.slice("request.".length) : path;
