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

/*
 * Username namespaces (docs/access-control.md, "Who can learn that an account exists").
 *
 * Usernames are global - one login box for everyone - so creating a name that is taken must fail,
 * and that failure tells the creator the name exists. For a bureau admin the only names that can
 * fail that way must be its own bureau's, which it may list anyway. So a name that starts with a
 * country code and a dot (`fr.`) belongs to that country's accounts, whoever creates it, and a
 * bureau admin creates only names in its own namespace. Anything else is refused before the name is
 * looked up, with the same answer whether it exists or not.
 */

/** The country code a username's namespace names (`fr.dupont` -> `FR`), if it has the form. */
export function usernameNamespace(username: string): string | null {
  return /^([a-z]{2})\./i.exec(username)?.[1]?.toUpperCase() ?? null;
}

/**
 * Why `actor` may not create `username` for `country`, or null when the name fits. `isCountry`
 * says whether a code is in the reference list (a prefix such as `gs.` that names no country is
 * not a namespace).
 */
export function usernameRefusal(
  actor: Actor,
  username: string,
  country: string,
  isCountry: (code: string) => boolean,
): string | null {
  const ns = usernameNamespace(username);
  if (actor.role === "ncb_admin" && ns !== actor.country) {
    return `Accounts of your bureau are named ${actor.country.toLowerCase()}.<name>.`;
  }
  if (ns && ns !== country && isCountry(ns)) {
    return `Names starting with ${ns.toLowerCase()}. are reserved for the accounts of ${ns}.`;
  }
  return null;
}
