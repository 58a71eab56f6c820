import type { Kysely, Updateable } from "kysely";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { refuseStale } from "../../shared/versions.ts";
import type { Database, NoticesTable } from "../../storage/schema.ts";
import { appendAudit } from "../audit/audit.append.ts";
import type { Notifier } from "../notifications/notifications.service.ts";
import { showReadableLookalikes } from "./notices.lookalikes.ts";
import { noticesPolicy } from "./notices.policy.ts";
import * as repo from "./notices.repo.ts";
import type { ExpiryResult, TransitionInput } from "./notices.schema.ts";
import { checkCompliance, type DuplicateCandidate, riskScore } from "./rules/compliance.ts";
import { type ActorRole, type NoticeAction, type NoticeState, nextState } from "./rules/lifecycle.ts";
import { type NoticeRequest, noticeRequest } from "./rules/notice-request.ts";
import { type NoticeType, validUntil } from "./rules/notice-types.ts";

// Name similarity (pg_trgm) from which another notice is shown to the reviewer as a look-alike.
const SIMILAR_FROM = 0.5;

type Patch = Updateable<NoticesTable>;
type Trx = Kysely<Database>;

/** The compliance findings and risk score of a request, with look-alikes found in the database. */
async function assess(trx: Trx, row: repo.NoticeRow, now: Date): Promise<Patch> {
  const request = noticeRequest.parse(row.request) as NoticeRequest;
  const similar = await repo.similarNotices(trx, row.id, row.search_text);
  const possibleDuplicates: DuplicateCandidate[] = similar
    .filter((s) => s.score >= SIMILAR_FROM)
    .map((s) => ({
      id: s.id,
      noticeId: s.notice_number ?? s.id,
      type: s.type as NoticeType,
      owner: s.owner,
      status: s.state,
      score: Number(s.score),
    }));
  const findings = checkCompliance(request, { requester: row.owner, now, possibleDuplicates });
  return { findings: JSON.stringify(findings), risk_score: riskScore(findings), submitted_at: now };
}

/** What an action changes besides the state. */
async function effects(
  trx: Trx,
  action: NoticeAction,
  row: repo.NoticeRow,
  role: ActorRole,
  input: TransitionInput,
  now: Date,
): Promise<Patch> {
  switch (action) {
    case "submit":
      return assess(trx, row, now);
    case "publish": {
      if ((row.findings as { severity: string }[]).some((f) => f.severity === "block"))
        throw new AppError("invalid_transition", "A request with blocking findings cannot be published.", {
          reason: "blocking_findings",
        });
      const until = validUntil(row.type as NoticeType, now);
      return { notice_number: await repo.nextNoticeNumber(trx, now), published_at: now, valid_until: until };
    }
    case "renew":
      // Every extension is justified on the record, not only a Red Notice's (lifecycle.ts).
      if (!input.reasons?.trim())
        throw new AppError("invalid_transition", "Extending a notice's validity needs recorded reasons.", {
          reason: "reasons_required",
        });
      return { valid_until: validUntil(row.type as NoticeType, now) };
    case "suspend":
      return {
        suspended_until: input.until ? new Date(input.until) : null,
        suspended_by: role === "owner" ? "owner" : "gs_reviewer",
      };
    case "resume":
      return { suspended_until: null, suspended_by: null };
    case "add_addendum": {
      const addendum = { at: now.toISOString(), by: role, text: input.text };
      return { addenda: JSON.stringify([...(row.addenda as unknown[]), addendum]) };
    }
    default:
      return {};
  }
}

/** Applies one state-machine action inside `trx`: checks, update, history row and audit row. */
export async function applyAction(
  deps: Pick<Deps, "clock">,
  trx: Trx,
  actor: Actor,
  row: repo.NoticeRow,
  role: ActorRole,
  action: NoticeAction,
  input: TransitionInput,
): Promise<repo.NoticeRow> {
  const now = deps.clock.now();
  const to = nextState(row.state as NoticeState, action, role, {
    reasons: input.reasons,
    now,
    noticeType: row.type as NoticeType,
    suspendUntil: input.until ? new Date(input.until) : undefined,
    suspendedBy: row.suspended_by ?? undefined,
    validUntil: row.valid_until ? new Date(row.valid_until) : null,
  });
  const patch = await effects(trx, action, row, role, input, now);
  const updated = await trx
    .updateTable("notices")
    .set({ ...patch, state: to, updated_at: now })
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const detail = { noticeNumber: updated.notice_number, ...(input.until ? { until: input.until } : {}) };
  await trx
    .insertInto("notice_events")
    .values(
      repo.eventValues({
        noticeId: row.id,
        actor,
        action,
        from: row.state,
        to,
        reasons: input.reasons,
        detail,
        at: now,
      }),
    )
    .execute();
  await appendAudit(trx, deps.clock, actor, {
    action: `notice.${action}`,
    recordType: row.type,
    recordId: row.id,
    detail: { from: row.state, to, role, ...(input.reasons ? { reasons: input.reasons } : {}) },
  });
  return updated;
}

export function createTransitions(deps: Deps, notifier: Notifier) {
  const { db, clock } = deps;

  /** Any state-machine action on one notice by a user or client; the notice's owner or the GS. */
  async function transition(actor: Actor, id: string, action: NoticeAction, input: TransitionInput = {}) {
    if (!noticesPolicy.read(actor)) throw new AppError("forbidden", "Your role may not act on notices.");
    if (!isUuid(id)) throw new AppError("not_found", "No such notice.");
    return db.transaction().execute(async (trx) => {
      const row = await repo.findReadable(trx, actor, id, true);
      if (!row) throw new AppError("not_found", "No such notice.");
      const role = noticesPolicy.roleOn(actor, row.owner);
      if (!role)
        throw new AppError("forbidden", "Only the owner or the General Secretariat acts on a notice.");
      refuseStale(row, input.expectedVersion, "notice");
      try {
        const done = await applyAction(deps, trx, actor, row, role, action, input);
        await notifier.notify(trx, actor, {
          on: "notice",
          action,
          by: role,
          notice: done,
          reasons: input.reasons,
        });
        const [view] = await showReadableLookalikes(trx, actor, [repo.toView(done, role, clock.now())]);
        if (!view) throw new AppError("internal", "The notice was not returned.");
        return view;
      } catch (e) {
        // The state machine says who may act; over HTTP that is a 403, not a conflict.
        if (e instanceof AppError && e.details?.reason === "actor_not_allowed")
          throw new AppError("forbidden", e.message, e.details);
        throw e;
      }
    });
  }

  /**
   * Expires live notices whose valid-until date has passed and lists those due within six months,
   * for reminders to their owners. Run daily by `fusion notices expire`.
   */
  async function expireDue(actor: Actor, now: Date = clock.now()): Promise<ExpiryResult> {
    if (!noticesPolicy.maintain(actor)) throw new AppError("forbidden", "Only the operator runs expiry.");
    const at = { now: () => now };
    const expired = await db.transaction().execute(async (trx) => {
      const due = await repo.dueForExpiry(trx, now);
      const out = [];
      for (const row of due) {
        const done = await applyAction({ clock: at }, trx, actor, row, "system", "expire", {});
        await notifier.notify(trx, actor, { on: "notice", action: "expire", by: "system", notice: done });
        out.push({ id: done.id, noticeNumber: done.notice_number, owner: done.owner });
      }
      return out;
    });
    const horizon = new Date(now);
    horizon.setUTCMonth(horizon.getUTCMonth() + repo.RENEWAL_REMINDER_MONTHS);
    const soon = await repo.dueForRenewal(db, now, horizon);
    await remindOwners(actor, soon, now);
    const dueSoon = soon.map((r) => ({
      id: r.id,
      noticeNumber: r.notice_number,
      owner: r.owner,
      validUntil: new Date(r.valid_until as Date).toISOString(),
    }));
    return { expired, dueSoon };
  }

  /**
   * Writes one reminder into each due notice's history per validity period (a renewal moves
   * valid-until and so earns a new reminder), so the owner sees it on the notice and the act is
   * audited. Running the daily job twice does not remind twice.
   */
  async function remindOwners(
    actor: Actor,
    due: {
      id: string;
      valid_until: Date | string | null;
      state: string;
      owner: string;
      notice_number: string | null;
    }[],
    now: Date,
  ) {
    for (const n of due) {
      const validUntil = new Date(n.valid_until as Date).toISOString();
      await db.transaction().execute(async (trx) => {
        if (await repo.reminderSent(trx, n.id, validUntil)) return;
        await trx
          .insertInto("notice_events")
          .values(
            repo.eventValues({
              noticeId: n.id,
              actor,
              action: "renewal_reminder",
              from: n.state,
              to: n.state,
              detail: { validUntil },
              at: now,
            }),
          )
          .execute();
        await appendAudit(trx, { now: () => now }, actor, {
          action: "notice.renewal_reminder",
          recordType: "notice",
          recordId: n.id,
          detail: { validUntil },
        });
        await notifier.notify(trx, actor, {
          on: "notice",
          action: "renewal_reminder",
          by: "system",
          notice: n,
          validUntil,
        });
      });
    }
  }

  return { transition, expireDue };
}
