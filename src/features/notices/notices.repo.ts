import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { envelopeOf, noticeReadableBy } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
import { allWordsIn } from "../../shared/name-query.sql.ts";
import { type NameQuery, parseNameQuery } from "../../shared/name-query.ts";
import type { Database, NoticesTable } from "../../storage/schema.ts";
import type { ListNoticesQuery, NoticeEventView, NoticeView } from "./notices.schema.ts";
import { type ActorRole, allowedActions, type NoticeState } from "./rules/lifecycle.ts";
import type { NoticeType } from "./rules/notice-types.ts";

type Viewer = Pick<Actor, "country" | "isSecretariat">;
export type NoticeRow = Selectable<NoticesTable>;
type Db = Kysely<Database>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Owners are reminded this many months before a live notice's valid-until date. */
export const RENEWAL_REMINDER_MONTHS = 6;

/** True when a live notice expires within the reminder window: the owner should renew it or let it go. */
export function renewalDue(row: Pick<NoticeRow, "state" | "valid_until">, now: Date): boolean {
  if (!row.valid_until || !["published", "suspended"].includes(row.state)) return false;
  const horizon = new Date(now);
  horizon.setUTCMonth(horizon.getUTCMonth() + RENEWAL_REMINDER_MONTHS);
  return new Date(row.valid_until) <= horizon;
}

export function toView(row: NoticeRow, role: ActorRole | null, now: Date): NoticeView {
  return {
    id: row.id,
    noticeNumber: row.notice_number,
    type: row.type as NoticeType,
    state: row.state as NoticeState,
    request: row.request,
    language: row.language as NoticeView["language"],
    translations: row.translations,
    subjectRecordId: row.subject_record_id,
    findings: row.findings as NoticeView["findings"],
    riskScore: row.risk_score,
    publicExtract: row.public_extract,
    addenda: row.addenda as NoticeView["addenda"],
    submittedAt: iso(row.submitted_at),
    publishedAt: iso(row.published_at),
    validUntil: iso(row.valid_until),
    renewalDue: renewalDue(row, now),
    suspendedUntil: iso(row.suspended_until),
    envelope: envelopeOf(row),
    allowedActions: role ? allowedActions(row.state as NoticeState, role) : [],
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    version: row.version,
  };
}

/**
 * Who reads a notice: the owner always; the General Secretariat every request once submitted
 * (drafts are the owner's working copy); other countries only published notices distributed to
 * them. One SQL function (migration 006) on top of the envelope rule.
 */
export const readable = (viewer: Viewer) => () => noticeReadableBy(viewer, "n");

export const findReadable = (db: Db, viewer: Viewer, id: string, lock = false) => {
  const q = db.selectFrom("notices as n").selectAll("n").where("n.id", "=", id).where(readable(viewer));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

const noticeSortColumns = {
  updatedAt: sql`n.updated_at`,
  title: sql`lower(n.request #>> '{title,text}')`,
  type: sql`n.type`,
  state: sql`n.state`,
  owner: sql`n.owner`,
} as const;

export async function listReadable(db: Db, viewer: Viewer & { id?: string }, q: ListNoticesQuery) {
  let base = db.selectFrom("notices as n").where(readable(viewer));
  if (q.scope === "mine") base = base.where("n.created_by", "=", viewer.id ?? null);
  if (q.scope === "bureau") base = base.where("n.owner", "=", viewer.country);
  if (q.scope === "received") base = base.where("n.owner", "<>", viewer.country);
  if (q.state) base = base.where("n.state", "=", q.state);
  if (q.type) base = base.where("n.type", "=", q.type);
  if (q.owner) base = base.where("n.owner", "=", q.owner);
  if (q.q) base = base.where(noticeMatches(parseNameQuery(q.q)));
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("n")
    .$call((qb) => {
      const { key, desc } = sortOf(q.sort ?? "-updatedAt");
      const ordered = qb.orderBy(noticeSortColumns[key], direction(desc, key === "title"));
      return key === "updatedAt" ? ordered : ordered.orderBy("n.updated_at", "desc");
    })
    .orderBy("n.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/**
 * A notice whose subject is named in the query (any order, part of a name, an alias or the name in
 * its original script), or the notice with this number or UN reference.
 */
export function noticeMatches(q: NameQuery) {
  return (eb: ExpressionBuilder<Database & { n: NoticesTable }, "n">) => {
    if (q.noticeNumber) return eb("n.notice_number", "=", q.noticeNumber);
    if (q.unReference)
      return eb.and([
        eb("n.type", "=", "un_special"),
        eb(sql<string>`n.request ->> 'unReference'`, "=", q.unReference),
      ]);
    return allWordsIn(sql.ref("n.search_text"), q.words);
  };
}

/** Which of these notices the viewer may read. */
export async function readableIds(db: Db, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("notices as n")
    .select("n.id")
    .where((eb) => eb("n.id", "=", eb.fn.any(eb.val(ids))))
    .where(readable(viewer))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Requests awaiting the General Secretariat, riskiest first, then oldest first. */
export async function reviewQueue(db: Db, viewer: Viewer, page: number, pageSize: number) {
  const base = db
    .selectFrom("notices as n")
    .where(readable(viewer))
    .where("n.state", "in", ["submitted", "under_review"]);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("n")
    .orderBy("n.risk_score", "desc")
    .orderBy("n.submitted_at")
    .orderBy("n.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The General Secretariat's reviewers, for whom look-alikes are searched (they see every one). */
const reviewers: Viewer = { country: "XG", isSecretariat: true };

/**
 * Live or pending notices whose subject's names look like this one's (pg_trgm similarity), as the
 * Secretariat's reviewers see them. Stored with the findings; each other reader is shown only
 * those it may read itself (notices.lookalikes.ts).
 */
export async function similarNotices(db: Db, id: string, searchText: string) {
  if (searchText.trim() === "") return [];
  const score = sql<number>`similarity(n.search_text, ${searchText})`;
  return db
    .selectFrom("notices as n")
    .select(["n.id", "n.type", "n.owner", "n.state", "n.notice_number", score.as("score")])
    .where(noticeReadableBy(reviewers, "n"))
    .where("n.id", "<>", id)
    .where("n.state", "in", ["submitted", "under_review", "published", "suspended"])
    .where(sql<boolean>`n.search_text % ${searchText}`)
    .orderBy(score, "desc")
    .limit(5)
    .execute();
}

export type EventInput = {
  noticeId: string;
  actor: Pick<Actor, "kind" | "id" | "username" | "country" | "role">;
  action: string;
  from: string | null;
  to: string;
  reasons?: string | null | undefined;
  detail?: Record<string, unknown>;
  at: Date;
};

export const eventValues = (e: EventInput) => ({
  notice_id: e.noticeId,
  at: e.at,
  actor_user_id: e.actor.kind === "user" ? e.actor.id : null,
  actor_username: e.actor.username,
  actor_country: e.actor.country,
  actor_role: e.actor.role,
  action: e.action,
  from_state: e.from,
  to_state: e.to,
  reasons: e.reasons ?? null,
  detail: JSON.stringify(e.detail ?? {}),
});

/** A readable notice's history, oldest first; nothing for a notice out of the viewer's sight. */
export async function history(db: Db, viewer: Viewer, id: string): Promise<NoticeEventView[]> {
  const rows = await db
    .selectFrom("notice_events as e")
    .innerJoin("notices as n", "n.id", "e.notice_id")
    .selectAll("e")
    .where("e.notice_id", "=", id)
    .where(readable(viewer))
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actor: r.actor_username,
    actorCountry: r.actor_country,
    actorRole: r.actor_role,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    reasons: r.reasons,
    detail: r.detail,
  }));
}

/** A fresh published number, "YYYY/NNNNN", from one counter shared by all notices. */
export async function nextNoticeNumber(db: Db, now: Date): Promise<string> {
  const r = await sql<{ n: number }>`SELECT nextval('notice_number_seq')::int8 AS n`.execute(db);
  return `${now.getUTCFullYear()}/${String(r.rows[0]?.n).padStart(5, "0")}`;
}

/*
 * The operator's daily expiry job. It reads notices by date, not for any viewer, and shows nothing
 * to anyone: it changes states (each change audited as the system) and reminds owners in their own
 * notices' history. These three reads are on the SQL audit's allowlist for that reason.
 */

/** Live notices past their valid-until date, locked for the expiry transaction. */
export const dueForExpiry = (db: Db, now: Date) =>
  db
    .selectFrom("notices")
    .selectAll()
    .where("state", "in", ["published", "suspended"])
    .where("valid_until", "<=", now)
    .orderBy("valid_until")
    .forUpdate()
    .execute();

/** Live notices whose valid-until date falls within the reminder horizon. */
export const dueForRenewal = (db: Db, now: Date, horizon: Date) =>
  db
    .selectFrom("notices")
    .select(["id", "notice_number", "owner", "valid_until", "state"])
    .where("state", "in", ["published", "suspended"])
    .where("valid_until", ">", now)
    .where("valid_until", "<=", horizon)
    .orderBy("valid_until")
    .execute();

/** Whether this validity period's reminder is already in the notice's history. */
export async function reminderSent(db: Db, noticeId: string, validUntil: string): Promise<boolean> {
  const earlier = await db
    .selectFrom("notice_events")
    .select("id")
    .where("notice_id", "=", noticeId)
    .where("action", "=", "renewal_reminder")
    .where(sql<boolean>`detail->>'validUntil' = ${validUntil}`)
    .executeTakeFirst();
  return earlier !== undefined;
}

// Serialises the creation of one UN listing across concurrent imports (with its reference's hash).
const UN_LISTING_LOCK = 7303;

/**
 * Takes the lock of one UN reference for the caller's transaction and says whether it is already
 * listed (live): then another import got there first and there is nothing to create.
 */
export async function claimUnListing(db: Db, ref: string): Promise<boolean> {
  await sql`SELECT pg_advisory_xact_lock(${UN_LISTING_LOCK}, hashtext(${ref}))`.execute(db);
  const live = await db
    .selectFrom("un_listings")
    .select("reference_number")
    .where("reference_number", "=", ref)
    .where("delisted_at", "is", null)
    .executeTakeFirst();
  return live !== undefined;
}
