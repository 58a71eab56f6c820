import { type Answer, allOf, type Schema } from "../../lib/api/schema.ts";

/** Referrals as the contract names them (ContentReferral); menus list its enums. */
export type Referral = Schema<"ContentReferral">;
export type LegalBasis = Referral["legalBasis"];
export type ReferralState = Referral["state"];

export const LEGAL_BASES = allOf<LegalBasis>()(["voluntary", "removal_order"]);

export const REFERRAL_STATES = allOf<ReferralState>()([
  "open",
  "acknowledged",
  "removed",
  "geo_blocked",
  "refused",
]);

/** A removal order must be acted on within one hour (EU Regulation 2021/784, art. 3). */
export const REMOVAL_ORDER_DEADLINE_MS = 60 * 60 * 1000;

export type ReferralPage = Answer<"listReferrals">;

export type Stats = Answer<"getReferralStats">;
export type StatsRow = Stats["byPlatform"][number];

export const isFinished = (state: ReferralState): boolean =>
  state === "removed" || state === "geo_blocked" || state === "refused";

/** The directory of platform partners a referral goes to (PlatformPartner). */
export type Partner = Schema<"PlatformPartner">;
export type PartnerPage = Answer<"listPlatformPartners">;
