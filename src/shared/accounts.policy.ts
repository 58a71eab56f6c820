import type { Actor } from "./actor.ts";
import type { Role } from "./roles.ts";

/** Roles a bureau administrator may hand out: its own bureau's people, never Secretariat roles. */
export const bureauRoles: readonly Role[] = ["ncb_officer", "ncb_admin", "border_officer", "content_analyst"];

type Target = { role: string; country: string };

/**
 * The platform admin manages everyone; a bureau admin manages only its own country's bureau
 * roles. Everyone else manages no one.
 */
export function canManageAccount(actor: Actor, target: Target): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "ncb_admin") return false;
  return target.country === actor.country && (bureauRoles as readonly string[]).includes(target.role);
}

export const canListAccounts = (actor: Actor): boolean =>
  actor.role === "admin" || actor.role === "ncb_admin";
