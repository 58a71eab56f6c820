import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

// Bureaus enter the firearms of their country; the Secretariat's analysts enter its own.
const writerRoles: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_analyst"];
// Trace requests go from bureau to bureau.
const tracerRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];

/** API clients act only within the scopes their bureau granted them. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const firearmsPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  write: (actor: Actor) => writerRoles.includes(actor.role) && hasScope(actor, "records:write"),
  trace: (actor: Actor) => tracerRoles.includes(actor.role) && hasScope(actor, "records:write"),
};
