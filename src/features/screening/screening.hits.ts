import type { Kysely } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import type { Database } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { seal } from "../auth/secret-box.ts";
import * as repo from "./screening.hits.repo.ts";
import { screeningPolicy } from "./screening.policy.ts";
import type { StoredHitView } from "./screening.schema.ts";

/*
 * The owner's side of a hit: its inbox (and the live stream the web app follows), the encounter
 * history of a traveller, the confirm / reject judgement, and the webhook to its national system.
 */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function hitView(r: repo.HitRow): StoredHitView {
  return {
    id: r.id,
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    checkedByCountry: r.checked_by_country,
    checkedBy: r.checked_by,
    location: r.location,
    traveller: r.traveller,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    reference: r.reference,
    category: r.category,
    score: r.score,
    explanation: r.explanation,
    action: r.action,
    discreet: r.discreet,
    owner: r.owner,
    state: r.state,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
  };
}

/**
 * Stores hits raised outside the name screening (a bureau's decision on a biometric screening
 * search) and queues them for their owners' webhooks, in the caller's transaction: they then reach
 * the owner exactly as a name hit does (inbox, live stream, signed webhook).
 */
export async function storeHits(
  db: Kysely<Database>,
  hits: repo.NewHit[],
  now: Date,
): Promise<repo.HitRow[]> {
  const rows = await repo.insertHits(db, hits);
  await repo.queueDeliveries(db, rows, now);
  return rows;
}

export function createHits({ db, clock, secretKey }: Deps) {
  const ensureRead = (actor: Actor) => {
    if (!screeningPolicy.readHits(actor))
      throw new AppError("forbidden", "Your role may not read screening hits.");
  };
  const notFound = () => new AppError("not_found", "No such hit.");

  return {
    async list(actor: Actor, q: repo.HitFilter & { limit: number }) {
      ensureRead(actor);
      const [rows, pending] = await Promise.all([
        repo.listHits(db, actor, q, q.limit),
        repo.countPending(db, actor),
      ]);
      return { items: rows.map(hitView), pending };
    },

    /** Hits after `seq`, oldest first: what the live stream sends next. */
    async since(actor: Actor, seq: number) {
      ensureRead(actor);
      return (await repo.listHits(db, actor, { afterSeq: seq }, 100)).map(hitView);
    },

    async get(actor: Actor, id: string) {
      ensureRead(actor);
      const row = await repo.findHit(db, actor, id);
      if (!row) throw notFound();
      return hitView(row);
    },

    /** Every hit on the same traveller the reader may see: where and when they were seen before. */
    async encounters(actor: Actor, id: string) {
      ensureRead(actor);
      const row = await repo.findHit(db, actor, id);
      if (!row) throw notFound();
      return (await repo.encounters(db, actor, row.traveller_key)).map(hitView);
    },

    async decide(
      actor: Actor,
      id: string,
      body: { decision: "confirm" | "reject"; note?: string | undefined },
    ) {
      ensureRead(actor);
      return db.transaction().execute(async (trx) => {
        const row = await repo.findHit(trx, actor, id, true);
        if (!row) throw notFound();
        if (!screeningPolicy.judgeHit(actor, row.owner))
          throw new AppError("forbidden", "Only the owner of the record hit confirms or rejects the match.");
        if (row.state !== "pending") throw new AppError("conflict", `The hit was already ${row.state}.`);
        const state = body.decision === "confirm" ? "confirmed" : "rejected";
        await repo.decide(trx, id, {
          state,
          decided_by: actor.kind === "user" ? actor.id : null,
          decided_at: clock.now(),
          decision_note: body.note ?? null,
        });
        await appendAudit(trx, clock, actor, {
          action: `screening.hit.${body.decision}`,
          recordType: row.subject_kind,
          recordId: row.subject_id,
          detail: { hitId: id },
        });
        const after = await repo.findHit(trx, actor, id);
        if (!after) throw notFound();
        return hitView(after);
      });
    },

    async setWebhook(actor: Actor, body: { url: string; secret: string }) {
      if (!screeningPolicy.manageWebhook(actor))
        throw new AppError("forbidden", "Only a bureau's administrator sets its webhook.");
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("screening_webhooks")
          .values({
            country: actor.country,
            url: body.url,
            secret_box: seal(secretKey, body.secret),
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .column("country")
              .doUpdateSet({ url: body.url, secret_box: seal(secretKey, body.secret), updated_at: now }),
          )
          .execute();
        await appendAudit(trx, clock, actor, { action: "screening.webhook.set", detail: { url: body.url } });
      });
      return { url: body.url };
    },

    async deleteWebhook(actor: Actor) {
      if (!screeningPolicy.manageWebhook(actor))
        throw new AppError("forbidden", "Only a bureau's administrator sets its webhook.");
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("screening_webhooks").where("country", "=", actor.country).execute();
        await appendAudit(trx, clock, actor, { action: "screening.webhook.delete" });
      });
    },
  };
}

export type Hits = ReturnType<typeof createHits>;
