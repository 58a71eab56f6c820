import { type Kysely, sql } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { bankSharedWith, visibleTo } from "../../shared/envelope/envelope.sql.ts";
import { direction, sortOf } from "../../shared/list-sort.ts";
import type { Database } from "../../storage/schema.ts";
import type { ListReferralsQuery, ReferralView, StatsQuery } from "./referrals.schema.ts";

type Db = Kysely<Database>;

/**
 * Whose referrals a viewer sees: a platform its own; a country what it referred; the Secretariat
 * all. `country` is the viewer's, for the hash banks behind the referred entries.
 */
export type Scope =
  | { kind: "platform"; platformClientId: string; country: string }
  | { kind: "country"; country: string }
  | { kind: "all"; country: string };

/** The one guard of content_referrals (fusion_referral_in_scope, migration 006). */
const inScope = (scope: Scope) =>
  sql<boolean>`fusion_referral_in_scope(r.referring_country, r.platform_client_id, ${scope.kind === "country" ? scope.country : ""}, ${scope.kind === "platform" ? scope.platformClientId : null}::uuid, ${scope.kind === "all"})`;

/**
 * The referred entry's bank, as the viewer may see it: a platform only a bank shared with it, a
 * country only a bank in its sight. A referral never carries more than its reader may know.
 */
const entryBankVisible = (scope: Scope) =>
  scope.kind === "platform"
    ? bankSharedWith({ clientId: scope.platformClientId, country: scope.country }, "b")
    : visibleTo({ country: scope.country, isSecretariat: scope.kind === "all" }, "b");

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function base(db: Db, scope: Scope) {
  return db
    .selectFrom("content_referrals as r")
    .innerJoin("api_clients as c", "c.id", "r.platform_client_id")
    .leftJoin("platform_partners as p", "p.id", "r.partner_id")
    .leftJoin("hash_entries as e", (join) =>
      join
        .onRef("e.id", "=", "r.hash_entry_id")
        .on(
          sql<boolean>`EXISTS (SELECT 1 FROM hash_banks AS b WHERE b.id = e.bank_id AND ${entryBankVisible(scope)})`,
        ),
    )
    .selectAll("r")
    .select(["e.signal_type", "e.value as hash_value"])
    .select(sql<string>`coalesce(p.name, c.name)`.as("platform_name"))
    .where(inScope(scope));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

export function scopeOf(actor: Actor, isPlatform: boolean): Scope {
  if (isPlatform) return { kind: "platform", platformClientId: actor.id, country: actor.country };
  return { kind: actor.isSecretariat ? "all" : "country", country: actor.country };
}

/** The platform a referral goes to, if it is an API client at all. */
export const findPlatformClient = (db: Db, id: string) =>
  db
    .selectFrom("api_clients")
    .select(["id", "role", "country", "scopes", "revoked_at"])
    .where("id", "=", id)
    .executeTakeFirst();

export const isOverdue = (deadline: Date | null, resolvedAt: Date | null, now: Date) =>
  deadline !== null && (resolvedAt ?? now).getTime() > new Date(deadline).getTime();

export function toView(r: Row, now: Date): ReferralView {
  return {
    id: r.id,
    platformClientId: r.platform_client_id,
    platformName: r.platform_name,
    partnerId: r.partner_id,
    referringCountry: r.referring_country,
    url: r.url,
    hash:
      r.hash_entry_id !== null && r.signal_type && r.hash_value
        ? { entryId: r.hash_entry_id, signalType: r.signal_type, value: r.hash_value }
        : null,
    legalBasis: r.legal_basis,
    note: r.note,
    deadline: iso(r.deadline),
    overdue: isOverdue(
      r.deadline ? new Date(r.deadline) : null,
      r.resolved_at ? new Date(r.resolved_at) : null,
      now,
    ),
    state: r.state,
    outcomeReason: r.outcome_reason,
    geoBlockedCountries: r.geo_blocked_countries,
    createdAt: iso(r.created_at) as string,
    acknowledgedAt: iso(r.acknowledged_at),
    resolvedAt: iso(r.resolved_at),
  };
}

const sortColumns = {
  createdAt: sql.ref("r.created_at"),
  deadline: sql.ref("r.deadline"),
  state: sql.ref("r.state"),
  platform: sql`lower(coalesce(p.name, c.name))`,
} as const;

export const findScoped = (db: Db, scope: Scope, id: string) =>
  base(db, scope).where("r.id", "=", id).executeTakeFirst();

export async function listScoped(db: Db, scope: Scope, q: ListReferralsQuery, now: Date) {
  let query = base(db, scope);
  if (q.state) query = query.where("r.state", "=", q.state);
  if (q.overdue) {
    const overdue = sql<boolean>`(r.deadline IS NOT NULL AND coalesce(r.resolved_at, ${now}) > r.deadline)`;
    query = query.where(q.overdue === "true" ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  const { key, desc } = sortOf(q.sort ?? "-createdAt");
  return query
    .orderBy(sortColumns[key], direction(desc, key === "deadline"))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
}

type StatsRow = {
  platform_client_id: string;
  platform_name: string;
  bucket: string | null;
  total: number;
  open: number;
  acknowledged: number;
  removed: number;
  geo_blocked: number;
  refused: number;
  overdue: number;
  median_seconds: number | null;
};

/** Counts by state, overdue count and median time to action, per platform (and per period). */
export async function stats(db: Db, scope: Scope, q: StatsQuery, now: Date, byPeriod: boolean) {
  const where: ReturnType<typeof sql>[] = [inScope(scope)];
  if (q.from) where.push(sql`r.created_at >= ${q.from}::date`);
  if (q.to) where.push(sql`r.created_at < (${q.to}::date + 1)`);
  const bucket = byPeriod
    ? sql`to_char(date_trunc(${q.period}, r.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`
    : sql`NULL::text`;
  const res = await sql<StatsRow>`
    SELECT r.platform_client_id, coalesce(p.name, c.name) AS platform_name, ${bucket} AS bucket,
      count(*)::int AS total,
      count(*) FILTER (WHERE r.state = 'open')::int AS open,
      count(*) FILTER (WHERE r.state = 'acknowledged')::int AS acknowledged,
      count(*) FILTER (WHERE r.state = 'removed')::int AS removed,
      count(*) FILTER (WHERE r.state = 'geo_blocked')::int AS geo_blocked,
      count(*) FILTER (WHERE r.state = 'refused')::int AS refused,
      count(*) FILTER (WHERE r.deadline IS NOT NULL AND coalesce(r.resolved_at, ${now}) > r.deadline)::int AS overdue,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at))
        FILTER (WHERE r.resolved_at IS NOT NULL) AS median_seconds
    FROM content_referrals r JOIN api_clients c ON c.id = r.platform_client_id
      LEFT JOIN platform_partners p ON p.id = r.partner_id
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY 1, 2, 3 ORDER BY 3 NULLS FIRST, 2, 1`.execute(db);
  return res.rows.map((r) => ({
    platformClientId: r.platform_client_id,
    platformName: r.platform_name,
    periodStart: r.bucket ?? "",
    total: r.total,
    byState: {
      open: r.open,
      acknowledged: r.acknowledged,
      removed: r.removed,
      geo_blocked: r.geo_blocked,
      refused: r.refused,
    },
    overdue: r.overdue,
    medianMinutesToAction: r.median_seconds === null ? null : Math.round(Number(r.median_seconds) / 6) / 10,
  }));
}
