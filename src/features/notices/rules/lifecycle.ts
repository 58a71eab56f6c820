import { AppError } from "../../../shared/errors.ts";
import type { NoticeType } from "./notice-types.ts";

/**
 * The notice state machine. The owner (the requesting bureau or entity) drafts, submits, suspends,
 * renews and withdraws; only the General Secretariat reviews, publishes, refuses and cancels; the
 * system expires notices at their valid-until date. Every refusal of a transition is an AppError
 * with the stable code "invalid_transition" and a `reason` in its details.
 */

export const noticeStates = [
  "draft",
  "submitted",
  "under_review",
  "published",
  "refused",
  "suspended",
  "withdrawn",
  "cancelled",
  "expired",
] as const;
export type NoticeState = (typeof noticeStates)[number];

export const noticeActions = [
  "edit",
  "submit",
  "start_review",
  "return_to_owner",
  "publish",
  "refuse",
  "suspend",
  "resume",
  "withdraw",
  "cancel",
  "expire",
  "renew",
  "add_addendum",
] as const;
export type NoticeAction = (typeof noticeActions)[number];

/** "owner" is the bureau or international entity that owns the notice; "system" is the scheduler. */
export type ActorRole = "owner" | "gs_reviewer" | "system";

export const terminalStates: ReadonlySet<NoticeState> = new Set([
  "refused",
  "withdrawn",
  "cancelled",
  "expired",
]);

/** An owner may suspend a published notice for at most this many months (then resume or withdraw). */
export const MAX_OWNER_SUSPENSION_MONTHS = 6;

interface Transition {
  from: readonly NoticeState[];
  to: NoticeState | "same";
  actors: readonly ActorRole[];
  /** A written reason is recorded with the transition. */
  needsReasons?: boolean;
}

const live: readonly NoticeState[] = ["published", "suspended"];

export const transitions: Readonly<Record<NoticeAction, Transition>> = {
  edit: { from: ["draft"], to: "same", actors: ["owner"] },
  submit: { from: ["draft"], to: "submitted", actors: ["owner"] },
  start_review: { from: ["submitted"], to: "under_review", actors: ["gs_reviewer"] },
  // The GS asks the owner for more information instead of refusing outright.
  return_to_owner: {
    from: ["submitted", "under_review"],
    to: "draft",
    actors: ["gs_reviewer"],
    needsReasons: true,
  },
  publish: { from: ["under_review"], to: "published", actors: ["gs_reviewer"] },
  refuse: { from: ["submitted", "under_review"], to: "refused", actors: ["gs_reviewer"], needsReasons: true },
  suspend: { from: ["published"], to: "suspended", actors: ["owner", "gs_reviewer"] },
  resume: { from: ["suspended"], to: "published", actors: ["owner", "gs_reviewer"] },
  withdraw: { from: ["draft", "submitted", "under_review", ...live], to: "withdrawn", actors: ["owner"] },
  cancel: { from: live, to: "cancelled", actors: ["gs_reviewer"], needsReasons: true },
  expire: { from: live, to: "expired", actors: ["system"] },
  renew: { from: ["published"], to: "same", actors: ["owner"] },
  // Addenda complete a published notice (new aliases, a hit, a new warrant); never a draft or a dead one.
  add_addendum: { from: ["published"], to: "same", actors: ["owner", "gs_reviewer"] },
};

export interface TransitionContext {
  /** Written reasons; required for refuse, cancel, return_to_owner, GS suspension and Red renewal. */
  reasons?: string;
  now?: Date;
  noticeType?: NoticeType;
  /** End of an owner's suspension. */
  suspendUntil?: Date;
  /** Who suspended the notice: an owner may not lift a GS suspension. */
  suspendedBy?: ActorRole;
  /** The notice's valid-until date; null for notices without one (UN Special Notices). */
  validUntil?: Date | null;
}

const fail = (
  reason: string,
  message: string,
  from: NoticeState,
  action: NoticeAction,
  actor: ActorRole,
): never => {
  throw new AppError("invalid_transition", message, { reason, from, action, actor });
};

const addMonths = (d: Date, months: number): Date => {
  const out = new Date(d.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
};

/** The rules that depend on more than state and actor. Throws on the first broken one. */
const checkRules = (
  from: NoticeState,
  action: NoticeAction,
  actor: ActorRole,
  ctx: TransitionContext,
): void => {
  const no = (reason: string, message: string) => fail(reason, message, from, action, actor);
  const hasReasons = (ctx.reasons ?? "").trim().length > 0;
  const t = transitions[action];
  if (t.needsReasons && !hasReasons) no("reasons_required", `"${action}" needs written reasons`);

  if (action === "suspend" && actor === "owner") {
    if (!ctx.suspendUntil || !ctx.now)
      no("suspension_end_missing", "An owner's suspension needs an end date");
    else if (ctx.suspendUntil.getTime() > addMonths(ctx.now, MAX_OWNER_SUSPENSION_MONTHS).getTime()) {
      no(
        "suspension_too_long",
        `An owner may suspend a notice for at most ${MAX_OWNER_SUSPENSION_MONTHS} months`,
      );
    } else if (ctx.suspendUntil.getTime() <= ctx.now.getTime()) {
      no("suspension_end_missing", "The suspension must end in the future");
    }
  }
  if (action === "suspend" && actor === "gs_reviewer" && !hasReasons) {
    no("reasons_required", "A suspension by the General Secretariat needs written reasons");
  }
  if (action === "resume" && actor === "owner" && ctx.suspendedBy === "gs_reviewer") {
    no("actor_not_allowed", "Only the General Secretariat lifts a suspension it imposed");
  }
  if (action === "expire") {
    if (ctx.validUntil === null) no("no_expiry", "This notice has no valid-until date and does not expire");
    if (!ctx.validUntil || !ctx.now || ctx.now.getTime() < ctx.validUntil.getTime()) {
      no("not_yet_expired", "A notice expires only once its valid-until date has passed");
    }
  }
  if (action === "renew") {
    if (ctx.validUntil && ctx.now && ctx.now.getTime() >= ctx.validUntil.getTime()) {
      no("already_expired", "An expired notice cannot be renewed; request a new one");
    }
    // Red Notices restrict liberty: keeping one alive needs a recorded justification.
    if (ctx.noticeType === "red" && !hasReasons)
      no("reasons_required", "Renewing a Red Notice needs recorded reasons");
  }
};

/** The state after `action` by `actor`, or an AppError "invalid_transition" saying why not. */
export function nextState(
  current: NoticeState,
  action: NoticeAction,
  actor: ActorRole,
  context: TransitionContext = {},
): NoticeState {
  const t = transitions[action];
  if (!t) return fail("unknown_action", `Unknown action "${String(action)}"`, current, action, actor);
  if (!t.from.includes(current)) {
    const state = terminalStates.has(current) ? `the final state "${current}"` : `state "${current}"`;
    return fail(
      "not_allowed_from_state",
      `Cannot ${action.replaceAll("_", " ")} a notice in ${state}`,
      current,
      action,
      actor,
    );
  }
  if (!t.actors.includes(actor)) {
    const who = t.actors
      .map((a) => (a === "gs_reviewer" ? "the General Secretariat" : `the ${a}`))
      .join(" or ");
    return fail(
      "actor_not_allowed",
      `Only ${who} may ${action.replaceAll("_", " ")} a notice`,
      current,
      action,
      actor,
    );
  }
  checkRules(current, action, actor, context);
  return t.to === "same" ? current : t.to;
}

/** Actions an actor may attempt from a state, by the table alone (context rules still apply). */
export const allowedActions = (current: NoticeState, actor: ActorRole): NoticeAction[] =>
  noticeActions.filter((a) => transitions[a].from.includes(current) && transitions[a].actors.includes(actor));
