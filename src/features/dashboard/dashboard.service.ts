import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { dashboardPolicy } from "./dashboard.policy.ts";
import * as repo from "./dashboard.repo.ts";
import type { DashboardCard, DashboardCardKey, DashboardView } from "./dashboard.schema.ts";

type Reader = (db: Kysely<Database>, actor: Actor, now: Date) => Promise<DashboardCard>;

/** Each card's query; every one reads its table through that table's own visibility guard. */
const readers: Record<DashboardCardKey, Reader> = {
  noticesReturned: (db, a) => repo.noticesReturned(db, a),
  noticesRefused: (db, a, now) => repo.noticesRefused(db, a, now),
  diffusionsUnread: (db, a) => repo.diffusionsUnread(db, a),
  noticesRenewal: (db, a, now) => repo.noticesRenewal(db, a, now),
  tracesOpen: (db, a) => repo.tracesOpen(db, a),
  hitsPending: (db, a) => repo.hitsPending(db, a),
  reviewQueue: (db, a) => repo.reviewQueue(db, a),
  diffusionsUnreviewed: (db, a) => repo.diffusionsUnreviewed(db, a),
  referralsOverdue: (db, a, now) => repo.referralsOverdue(db, a, now),
  referralsAwaiting: (db, a) => repo.referralsAwaiting(db, a),
};

/**
 * What needs the reader now, by role: counts and the items that waited longest, each a link to its
 * record. The read is audited (it shows names and titles from files) with the counts it showed.
 */
export function createDashboardService({ db, clock }: Deps) {
  async function get(actor: Actor): Promise<DashboardView> {
    if (!dashboardPolicy.read(actor))
      throw new AppError("forbidden", "A dashboard is for people who sign in, not for API clients.");
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const cards: DashboardCard[] = [];
      for (const key of dashboardPolicy.cards(actor)) cards.push(await readers[key](trx, actor, now));
      await appendAudit(trx, clock, actor, {
        action: "dashboard.read",
        detail: { counts: Object.fromEntries(cards.map((c) => [c.key, c.count])) },
      });
      return { role: actor.role, generatedAt: now.toISOString(), cards };
    });
  }

  return { get };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
