import type { Selectable } from "kysely";
import type { AuditLogTable } from "../../storage/schema.ts";

/** The columns of the trail's CSV export, in order. */
export const auditCsvColumns = [
  "seq",
  "at",
  "actor_username",
  "actor_country",
  "actor_role",
  "action",
  "record_type",
  "record_id",
  "detail",
  "hash",
] as const;

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return before one)
 * is prefixed with an apostrophe, so that opening the export never runs what an actor typed (OWASP,
 * "CSV injection"). Quoting of commas, quotes and line breaks is the CSV writer's.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvRowOf(r: Selectable<AuditLogTable>): Record<(typeof auditCsvColumns)[number], string> {
  const text = (v: string | null) => neutralise(v ?? "");
  return {
    seq: String(r.seq),
    at: new Date(r.at).toISOString(),
    actor_username: text(r.actor_username),
    actor_country: text(r.actor_country),
    actor_role: text(r.actor_role),
    action: text(r.action),
    record_type: text(r.record_type),
    record_id: text(r.record_id),
    detail: neutralise(typeof r.detail === "string" ? r.detail : JSON.stringify(r.detail ?? {})),
    hash: r.hash,
  };
}
