import { type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Database } from "../../storage/schema.ts";
import { type ChainedFields, GENESIS_HASH, rowHash } from "./audit.chain.ts";

/*
 * The one write path into the audit trail. Every feature calls it inside its own transaction, so
 * this file (unlike the audit repo and service) is open to all features by design.
 */

export type AuditEvent = {
  action: string;
  recordType?: string | undefined;
  recordId?: string | undefined;
  detail?: Record<string, unknown> | undefined;
};

/** Any actor-like source of an audit row; failed logins have no actor yet, only a claimed name. */
export type AuditActor = Pick<Actor, "kind" | "id" | "username" | "country" | "role"> | null;

// Serialises writers so the chain has one well-defined order on a multi-connection server.
const AUDIT_LOCK_KEY = 7302;

/**
 * Appends one row to the chain. Call it inside the transaction of the act it records, so the act
 * and its audit row commit or roll back together.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  clock: Clock,
  actor: AuditActor,
  event: AuditEvent,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom("audit_log")
    .select("hash")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const seqRow = await sql<{ seq: number }>`SELECT nextval('audit_log_seq_seq')::int8 AS seq`.execute(trx);
  const seq = Number(seqRow.rows[0]?.seq);
  const fields: ChainedFields = {
    seq,
    // Millisecond precision so the stored value reads back exactly as hashed.
    at: new Date(clock.now().getTime()),
    actor_user_id: actor?.kind === "user" ? actor.id : null,
    actor_client_id: actor?.kind === "client" ? actor.id : null,
    actor_username: actor?.username ?? null,
    actor_country: actor?.country ?? null,
    actor_role: actor?.role ?? null,
    action: event.action,
    record_type: event.recordType ?? null,
    record_id: event.recordId ?? null,
    detail: event.detail ?? {},
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto("audit_log")
    .values({ ...fields, detail: JSON.stringify(fields.detail), hash: rowHash(fields) })
    .execute();
}
