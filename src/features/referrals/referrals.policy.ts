import type { Actor } from "../../shared/actor.ts";
import type { Role } from "../../shared/roles.ts";

const referrerRoles: readonly Role[] = ["content_analyst", "gs_analyst"];

export const referralsPolicy = {
  /** Referral units (and the Secretariat's analysts) refer content and read their referrals. */
  refer: (actor: Actor) => actor.kind === "user" && referrerRoles.includes(actor.role),
  /** A platform acts through its API client, holding the content:referrals scope. */
  platform: (actor: Actor) =>
    actor.kind === "client" &&
    actor.role === "platform_partner" &&
    actor.scopes.includes("content:referrals"),
};
