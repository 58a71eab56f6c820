import type { Actor } from "../actor.ts";
import type { Envelope } from "./envelope.schema.ts";

type VisibilityFields = Pick<Envelope, "owner" | "distribution" | "distributionCountries">;

/**
 * The visibility rule as a pure function, for results held in memory (screening indexes, caches).
 * It must agree with the SQL function fusion_can_see in migration 001; a test checks both on the
 * same matrix.
 */
export function canSee(e: VisibilityFields, viewer: Pick<Actor, "country" | "isSecretariat">): boolean {
  if (viewer.isSecretariat || e.owner === viewer.country) return true;
  switch (e.distribution) {
    case "all":
      return true;
    case "only":
      return e.distributionCountries.includes(viewer.country);
    case "except":
      return !e.distributionCountries.includes(viewer.country);
  }
}

/** True when the General Secretariat sees the record only by its oversight right: worth flagging. */
export const isOversightRead = (
  e: VisibilityFields,
  viewer: Pick<Actor, "country" | "isSecretariat">,
): boolean => viewer.isSecretariat && !canSee(e, { country: viewer.country, isSecretariat: false });

/**
 * The oversight part of a list read, for its audit row: how many of the rows returned the
 * Secretariat sees only by its oversight right (absent for everyone else).
 */
export function oversightOf(
  rows: readonly {
    owner: string;
    distribution: Envelope["distribution"];
    distribution_countries: string[];
  }[],
  viewer: Pick<Actor, "country" | "isSecretariat">,
): { oversight?: true; oversightReturned?: number } {
  if (!viewer.isSecretariat) return {};
  const n = rows.filter((r) =>
    isOversightRead(
      { owner: r.owner, distribution: r.distribution, distributionCountries: r.distribution_countries },
      viewer,
    ),
  ).length;
  return n > 0 ? { oversight: true, oversightReturned: n } : {};
}

/** Only the owner changes a record. */
export const canEdit = (e: Pick<Envelope, "owner">, actor: Pick<Actor, "country">): boolean =>
  e.owner === actor.country;
