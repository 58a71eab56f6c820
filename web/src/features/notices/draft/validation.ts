import type { Obj } from "../../../lib/form-parse.ts";
import type { CatalogueEntry, Finding } from "../types.ts";
import { toRequest } from "./to-request.ts";
import type { NoticeDraft } from "./types.ts";

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

const at = (o: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Obj)[k] : undefined), o);

/**
 * The required fields still missing, as the server's compliance check will report them on submission;
 * the list comes from the server's catalogue entry for the draft's type. A fast local preview only:
 * the server's findings are authoritative.
 */
export function missingFields(d: NoticeDraft, entry: CatalogueEntry | undefined): Finding[] {
  if (!d.type || !entry) return [];
  const request = toRequest(d);
  return entry.requiredFields
    .filter((path) => isEmpty(at(request, path)))
    .map((path) => ({ code: "missing_field", severity: "block" as const, field: path, message: path }));
}
