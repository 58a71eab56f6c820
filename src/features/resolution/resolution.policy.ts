import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

/*
 * Who does what in entity resolution:
 *  - read suggestions, merged entities and the export: the file readers (bureau officers and
 *    admins, the Secretariat's analysts and reviewers), each within what they may see;
 *  - judge and undo: those who enter and analyse files (bureau officers and admins, Secretariat
 *    analysts). The Secretariat's reviewers oversee and do not judge: read only;
 *  - start a run: Secretariat analysts and the operator (a run reads every record, and its counts
 *    cover all countries, so no bureau sees them).
 * API clients need the records scopes, as for the records themselves.
 */
const judgeRoles: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_analyst"];
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const resolutionPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  judge: (actor: Actor) => judgeRoles.includes(actor.role) && hasScope(actor, "records:write"),
  run: (actor: Actor) => actor.kind === "system" || (actor.kind === "user" && actor.role === "gs_analyst"),
};
