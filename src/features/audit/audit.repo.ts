import { type Kysely, sql } from "kysely";
import { direction, sortOf } from "../../shared/list-sort.ts";
import type { Database } from "../../storage/schema.ts";
import type { auditSorts } from "./audit.schema.ts";

export type AuditFilter = {
  userId?: string | undefined;
  username?: string | undefined;
  country?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

export type AuditSort = (typeof auditSorts)[number];

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom("audit_log");
  const userId = f.userId;
  if (userId)
    q = q.where((eb) => eb.or([eb("actor_user_id", "=", userId), eb("actor_client_id", "=", userId)]));
  // Names are case-insensitive (as at login); the index on lower(actor_username) serves this.
  if (f.username) q = q.where(sql`lower(actor_username)`, "=", f.username.toLowerCase());
  if (f.country) q = q.where("actor_country", "=", f.country);
  if (f.recordId) q = q.where("record_id", "=", f.recordId);
  if (f.action) q = q.where("action", "like", `${f.action.replace(/[%_\\]/g, "\\$&")}%`);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<=", f.to);
  return q;
}

const sortColumns = { seq: "seq", actor: "actor_username", action: "action" } as const;

export async function listAudit(
  db: Kysely<Database>,
  f: AuditFilter,
  page: number,
  pageSize: number,
  sort: AuditSort = "-seq",
) {
  const q = filtered(db, f);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const { key, desc } = sortOf(sort);
  let ordered = q.selectAll().orderBy(sortColumns[key], direction(desc, key === "actor"));
  if (key !== "seq") ordered = ordered.orderBy("seq", "desc");
  const items = await ordered
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/**
 * The filtered trail in chain order, up to `upTo` (the export's own audit row, so that rows appended
 * while it streams do not join it), in pages (keyset) to bound memory.
 */
export async function* filteredRowsInOrder(db: Kysely<Database>, f: AuditFilter, upTo: number, batch = 1000) {
  let after = 0;
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll()
      .where("seq", ">", after)
      .where("seq", "<=", upTo)
      .orderBy("seq")
      .limit(batch)
      .execute();
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = Number(last.seq);
  }
}

/** The newest row's seq (0 for an empty trail). */
export async function headSeq(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select("seq")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/**
 * People and API clients whose name or display name contains `q` (any case): the names an auditor
 * filters the trail by. At most `limit`, people first.
 */
export async function findActors(db: Kysely<Database>, q: string | undefined, limit = 20) {
  const like = q ? `%${q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%` : "%";
  const users = await db
    .selectFrom("users")
    .select(["id", "username", "display_name", "role", "country"])
    .where((eb) =>
      eb.or([eb(sql`lower(username)`, "like", like), eb(sql`lower(display_name)`, "like", like)]),
    )
    .orderBy("username")
    .limit(limit)
    .execute();
  const clients = await db
    .selectFrom("api_clients")
    .select(["id", "name", "role", "country"])
    .where(sql`lower(name)`, "like", like)
    .orderBy("name")
    .limit(Math.max(0, limit - users.length))
    .execute();
  return [
    ...users.map((u) => ({
      kind: "user" as const,
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      country: u.country,
    })),
    ...clients.map((c) => ({
      kind: "client" as const,
      id: c.id,
      username: c.name,
      displayName: c.name,
      role: c.role,
      country: c.country,
    })),
  ];
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
