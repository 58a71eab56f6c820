import type { Actor } from "../../shared/actor.ts";
import type { Envelope } from "../../shared/envelope/envelope.schema.ts";
import { isOversightRead } from "../../shared/envelope/visibility.ts";
import type { Role } from "../../shared/roles.ts";

/** Referral units and the Secretariat's analysts curate hash banks; the operator's CLI may too. */
const managerRoles: readonly Role[] = ["content_analyst", "gs_analyst"];
/** People who may check a hash or image against the banks (platforms through their API client). */
const humanMatchRoles: readonly Role[] = ["content_analyst", "gs_analyst", "ncb_officer"];

const hasScope = (actor: Actor, scope: string) => actor.kind !== "client" || actor.scopes.includes(scope);

export const contentPolicy = {
  manage: (actor: Actor) =>
    actor.kind === "system" || (actor.kind === "user" && managerRoles.includes(actor.role)),
  match: (actor: Actor) =>
    actor.kind === "system" ||
    (actor.role === "platform_partner" && hasScope(actor, "content:match")) ||
    (actor.kind === "user" && humanMatchRoles.includes(actor.role)),
  /** Bank settings and entry status: the owning country's analysts, or the Secretariat. */
  administer: (actor: Actor, bank: { owner: string }) => actor.isSecretariat || bank.owner === actor.country,
  isPlatform: (actor: Actor) => actor.role === "platform_partner",
  /**
   * Seeing the content itself (thumbnails): only the people who curate banks. Not platforms (they get
   * hashes, never the material), not NCB officers who may only check, not the operator's CLI.
   */
  seeContent: (actor: Actor) => actor.kind === "user" && managerRoles.includes(actor.role),
  /**
   * Whether the Secretariat reads this bank (or its entries, its thumbnails) only by its oversight
   * right: the audit row of such a read carries the oversight flag.
   */
  oversight: (
    actor: Actor,
    bank: { owner: string; distribution: Envelope["distribution"]; distribution_countries: string[] },
  ) =>
    isOversightRead(
      {
        owner: bank.owner,
        distribution: bank.distribution,
        distributionCountries: bank.distribution_countries,
      },
      actor,
    ),
};
