import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";

// A bureau keeps its own country's records under review.
const bureauRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];
// The Secretariat's file readers oversee every country's review (audited as oversight).
const oversightRoles: readonly Role[] = ["gs_reviewer", "gs_analyst"];

/** API clients act only within the scopes their bureau granted them. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const reviewPolicy = {
  /** Reading a country's due list or report: its own bureau, or the Secretariat for any country. */
  read: (actor: Actor, country: string) =>
    hasScope(actor, "records:read") &&
    ((bureauRoles.includes(actor.role) && !actor.isSecretariat && actor.country === country) ||
      (actor.isSecretariat && oversightRoles.includes(actor.role))),
  /** Re-validating: the owner country's bureau roles only (the row's owner is checked on the row). */
  revalidate: (actor: Actor) =>
    hasScope(actor, "records:write") && bureauRoles.includes(actor.role) && !actor.isSecretariat,
};
