import type { TestContext } from "../../../test/harness.ts";
import { wordOf } from "../../../test/matrix.ts";
import { type Actor, systemActor } from "../../shared/actor.ts";
import { envelope, redRequest } from "./notices.fixtures.ts";
import type { TransitionInput } from "./notices.schema.ts";
import type { NoticeAction } from "./rules/lifecycle.ts";

/**
 * Test support: brings a Red Notice to any state of the lifecycle through the service, as its owner
 * and the Secretariat would. The subject's names are words derived from the row's key, so a search
 * by the family name finds that notice (and its subject record) alone.
 */
export const reachableStates = [
  "draft",
  "returned",
  "withdrawn-draft",
  "submitted",
  "under_review",
  "refused",
  "published",
  "suspended",
  "withdrawn",
  "cancelled",
  "expired",
] as const;
export type Reachable = (typeof reachableStates)[number];

export type Mode = "all" | "only US" | "except US" | "only KE";
export const envelopeFor = (mode: Mode) =>
  mode === "all" ? envelope("all") : envelope(mode.startsWith("only") ? "only" : "except", [mode.slice(-2)]);

export type Made = { id: string; subjectRecordId: string; noticeNumber: string | null };

const DAY = 86_400_000;

/** The steps after creation that lead to each state (expiry is done once for all, see `expireAll`). */
type Step = [
  action: NoticeAction,
  by: "owner" | "gs",
  input?: TransitionInput | ((now: Date) => TransitionInput),
];
const steps: Record<Reachable, Step[]> = {
  draft: [],
  returned: [
    ["submit", "owner"],
    ["return_to_owner", "gs", { reasons: "Send the arrest warrant" }],
  ],
  "withdrawn-draft": [["withdraw", "owner"]],
  submitted: [["submit", "owner"]],
  under_review: [
    ["submit", "owner"],
    ["start_review", "gs"],
  ],
  refused: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["refuse", "gs", { reasons: "Article 3" }],
  ],
  published: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["publish", "gs"],
  ],
  suspended: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["publish", "gs"],
    ["suspend", "owner", (now) => ({ until: new Date(now.getTime() + 30 * DAY).toISOString() })],
  ],
  withdrawn: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["publish", "gs"],
    ["withdraw", "owner"],
  ],
  cancelled: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["publish", "gs"],
    ["cancel", "gs", { reasons: "Subject arrested" }],
  ],
  // Published here; `expireAll` moves the clock past its validity and runs the daily expiry.
  expired: [
    ["submit", "owner"],
    ["start_review", "gs"],
    ["publish", "gs"],
  ],
};

/** A notice owned by `owner`'s country, brought to `state`; the subject is named after `key`. */
export async function reach(
  t: TestContext,
  actors: { owner: Actor; gs: Actor },
  key: string,
  state: Reachable,
  mode: Mode,
  publicExtract = false,
): Promise<Made> {
  const s = t.services.notices;
  const request = redRequest(wordOf(key), wordOf(`${key} forename`));
  const offences = request.offences.map((o) => ({ ...o, country: actors.owner.country }));
  let n = await s.create(actors.owner, {
    request: { ...request, offences, subject: { ...request.subject, nationalities: [actors.owner.country] } },
    envelope: envelopeFor(mode),
    publicExtract,
  });
  for (const [action, by, input] of steps[state]) {
    const body = typeof input === "function" ? input(t.clock.now()) : input;
    n = await s.transition(by === "gs" ? actors.gs : actors.owner, n.id, action, body);
  }
  return { id: n.id, subjectRecordId: n.subjectRecordId as string, noticeNumber: n.noticeNumber };
}

/** Moves the clock past a Red Notice's five-year validity and runs the daily expiry job. */
export async function expireAll(t: TestContext): Promise<number> {
  t.clock.advance((5 * 366 + 1) * DAY);
  const r = await t.services.notices.expireDue(systemActor("XG"));
  return r.expired.length;
}
