import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";
import { GENESIS_HASH, rowHash } from "./audit.chain.ts";

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
  if (f.userId)
    q = q.where((eb) => eb.or([eb("actor_user_id", "=", f.userId!), eb("actor_client_id", "=", f.userId!)]));
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

export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
};

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
      if (r.prev_hash !== prev)
        return broken("prev_hash does not match the previous row (row removed or altered)");
      const expected = rowHash({ ...r, seq: Number(r.seq), at: new Date(r.at), detail: r.detail });
      if (r.hash !== expected) return broken("row content does not match its hash (row altered)");
      prev = r.hash;
      after = Number(r.seq);
      checked++;
    }
    if (rows.length < batch) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}
