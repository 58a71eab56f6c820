import { sha256Hex } from "../../shared/ids.ts";

/** The genesis value the first row's prev_hash points at. */
export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_client_id: string | null;
  actor_username: string | null;
  actor_country: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  detail: unknown;
  prev_hash: string;
};

/**
 * JSON with object keys sorted at every level. jsonb reorders keys, so the hash must not depend
 * on the order in which the caller built the detail object.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function rowHash(row: ChainedFields): string {
  return sha256Hex(
    canonicalJson({
      seq: row.seq,
      at: row.at.toISOString(),
      actor_user_id: row.actor_user_id,
      actor_client_id: row.actor_client_id,
      actor_username: row.actor_username,
      actor_country: row.actor_country,
      actor_role: row.actor_role,
      action: row.action,
      record_type: row.record_type,
      record_id: row.record_id,
      detail: row.detail,
      prev_hash: row.prev_hash,
    }),
  );
}
