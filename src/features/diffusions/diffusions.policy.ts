import type { Actor } from "../../shared/actor.ts";
import { fileReaderRoles, type Role } from "../../shared/roles.ts";

const senderRoles: readonly Role[] = ["ncb_officer", "ncb_admin"];
const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const diffusionsPolicy = {
  read: (actor: Actor) => fileReaderRoles.includes(actor.role) && hasScope(actor, "records:read"),
  send: (actor: Actor) => senderRoles.includes(actor.role) && hasScope(actor, "records:write"),
  review: (actor: Actor) => actor.role === "gs_reviewer" && actor.isSecretariat && actor.kind === "user",
};
