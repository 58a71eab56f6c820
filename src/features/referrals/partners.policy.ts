import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";

/** Referral units and the Secretariat's analysts pick partners; the platform operator keeps the list. */
const readerRoles: readonly Role[] = ["content_analyst", "gs_analyst", "admin"];

export const partnersPolicy = {
  read: (actor: Actor) =>
    actor.kind === "system" || (actor.kind === "user" && readerRoles.includes(actor.role)),
  /** The platform operator (members, agencies, configuration: DESIGN.md §1) keeps the directory. */
  manage: (actor: Actor) => actor.kind === "system" || (actor.kind === "user" && actor.role === "admin"),
};
