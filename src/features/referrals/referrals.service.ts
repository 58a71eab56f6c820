import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { ContentService } from "../content/content.service.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import type { PartnersService } from "./partners.service.ts";
import { referralsPolicy } from "./referrals.policy.ts";
import * as repo from "./referrals.repo.ts";
import {
  type CreateReferralInput,
  createReferralSchema,
  type ListReferralsQuery,
  type OutcomeInput,
  outcomeSchema,
  REMOVAL_ORDER_DEADLINE_MS,
  type ReferralView,
  type StatsQuery,
  type StatsView,
} from "./referrals.schema.ts";

/**
 * Referrals of terrorist content to online platforms: a referral unit refers a URL or a bank entry
 * with a legal basis; the platform, through its API client, acknowledges and reports the outcome.
 * A platform only ever sees its own referrals.
 */
export function createReferralsService(
  { db, clock }: Deps,
  content: ContentService,
  notifier: Notifier,
  partners: PartnersService,
) {
  function scopeFor(actor: Actor): repo.Scope {
    const platform = referralsPolicy.platform(actor);
    if (!platform && !referralsPolicy.refer(actor))
      throw new AppError("forbidden", "Your role may not see content referrals.");
    return repo.scopeOf(actor, platform);
  }

  /** The referred platform must be a live platform client able to receive referrals. */
  async function checkPlatform(id: string) {
    const c = await repo.findPlatformClient(db, id);
    if (c?.role !== "platform_partner" || c.revoked_at || !c.scopes.includes("content:referrals"))
      throw new AppError("validation_failed", "The referral is not valid.", {
        errors: [
          { path: "platformClientId", message: "not an active platform client with content:referrals" },
        ],
      });
    return { clientId: c.id, country: c.country };
  }

  async function create(actor: Actor, input: CreateReferralInput): Promise<ReferralView> {
    if (!referralsPolicy.refer(actor)) throw new AppError("forbidden", "Your role may not refer content.");
    const v = parseOrThrow(createReferralSchema, input, "referral");
    // Picked by name from the directory (or named by its API client): the partner must be active.
    const target = await partners.forReferral(v);
    const platform = await checkPlatform(target.clientId);
    // An entry travels only from a bank the referrer may see AND that is shared with the platform:
    // a referral must not hand a platform a hash from a bank it was never given.
    if (v.hashEntryId !== undefined) await content.entryForReferral(actor, v.hashEntryId, platform);
    const now = clock.now();
    const deadline =
      v.legalBasis === "removal_order"
        ? new Date(now.getTime() + REMOVAL_ORDER_DEADLINE_MS)
        : v.deadline
          ? new Date(v.deadline)
          : null;
    if (deadline && deadline <= now)
      throw new AppError("validation_failed", "The referral is not valid.", {
        errors: [{ path: "deadline", message: "the deadline must be in the future" }],
      });
    return db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto("content_referrals")
        .values({
          referring_country: actor.country,
          referred_by: actor.kind === "user" ? actor.id : null,
          platform_client_id: platform.clientId,
          partner_id: target.partnerId,
          url: v.url ?? null,
          hash_entry_id: v.hashEntryId ?? null,
          legal_basis: v.legalBasis,
          note: v.note ?? null,
          deadline,
          state: "open",
          geo_blocked_countries: [],
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await appendAudit(trx, clock, actor, {
        action: "referral.create",
        recordType: "content_referral",
        recordId: r.id,
        detail: {
          platform: platform.clientId,
          partner: target.partnerId,
          legalBasis: v.legalBasis,
          hashEntryId: v.hashEntryId ?? null,
        },
      });
      const row = await repo.findScoped(trx, repo.scopeOf(actor, false), r.id);
      if (!row) throw new AppError("internal", "The referral was not stored.");
      return repo.toView(row, now);
    });
  }

  async function list(actor: Actor, q: ListReferralsQuery) {
    const scope = scopeFor(actor);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const rows = await repo.listScoped(trx, scope, q, now);
      await appendAudit(trx, clock, actor, {
        action: "referral.list",
        detail: { state: q.state ?? null, overdue: q.overdue ?? null, returned: rows.length },
      });
      return { items: rows.map((r) => repo.toView(r, now)), page: q.page, pageSize: q.pageSize };
    });
  }

  async function get(actor: Actor, id: string): Promise<ReferralView> {
    const scope = scopeFor(actor);
    return db.transaction().execute(async (trx) => {
      const row = isUuid(id) ? await repo.findScoped(trx, scope, id) : undefined;
      if (!row) throw new AppError("not_found", "No such referral.");
      await appendAudit(trx, clock, actor, {
        action: "referral.read",
        recordType: "content_referral",
        recordId: id,
      });
      return repo.toView(row, clock.now());
    });
  }

  /** The platform's side: acknowledge, then report what it did. Finished referrals stay finished. */
  async function transition(actor: Actor, id: string, outcome: OutcomeInput | "acknowledge") {
    if (!referralsPolicy.platform(actor))
      throw new AppError("forbidden", "Only the platform the content was referred to may answer.");
    const o = outcome === "acknowledge" ? null : parseOrThrow(outcomeSchema, outcome, "outcome");
    const now = clock.now();
    const scope = repo.scopeOf(actor, true);
    return db.transaction().execute(async (trx) => {
      const row = isUuid(id) ? await repo.findScoped(trx, scope, id) : undefined;
      if (!row) throw new AppError("not_found", "No such referral.");
      const allowed = o ? ["open", "acknowledged"] : ["open"];
      if (!allowed.includes(row.state))
        throw new AppError(
          "invalid_transition",
          `The referral is ${row.state}; it cannot be ${o ? "resolved" : "acknowledged"} now.`,
        );
      await trx
        .updateTable("content_referrals")
        .set(
          o
            ? {
                state: o.outcome,
                outcome_reason: o.reason ?? null,
                geo_blocked_countries: o.outcome === "geo_blocked" ? [...new Set(o.countries)].sort() : [],
                resolved_at: now,
                acknowledged_at: row.acknowledged_at ?? now,
                updated_at: now,
              }
            : { state: "acknowledged", acknowledged_at: now, updated_at: now },
        )
        .where("id", "=", row.id)
        .execute();
      await appendAudit(trx, clock, actor, {
        action: o ? "referral.outcome" : "referral.acknowledge",
        recordType: "content_referral",
        recordId: row.id,
        detail: o ? { outcome: o.outcome, countries: o.countries ?? [], reason: o.reason ?? null } : {},
      });
      const updated = await repo.findScoped(trx, scope, row.id);
      if (!updated) throw new AppError("internal", "The referral vanished.");
      if (o)
        await notifier.notify(trx, actor, {
          on: "referral",
          referral: {
            id: updated.id,
            referringCountry: updated.referring_country,
            outcome: updated.state,
            platformName: updated.platform_name,
          },
        });
      return repo.toView(updated, now);
    });
  }

  async function stats(actor: Actor, q: StatsQuery): Promise<StatsView> {
    const scope = scopeFor(actor);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const byPlatform = (await repo.stats(trx, scope, q, now, false)).map(({ periodStart: _, ...r }) => r);
      const byPeriod = await repo.stats(trx, scope, q, now, true);
      await appendAudit(trx, clock, actor, { action: "referral.stats", detail: { ...q } });
      return { period: q.period, byPlatform, byPeriod };
    });
  }

  return {
    create,
    list,
    get,
    stats,
    acknowledge: (actor: Actor, id: string) => transition(actor, id, "acknowledge"),
    reportOutcome: (actor: Actor, id: string, input: OutcomeInput) => transition(actor, id, input),
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
