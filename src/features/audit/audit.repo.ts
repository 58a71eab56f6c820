import { type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Database } from "../../storage/schema.ts";
import { type ChainedFields, GENESIS_HASH, rowHash } from "./audit.chain.ts";

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
  const last = await trx.selectFrom("audit_log").select("hash").orderBy("seq", "desc").limit(1).executeTakeFirst();
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

export type AuditFilter = {
  userId?: string | undefined;
  username?: string | undefined;
  country?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

export async function listAudit(db: Kysely<Database>, f: AuditFilter, page: number, pageSize: number) {
  let q = db.selectFrom("audit_log");
  if (f.userId) q = q.where((eb) => eb.or([eb("actor_user_id", "=", f.userId!), eb("actor_client_id", "=", f.userId!)]));
  if (f.username) q = q.where("actor_username", "=", f.username);
  if (f.country) q = q.where("actor_country", "=", f.country);
  if (f.recordId) q = q.where("record_id", "=", f.recordId);
  if (f.action) q = q.where("action", "like", `${f.action.replace(/[%_\\]/g, "\\$&")}%`);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<=", f.to);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy("seq", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export type VerifyResult = { ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null };

/** Walks the whole chain in order, recomputing every hash. Reads in pages to bound memory. */
export async function verifyChain(db: Kysely<Database>, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(batch)
      .execute();
    for (const r of rows) {
      const broken = (reason: string) => ({ ok: false, checked, firstBrokenSeq: Number(r.seq), reason });
      if (r.prev_hash !== prev) return broken("prev_hash does not match the previous row (row removed or altered)");
      const expected = rowHash({ ...r, seq: Number(r.seq), at: new Date(r.at), detail: r.detail });
      if (r.hash !== expected) return broken("row content does not match its hash (row altered)");
      prev = r.hash;
      after = Number(r.seq);
      checked++;
    }
    if (rows.length < batch) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}
