import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { GroupCommit } from "../../shared/group-commit.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import { createWatchlistFeed } from "./screening.feed.ts";
import * as hitsRepo from "./screening.hits.repo.ts";
import type { ObjectQuery } from "./screening.objects.ts";
import { screeningPolicy } from "./screening.policy.ts";
import {
  createScreener,
  overallAction,
  type Screened,
  type ScreenedHit,
  type Traveller,
} from "./screening.screen.ts";

/*
 * Border screening: travellers checked one by one or a flight at a time, every query and every hit
 * in the audit trail, every hit stored for its owner (and queued for the owner's national system)
 * in the same transaction, and the officer told what to do - never the file.
 */

export type HitView = {
  hitId: string | null;
  score: number;
  match: boolean;
  kind: ScreenedHit["kind"];
  category: string;
  reference: string;
  caption: string;
  action: string;
  contact: { country: string; name: string };
  explanation: Record<string, unknown>;
};

export type TravellerResult = {
  /** True when the traveller matched a record (a discreet one included). */
  hit: boolean;
  /** What the officer is to do; null when there is no match. */
  action: string | null;
  /** True when the only matches are discreet checks: the officer sees no detail of them. */
  discreet: boolean;
  /** Matches and possible matches, best first; discreet ones are the owner's alone to see. */
  hits: HitView[];
};

const YIELD_EVERY = 200;

/** What a hit keeps of the traveller: the facts screened, not the zone's raw text. */
const travellerRecord = (id: string, t: Traveller) => ({
  id,
  name: t.name,
  dateOfBirth: t.dateOfBirth,
  nationality: t.nationality,
  sex: t.sex,
  documents: t.documents.map((d) => ({ number: d.number, country: d.country, type: d.type })),
});

export type ScreenContext = { location?: string | undefined; today: string; now: number };

export function createScreeningService(deps: Deps, notifier: Notifier) {
  const { db, clock } = deps;
  const feed = createWatchlistFeed(deps);
  const screen = createScreener(deps, feed);
  // Concurrent checks share their audit and hit writes' transactions (each still durable first).
  const writer = new GroupCommit(db);

  const view = (h: ScreenedHit, hitId: string | null): HitView => ({
    hitId,
    score: h.score,
    match: h.match,
    kind: h.kind,
    category: h.category,
    reference: h.reference,
    caption: h.caption,
    action: h.action,
    contact: h.contact,
    explanation: h.explanation,
  });

  /** The answer for the asker: a discreet match on another country's record shows as an instruction only. */
  function resultFor(
    actor: Actor,
    matches: ScreenedHit[],
    possible: ScreenedHit[],
    ids: Map<ScreenedHit, string>,
  ) {
    const shown = (h: ScreenedHit) => !h.discreet || h.owner === actor.country;
    const visible = matches.filter(shown);
    return {
      hit: matches.length > 0,
      action: overallAction(matches),
      discreet: matches.length > 0 && visible.length === 0,
      hits: [...visible, ...possible].map((h) => view(h, ids.get(h) ?? null)),
    } satisfies TravellerResult;
  }

  /**
   * Screens travellers and, in one transaction, stores their hits (a rejected match for the same
   * traveller and record is not raised again), queues the owners' webhooks and writes the audit:
   * one row for the query, one per hit.
   */
  async function screenAll(
    actor: Actor,
    travellers: readonly { position: number; id: string; traveller: Traveller; objects?: ObjectQuery }[],
    ctx: ScreenContext,
    audit: { action: string; detail: Record<string, unknown> },
    onProgress?: (screened: number) => void,
    only?: ReadonlySet<ScreenedHit["kind"]>,
  ): Promise<Map<number, TravellerResult>> {
    const screened: { position: number; id: string; traveller: Traveller; result: Screened }[] = [];
    // The watchlist is brought up to date once per slice, not once per passenger.
    let watchlist = await feed.current();
    for (const t of travellers) {
      const result = await screen(t.traveller, actor, ctx.today, ctx.now, t.objects, watchlist);
      if (only) {
        result.matches = result.matches.filter((m) => only.has(m.kind));
        result.possible = [];
      }
      screened.push({ ...t, result });
      // A long manifest gives way to other requests between slices: the node stays responsive.
      if (screened.length % YIELD_EVERY === 0) {
        onProgress?.(screened.length);
        await new Promise((resolve) => setImmediate(resolve));
        watchlist = await feed.current();
      }
    }
    onProgress?.(screened.length);
    return writer.write(async (trx) => {
      const out = new Map<number, TravellerResult>();
      let hitCount = 0;
      for (const s of screened) {
        const rows = await hitsRepo.insertHits(
          trx,
          s.result.matches.map((m) => ({
            at: new Date(ctx.now),
            checked_by_country: actor.country,
            checked_by: actor.username,
            checked_by_kind: actor.kind === "client" ? "client" : "user",
            location: ctx.location ?? null,
            traveller: JSON.stringify(travellerRecord(s.id, s.traveller)),
            traveller_key: s.result.travellerKey,
            subject_kind: m.kind,
            subject_id: m.sourceId,
            reference: m.reference,
            category: m.category,
            score: m.score,
            explanation: JSON.stringify(m.explanation),
            action: m.action,
            discreet: m.discreet,
            owner: m.owner,
          })),
        );
        await hitsRepo.queueDeliveries(trx, rows, new Date(ctx.now));
        // The owner's bureau is told of each hit on its records, in the hits' own transaction.
        if (rows.length) await notifier.notify(trx, actor, { on: "hits", hits: rows });
        const ids = new Map(s.result.matches.map((m, i) => [m, rows[i]?.id ?? ""]));
        for (const r of rows)
          await appendAudit(trx, clock, actor, {
            action: "screening.hit",
            recordType: r.subject_kind,
            recordId: r.subject_id,
            detail: {
              hitId: r.id,
              owner: r.owner,
              score: r.score,
              discreet: r.discreet,
              position: s.position,
            },
          });
        hitCount += rows.length;
        out.set(s.position, resultFor(actor, s.result.matches, s.result.possible, ids));
      }
      await appendAudit(trx, clock, actor, {
        action: audit.action,
        detail: {
          ...audit.detail,
          location: ctx.location ?? null,
          travellers: travellers.length,
          hits: hitCount,
        },
      });
      return out;
    });
  }

  const context = (location?: string): ScreenContext => {
    const now = clock.now();
    return { location, today: now.toISOString().slice(0, 10), now: now.getTime() };
  };

  return {
    feed,
    context,
    screenAll,
    ensureScreen(actor: Actor): void {
      if (!screeningPolicy.screen(actor))
        throw new AppError("forbidden", "Your role may not screen travellers.");
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
