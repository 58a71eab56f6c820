import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

/*
 * Who does what in biometric search (docs/biometric-search.md):
 *  - search and review: the file readers (bureau officers and admins, the Secretariat's reviewers
 *    and analysts); API clients of those roles with the `biometrics:search` scope;
 *  - decide: bureau officers and admins of the searching country - the Secretariat for its own
 *    searches. A decision says what a person concluded, so it is a user's, never a client's.
 * Screening searches are stored by the screening check itself (screening's own policy).
 */
const deciderRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const biometricsPolicy = {
  search: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "biometrics:search"),
  review: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "biometrics:search"),
  decide: (actor: Actor, searchCountry: string) =>
    actor.kind === "user" &&
    searchCountry === actor.country &&
    (deciderRoles.includes(actor.role) || (actor.isSecretariat && fileReaderRoles.includes(actor.role))),
};
