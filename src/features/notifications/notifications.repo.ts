import { type Kysely, type RawBuilder, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { noticeReadableBy, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database, NotificationsTable } from "../../storage/schema.ts";
import type { Audience, Planned } from "./notifications.events.ts";
import type { NotificationView } from "./notifications.schema.ts";

type Db = Kysely<Database>;
type Reader = Pick<Actor, "id" | "country" | "isSecretariat">;
export type NotificationRow = Selectable<NotificationsTable>;

const BUREAU_ROLES = ["ncb_officer", "ncb_admin"];
const ANALYST_ROLES = ["content_analyst", "gs_analyst"];

/** The users an audience names, as a condition on `users AS u`. */
function audienceOf(a: Audience): RawBuilder<boolean> {
  switch (a.kind) {
    case "bureau":
      return sql<boolean>`u.country = ${a.country} AND u.role IN (${sql.join(BUREAU_ROLES)})`;
    case "analysts":
      return sql<boolean>`u.country = ${a.country} AND u.role IN (${sql.join(ANALYST_ROLES)})`;
    case "reviewers":
      return sql<boolean>`u.role = 'gs_reviewer' AND u.country IN (SELECT c.code FROM countries AS c WHERE c.kind = 'secretariat')`;
    case "distribution":
      // The record's own visibility rule, for each user's country, without the Secretariat's
      // oversight right: the bureaus the owner chose, and nobody else.
      return sql<boolean>`u.role IN (${sql.join(BUREAU_ROLES)}) AND u.country <> ${a.owner}
        AND fusion_can_see(${a.owner}, ${a.distribution}, ${sql.val([...a.countries])}::text[], u.country, false)`;
  }
}

/** One row per addressee, in the caller's transaction; the acting user is never told of their own act. */
export async function insertPlanned(db: Db, p: Planned, actorUserId: string | null, now: Date) {
  const detail = JSON.stringify(p.detail);
  const rows = await sql<{ id: string }>`
    INSERT INTO notifications (user_id, kind, record_type, record_id, detail, created_at)
    SELECT u.id, ${p.kind}, ${p.recordType}, ${p.recordId}::uuid, ${detail}::jsonb, ${now}
    FROM users AS u
    WHERE NOT u.disabled AND ${audienceOf(p.audience)}
      AND (${actorUserId}::uuid IS NULL OR u.id <> ${actorUserId}::uuid)
    RETURNING id`.execute(db);
  return rows.rows.length;
}

/**
 * The reader may still see the record a notification names: each record type through its own guard
 * (the same functions every other read of those tables uses). A notification whose record has left
 * the reader's sight is neither listed nor counted.
 */
export function recordVisible(reader: Reader): RawBuilder<boolean> {
  const gs = reader.isSecretariat;
  const c = reader.country;
  return sql<boolean>`(CASE n.record_type
    WHEN 'notice' THEN EXISTS (SELECT 1 FROM notices AS nt WHERE nt.id = n.record_id AND ${noticeReadableBy(reader, "nt")})
    WHEN 'diffusion' THEN EXISTS (SELECT 1 FROM diffusions AS df WHERE df.id = n.record_id AND ${visibleTo(reader, "df")})
    WHEN 'referral' THEN EXISTS (SELECT 1 FROM content_referrals AS rf WHERE rf.id = n.record_id
      AND fusion_referral_in_scope(rf.referring_country, rf.platform_client_id, ${c}, NULL::uuid, ${gs}))
    WHEN 'trace_request' THEN EXISTS (SELECT 1 FROM firearm_trace_requests AS tr WHERE tr.id = n.record_id
      AND fusion_trace_in_scope(tr.requesting_country, tr.addressed_country, ${c}, ${gs}))
    WHEN 'screening_hit' THEN EXISTS (SELECT 1 FROM screening_hits AS sh WHERE sh.id = n.record_id
      AND fusion_hit_visible(sh.owner, sh.checked_by_country, sh.discreet, ${c}, ${gs}))
    ELSE false END)`;
}

const mine = (db: Db, reader: Reader) =>
  db.selectFrom("notifications as n").where("n.user_id", "=", reader.id).where(recordVisible(reader));

export function toView(r: NotificationRow): NotificationView {
  return {
    id: Number(r.id),
    kind: r.kind as NotificationView["kind"],
    recordType: r.record_type,
    recordId: r.record_id,
    detail: r.detail as NotificationView["detail"],
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}

export async function list(db: Db, reader: Reader, q: { unread: boolean; page: number; pageSize: number }) {
  let base = mine(db, reader);
  if (q.unread) base = base.where("n.read_at", "is", null);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("n")
    .orderBy("n.id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function unreadCount(db: Db, reader: Reader): Promise<number> {
  const r = await mine(db, reader)
    .where("n.read_at", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Notifications after `afterId`, oldest first: what the live stream sends next. */
export const since = (db: Db, reader: Reader, afterId: number, limit: number) =>
  mine(db, reader).selectAll("n").where("n.id", ">", afterId).orderBy("n.id").limit(limit).execute();

/** The reader's newest notification id (0 if none): a new stream starts after it. */
export async function latestId(db: Db, reader: Reader): Promise<number> {
  const r = await db
    .selectFrom("notifications as n")
    .select((eb) => eb.fn.max("n.id").as("id"))
    .where("n.user_id", "=", reader.id)
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

export async function markRead(db: Db, reader: Reader, id: number, now: Date) {
  return db
    .updateTable("notifications as n")
    .set({ read_at: sql`coalesce(n.read_at, ${now})` })
    .where("n.id", "=", id)
    .where("n.user_id", "=", reader.id)
    .where(recordVisible(reader))
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: Db, reader: Reader, upTo: number | undefined, now: Date) {
  let q = db
    .updateTable("notifications as n")
    .set({ read_at: now })
    .where("n.user_id", "=", reader.id)
    .where("n.read_at", "is", null)
    .where(recordVisible(reader));
  if (upTo !== undefined) q = q.where("n.id", "<=", upTo);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The reader has opened a record: its notifications to them are read. */
export const markRecordRead = (db: Db, userId: string, recordType: string, recordId: string, now: Date) =>
  db
    .updateTable("notifications")
    .set({ read_at: now })
    .where("user_id", "=", userId)
    .where("record_type", "=", recordType as NotificationRow["record_type"])
    .where("record_id", "=", recordId)
    .where("read_at", "is", null)
    .execute();

/** A received diffusion opened by someone of the recipient country: the first opening counts. */
export const markDiffusionRead = (db: Db, diffusionId: string, country: string, userId: string, now: Date) =>
  db
    .insertInto("diffusion_reads")
    .values({ diffusion_id: diffusionId, country, read_by: userId, read_at: now })
    .onConflict((oc) => oc.columns(["diffusion_id", "country"]).doNothing())
    .execute();

/**
 * Whether a session is still open, without touching it: a page left open on the live stream must
 * not keep an idle session alive.
 */
export async function sessionOpen(db: Db, idHash: string, now: Date, idleMs: number): Promise<boolean> {
  const s = await db
    .selectFrom("sessions")
    .select(["expires_at", "last_seen_at"])
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  if (!s) return false;
  return (
    new Date(s.expires_at).getTime() > now.getTime() &&
    now.getTime() - new Date(s.last_seen_at).getTime() <= idleMs
  );
}
