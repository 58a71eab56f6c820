import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";
import type { ActorRole } from "./rules/lifecycle.ts";

// Notices are requested by bureaus (and international entities with a bureau-like account).
const requesterRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];

/** API clients act only within the scopes their bureau granted; notices are files like records. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const noticesPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  request: (actor: Actor) => requesterRoles.includes(actor.role) && hasScope(actor, "records:write"),
  /** Only the General Secretariat's compliance reviewers review, publish, refuse and cancel. */
  review: (actor: Actor) => actor.role === "gs_reviewer" && actor.isSecretariat && actor.kind === "user",
  /** Scheduled maintenance (expiry) runs as the platform operator. */
  maintain: (actor: Actor) => actor.kind === "system" || actor.role === "admin",
  /** The part the actor plays for the state machine on a notice owned by `owner`, or null. */
  roleOn: (actor: Actor, owner: string): ActorRole | null => {
    if (actor.country === owner && noticesPolicy.request(actor)) return "owner";
    if (noticesPolicy.review(actor)) return "gs_reviewer";
    return null;
  },
};
