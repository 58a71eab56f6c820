import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

// Bureaus enter the vehicles of their country; the Secretariat's analysts enter its own.
const writerRoles: readonly Role[] = ["ncb_officer", "ncb_admin", "gs_analyst"];

/** API clients act only within the scopes their bureau granted them. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const vehiclesPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  write: (actor: Actor) => writerRoles.includes(actor.role) && hasScope(actor, "records:write"),
};
