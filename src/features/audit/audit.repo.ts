import type { Kysely } from "kysely";
import type { Database } from "../../storage/schema.ts";

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
  const userId = f.userId;
  if (userId)
    q = q.where((eb) => eb.or([eb("actor_user_id", "=", userId), eb("actor_client_id", "=", userId)]));
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

/** Every row in chain order, read in pages to bound memory. */
export async function* auditRowsInOrder(db: Kysely<Database>, batch = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(batch)
      .execute();
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = Number(last.seq);
  }
}

export type AuditHead = { seq: number; hash: string; count: number };

/** The newest row and the row count, from one statement so both describe the same moment. */
export async function readAuditHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => [
      "seq",
      "hash",
      eb
        .selectFrom("audit_log as all_rows")
        .select((c) => c.fn.countAll<number>().as("n"))
        .as("count"),
    ])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash, count: Number(row.count) } : null;
}

export async function auditHashAt(db: Kysely<Database>, seq: number): Promise<string | null> {
  const row = await db.selectFrom("audit_log").select("hash").where("seq", "=", seq).executeTakeFirst();
  return row?.hash ?? null;
}
