import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

// A bureau enters its own country's documents; the issuing-country rule is checked per document.
const writerRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];

/** API clients act only within the scopes their bureau granted them. */
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const documentsPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  write: (actor: Actor) => writerRoles.includes(actor.role) && hasScope(actor, "records:write"),
};
