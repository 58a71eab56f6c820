import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { defaultReviewAt, envelopeOf } from "../../shared/envelope/envelope.sql.ts";
import { isOversightRead, oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { refuseStale } from "../../shared/versions.ts";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import { diffusionsPolicy } from "./diffusions.policy.ts";
import * as repo from "./diffusions.repo.ts";
import {
  type ListDiffusionsQuery,
  type ReviewDiffusionInput,
  reviewDiffusionSchema,
  type SendDiffusionInput,
  sendDiffusionSchema,
} from "./diffusions.schema.ts";

// Diffusions are re-validated by their sender as notices are: every five years.
const DIFFUSION_REVIEW_YEARS = 5;
const notFound = () => new AppError("not_found", "No such diffusion.");

/** What a notification needs of a diffusion: its envelope for the addressees, its title. */
const facts = (row: repo.DiffusionRow) => ({
  ...row,
  title: String((row.payload as { title?: unknown }).title ?? ""),
});

export function createDiffusionsService({ db, clock }: Deps, notifier: Notifier) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what}.`);
  }

  /** Sends at once: recipients see it immediately, marked as not yet reviewed by the GS. */
  async function send(actor: Actor, input: SendDiffusionInput) {
    ensure(diffusionsPolicy.send(actor), "send diffusions");
    const v = parseOrThrow(sendDiffusionSchema, input, "diffusion");
    const recipients = v.recipients === "all" ? [] : [...new Set(v.recipients)].sort();
    const unknown = recipients.filter((c) => !isMemberCountry(c) && !isInternationalEntity(c));
    if (unknown.length)
      throw new AppError("validation_failed", "Diffusions go to member countries.", {
        errors: [{ path: "recipients", message: `not members: ${unknown.join(", ")}` }],
      });
    const now = clock.now();
    const payload = { title: v.title, body: v.body, subject: v.subject, reference: v.reference };
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("diffusions")
        .values({
          kind: v.kind,
          payload: JSON.stringify(payload),
          review_state: "unreviewed",
          owner: actor.country,
          distribution: v.recipients === "all" ? "all" : "only",
          distribution_countries: recipients,
          handling_code: v.handlingCode,
          handling_note: v.handlingNote ?? null,
          source_reliability: v.sourceReliability,
          information_accuracy: v.informationAccuracy,
          source_type: v.sourceType,
          review_at: defaultReviewAt(now, DIFFUSION_REVIEW_YEARS),
          created_by: actor.kind === "user" ? actor.id : null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, clock, actor, {
        action: "diffusion.send",
        recordType: v.kind,
        recordId: row.id,
        detail: { recipients: v.recipients === "all" ? "all" : recipients },
      });
      await notifier.notify(trx, actor, { on: "diffusion", action: "sent", diffusion: facts(row) });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string) {
    ensure(diffusionsPolicy.read(actor), "read diffusions");
    if (!isUuid(id)) throw notFound();
    return db.transaction().execute(async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw notFound();
      await notifier.opened(trx, actor, { type: "diffusion", id, owner: row.owner });
      await appendAudit(trx, clock, actor, {
        action: "diffusion.read",
        recordType: row.kind,
        recordId: id,
        detail: { sender: row.owner, oversight: isOversightRead(envelopeOf(row), actor) },
      });
      return repo.toView(row);
    });
  }

  async function list(actor: Actor, q: ListDiffusionsQuery) {
    ensure(diffusionsPolicy.read(actor), "list diffusions");
    return db.transaction().execute(async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, q);
      await appendAudit(trx, clock, actor, {
        action: "diffusion.search",
        detail: { ...q, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** The General Secretariat confirms a diffusion or cancels it, with reasons, once. */
  async function review(actor: Actor, id: string, input: ReviewDiffusionInput) {
    ensure(diffusionsPolicy.review(actor), "review diffusions");
    const v = parseOrThrow(reviewDiffusionSchema, input, "review");
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const row = await repo.findVisible(trx, actor, id, true);
      if (!row) throw notFound();
      refuseStale(row, v.expectedVersion, "diffusion");
      if (row.review_state !== "unreviewed")
        throw new AppError("invalid_transition", `This diffusion was already ${row.review_state}.`, {
          reason: "already_reviewed",
        });
      const state = v.decision === "confirm" ? "confirmed" : "cancelled";
      const updated = await trx
        .updateTable("diffusions")
        .set({
          review_state: state,
          review_reasons: v.reasons,
          reviewed_by: actor.kind === "user" ? actor.id : null,
          reviewed_at: now,
          updated_at: now,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, clock, actor, {
        action: `diffusion.${v.decision}`,
        recordType: row.kind,
        recordId: id,
        detail: { reasons: v.reasons, sender: row.owner, oversight: isOversightRead(envelopeOf(row), actor) },
      });
      await notifier.notify(trx, actor, {
        on: "diffusion",
        action: v.decision,
        diffusion: facts(updated),
        reasons: v.reasons,
      });
      return repo.toView(updated);
    });
  }

  return { send, get, list, review };
}

export type DiffusionsService = ReturnType<typeof createDiffusionsService>;
