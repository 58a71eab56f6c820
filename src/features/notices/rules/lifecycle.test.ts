import { describe, expect, it } from "vitest";
import { AppError } from "../../../shared/errors.ts";
import {
  type ActorRole,
  allowedActions,
  type NoticeAction,
  type NoticeState,
  nextState,
  noticeStates,
  type TransitionContext,
  terminalStates,
} from "./lifecycle.ts";

const now = new Date("2026-03-01T00:00:00Z");

const refusal = (s: NoticeState, a: NoticeAction, actor: ActorRole, ctx: TransitionContext = {}) => {
  try {
    nextState(s, a, actor, ctx);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, reason: e.details?.reason, message: e.message };
    throw e;
  }
  throw new Error(`${a} from ${s} by ${actor} was allowed`);
};

describe("nextState", () => {
  it("walks the happy path from draft to published", () => {
    let s: NoticeState = "draft";
    s = nextState(s, "edit", "owner");
    s = nextState(s, "submit", "owner");
    s = nextState(s, "start_review", "gs_reviewer");
    s = nextState(s, "publish", "gs_reviewer");
    expect(s).toBe("published");
    expect(nextState(s, "add_addendum", "owner")).toBe("published");
  });

  it("lets only the General Secretariat review, publish, refuse and cancel", () => {
    expect(refusal("under_review", "publish", "owner")).toMatchObject({
      code: "invalid_transition",
      reason: "actor_not_allowed",
    });
    expect(refusal("submitted", "start_review", "owner").reason).toBe("actor_not_allowed");
    expect(refusal("under_review", "refuse", "owner", { reasons: "x" }).reason).toBe("actor_not_allowed");
    expect(refusal("published", "cancel", "owner", { reasons: "x" }).reason).toBe("actor_not_allowed");
    expect(refusal("under_review", "publish", "owner").message).toMatch(/General Secretariat/);
  });

  it("requires reasons to refuse, cancel or return a request", () => {
    expect(refusal("under_review", "refuse", "gs_reviewer").reason).toBe("reasons_required");
    expect(refusal("under_review", "refuse", "gs_reviewer", { reasons: "   " }).reason).toBe(
      "reasons_required",
    );
    expect(nextState("under_review", "refuse", "gs_reviewer", { reasons: "Article 3" })).toBe("refused");
    expect(refusal("published", "cancel", "gs_reviewer").reason).toBe("reasons_required");
    expect(nextState("suspended", "cancel", "gs_reviewer", { reasons: "arrested" })).toBe("cancelled");
    expect(nextState("under_review", "return_to_owner", "gs_reviewer", { reasons: "add DOB" })).toBe("draft");
  });

  it("limits an owner's suspension to six months", () => {
    const ok = { now, suspendUntil: new Date("2026-08-31T00:00:00Z") };
    expect(nextState("published", "suspend", "owner", ok)).toBe("suspended");
    const tooLong = { now, suspendUntil: new Date("2026-09-02T00:00:00Z") };
    expect(refusal("published", "suspend", "owner", tooLong).reason).toBe("suspension_too_long");
    expect(refusal("published", "suspend", "owner", { now }).reason).toBe("suspension_end_missing");
    expect(refusal("published", "suspend", "owner", { now, suspendUntil: now }).reason).toBe(
      "suspension_end_missing",
    );
    expect(nextState("suspended", "resume", "owner", { suspendedBy: "owner" })).toBe("published");
  });

  it("keeps a GS suspension for the GS to lift", () => {
    expect(refusal("published", "suspend", "gs_reviewer").reason).toBe("reasons_required");
    expect(nextState("published", "suspend", "gs_reviewer", { reasons: "new information" })).toBe(
      "suspended",
    );
    expect(refusal("suspended", "resume", "owner", { suspendedBy: "gs_reviewer" }).reason).toBe(
      "actor_not_allowed",
    );
    expect(nextState("suspended", "resume", "gs_reviewer", { suspendedBy: "gs_reviewer" })).toBe("published");
  });

  it("lets the owner withdraw at any live stage", () => {
    for (const s of ["draft", "submitted", "under_review", "published", "suspended"] as const) {
      expect(nextState(s, "withdraw", "owner")).toBe("withdrawn");
    }
    expect(refusal("published", "withdraw", "gs_reviewer").reason).toBe("actor_not_allowed");
  });

  it("expires only at the valid-until date, and never a UN Special Notice", () => {
    const validUntil = new Date("2026-03-01T00:00:00Z");
    expect(nextState("published", "expire", "system", { now, validUntil })).toBe("expired");
    expect(nextState("suspended", "expire", "system", { now, validUntil })).toBe("expired");
    const early = { now: new Date("2026-02-28T23:59:59Z"), validUntil };
    expect(refusal("published", "expire", "system", early).reason).toBe("not_yet_expired");
    expect(refusal("published", "expire", "system", { now, validUntil: null }).reason).toBe("no_expiry");
    expect(refusal("published", "expire", "owner", { now, validUntil }).reason).toBe("actor_not_allowed");
  });

  it("needs recorded reasons to renew a Red Notice, and a live one", () => {
    const validUntil = new Date("2026-06-01T00:00:00Z");
    expect(refusal("published", "renew", "owner", { noticeType: "red", now, validUntil }).reason).toBe(
      "reasons_required",
    );
    expect(
      nextState("published", "renew", "owner", {
        noticeType: "red",
        now,
        validUntil,
        reasons: "still wanted",
      }),
    ).toBe("published");
    expect(nextState("published", "renew", "owner", { noticeType: "blue", now, validUntil })).toBe(
      "published",
    );
    const late = { noticeType: "blue" as const, now: validUntil, validUntil };
    expect(refusal("published", "renew", "owner", late).reason).toBe("already_expired");
  });

  it("allows addenda only on published notices", () => {
    for (const s of noticeStates.filter((x) => x !== "published")) {
      expect(refusal(s, "add_addendum", "owner").reason).toBe("not_allowed_from_state");
    }
  });

  it("leaves final states only by no action at all", () => {
    for (const s of terminalStates) {
      for (const actor of ["owner", "gs_reviewer", "system"] as const)
        expect(allowedActions(s, actor)).toEqual([]);
      expect(refusal(s, "publish", "gs_reviewer").message).toMatch(/final state/);
    }
  });

  it("lists what each actor may do", () => {
    expect(allowedActions("published", "owner")).toEqual(["suspend", "withdraw", "renew", "add_addendum"]);
    expect(allowedActions("under_review", "gs_reviewer")).toEqual(["return_to_owner", "publish", "refuse"]);
    expect(allowedActions("published", "system")).toEqual(["expire"]);
  });
});
