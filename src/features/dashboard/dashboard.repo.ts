import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { noticeReadableBy, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import type { Database } from "../../storage/schema.ts";
import type { DashboardCard, DashboardCardKey, DashboardItem } from "./dashboard.schema.ts";

type Db = Kysely<Database>;
type Viewer = Pick<Actor, "country" | "isSecretariat">;

/** Items shown per card: the ones that waited longest or fall due first. */
export const CARD_ITEMS = 5;
/** A refusal stays on the bureau's dashboard this long; the notice itself keeps it for good. */
const REFUSED_SHOWN_DAYS = 30;
/** Notices are shown for renewal this many months before their valid-until date (as reminded). */
const RENEWAL_MONTHS = 6;

/**
 * One card as SQL: the rows (a FROM clause with the table's own guard in WHERE), what each item
 * shows, and the order that puts the most pressing first.
 */
type CardSql = {
  recordType: DashboardItem["recordType"];
  from: RawBuilder<unknown>;
  where: RawBuilder<boolean>;
  id: RawBuilder<string>;
  label: RawBuilder<string>;
  category: RawBuilder<string | null>;
  reference: RawBuilder<string | null>;
  country: RawBuilder<string | null>;
  since: RawBuilder<Date>;
  due: RawBuilder<Date | string | null>;
  order: RawBuilder<unknown>;
};

type ItemRow = {
  id: string;
  label: string | null;
  category: string | null;
  reference: string | null;
  country: string | null;
  since: Date | string;
  due: Date | string | null;
  total: number | string;
};

const iso = (d: Date | string) => new Date(d).toISOString();
const NULL = sql<null>`NULL`;

/** The count and the first items of a card, in one statement (the window count runs before LIMIT). */
async function readCard(db: Db, key: DashboardCardKey, c: CardSql): Promise<DashboardCard> {
  const res = await sql<ItemRow>`
    SELECT ${c.id} AS id, ${c.label} AS label, ${c.category} AS category, ${c.reference} AS reference,
      ${c.country} AS country, ${c.since} AS since, ${c.due} AS due, count(*) OVER () AS total
    FROM ${c.from} WHERE ${c.where} ORDER BY ${c.order} LIMIT ${CARD_ITEMS}`.execute(db);
  return {
    key,
    count: Number(res.rows[0]?.total ?? 0),
    items: res.rows.map((r) => ({
      id: r.id,
      recordType: c.recordType,
      label: r.label ?? "",
      category: r.category,
      reference: r.reference,
      country: r.country,
      since: iso(r.since),
      due: r.due === null ? null : iso(r.due),
    })),
  };
}

const subjectLabel = sql<string>`coalesce(nullif(concat_ws(', ', n.subject_name, n.subject_forename), ''), n.type)`;

/** A notice card: the viewer's readable notices, with more conditions. */
const noticeCard = (
  v: Viewer,
  where: RawBuilder<boolean>,
  since: RawBuilder<Date>,
  extra: Partial<CardSql> = {},
): CardSql => ({
  recordType: "notice",
  from: sql`notices AS n`,
  where: sql<boolean>`${noticeReadableBy(v, "n")} AND ${where}`,
  id: sql`n.id::text`,
  label: subjectLabel,
  category: sql`n.type`,
  reference: sql`n.notice_number`,
  country: sql`n.owner`,
  since,
  due: NULL,
  order: sql`${since}, n.id`,
  ...extra,
});

const returnedAt = sql<Date>`(SELECT max(e.at) FROM notice_events AS e WHERE e.notice_id = n.id AND e.action = 'return_to_owner')`;

/** A bureau's own notices sent back by the Secretariat for more information, still to resubmit. */
export const noticesReturned = (db: Db, v: Viewer) =>
  readCard(
    db,
    "noticesReturned",
    noticeCard(
      v,
      sql`n.owner = ${v.country} AND n.state = 'draft' AND ${returnedAt} IS NOT NULL`,
      returnedAt,
    ),
  );

export const noticesRefused = (db: Db, v: Viewer, now: Date) =>
  readCard(
    db,
    "noticesRefused",
    noticeCard(
      v,
      sql`n.owner = ${v.country} AND n.state = 'refused' AND n.updated_at > ${now}::timestamptz - make_interval(days => ${REFUSED_SHOWN_DAYS})`,
      sql`n.updated_at`,
      { order: sql`n.updated_at DESC, n.id` },
    ),
  );

export const noticesRenewal = (db: Db, v: Viewer, now: Date) =>
  readCard(
    db,
    "noticesRenewal",
    noticeCard(
      v,
      sql`n.owner = ${v.country} AND n.state IN ('published', 'suspended') AND n.valid_until > ${now}
        AND n.valid_until <= ${now}::timestamptz + make_interval(months => ${RENEWAL_MONTHS})`,
      sql`coalesce(n.published_at, n.updated_at)`,
      { due: sql`n.valid_until`, order: sql`n.valid_until, n.id` },
    ),
  );

/** The Secretariat's review queue, longest-waiting first. */
export const reviewQueue = (db: Db, v: Viewer) =>
  readCard(
    db,
    "reviewQueue",
    noticeCard(v, sql`n.state IN ('submitted', 'under_review')`, sql`coalesce(n.submitted_at, n.updated_at)`),
  );

const diffusionCard = (v: Viewer, where: RawBuilder<boolean>): CardSql => ({
  recordType: "diffusion",
  from: sql`diffusions AS d`,
  where: sql<boolean>`${visibleTo(v, "d")} AND ${where}`,
  id: sql`d.id::text`,
  label: sql`d.payload->>'title'`,
  category: sql`d.kind`,
  reference: sql`d.payload->>'reference'`,
  country: sql`d.owner`,
  since: sql`d.created_at`,
  due: NULL,
  order: sql`d.created_at, d.id`,
});

/** Diffusions received by the viewer's country that nobody there has opened yet. */
export const diffusionsUnread = (db: Db, v: Viewer) =>
  readCard(
    db,
    "diffusionsUnread",
    diffusionCard(
      v,
      sql`d.owner <> ${v.country} AND NOT EXISTS (SELECT 1 FROM diffusion_reads AS dr WHERE dr.diffusion_id = d.id AND dr.country = ${v.country})`,
    ),
  );

export const diffusionsUnreviewed = (db: Db, v: Viewer) =>
  readCard(db, "diffusionsUnreviewed", diffusionCard(v, sql`d.review_state = 'unreviewed'`));

/** Trace requests addressed to the viewer's bureau and not yet answered, by deadline. */
export const tracesOpen = (db: Db, v: Viewer) =>
  readCard(db, "tracesOpen", {
    recordType: "trace_request",
    from: sql`firearm_trace_requests AS t`,
    where: sql<boolean>`fusion_trace_in_scope(t.requesting_country, t.addressed_country, ${v.country}, ${v.isSecretariat})
      AND t.addressed_country = ${v.country} AND t.status = 'open'`,
    id: sql`t.id::text`,
    label: sql`left(t.question, 200)`,
    category: sql`t.status`,
    reference: NULL,
    country: sql`t.requesting_country`,
    since: sql`t.created_at`,
    due: sql`t.deadline`,
    order: sql`t.deadline, t.created_at, t.id`,
  });

/** Hits on the viewer's records still awaiting the bureau's confirmation or rejection. */
export const hitsPending = (db: Db, v: Viewer) =>
  readCard(db, "hitsPending", {
    recordType: "screening_hit",
    from: sql`screening_hits AS h`,
    where: sql<boolean>`fusion_hit_visible(h.owner, h.checked_by_country, h.discreet, ${v.country}, ${v.isSecretariat})
      AND h.owner = ${v.country} AND h.state = 'pending'`,
    id: sql`h.id::text`,
    label: sql`coalesce(h.traveller->>'name', h.reference, h.category)`,
    category: sql`h.category`,
    reference: sql`h.reference`,
    country: sql`h.checked_by_country`,
    since: sql`h.at`,
    due: NULL,
    order: sql`h.seq`,
  });

const referralCard = (v: Viewer, where: RawBuilder<boolean>, order: RawBuilder<unknown>): CardSql => ({
  recordType: "referral",
  from: sql`content_referrals AS r JOIN api_clients AS c ON c.id = r.platform_client_id`,
  where: sql<boolean>`fusion_referral_in_scope(r.referring_country, r.platform_client_id, ${v.country}, NULL::uuid, ${v.isSecretariat})
    AND r.referring_country = ${v.country} AND r.resolved_at IS NULL AND ${where}`,
  id: sql`r.id::text`,
  label: sql`coalesce(r.url, c.name)`,
  category: sql`r.legal_basis`,
  reference: sql`c.name`,
  country: NULL,
  since: sql`r.created_at`,
  due: sql`r.deadline`,
  order,
});

/** The viewer's unit's referrals past their deadline with no answer from the platform. */
export const referralsOverdue = (db: Db, v: Viewer, now: Date) =>
  readCard(
    db,
    "referralsOverdue",
    referralCard(v, sql`r.deadline IS NOT NULL AND r.deadline < ${now}`, sql`r.deadline, r.id`),
  );

/** Referrals still waiting for the platform's answer (the overdue ones among them). */
export const referralsAwaiting = (db: Db, v: Viewer) =>
  readCard(db, "referralsAwaiting", referralCard(v, sql`TRUE`, sql`r.created_at, r.id`));
