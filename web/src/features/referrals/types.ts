/** Mirrors src/features/referrals/referrals.schema.ts (the HTTP contract). */
export const LEGAL_BASES = ["voluntary", "removal_order"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const REFERRAL_STATES = ["open", "acknowledged", "removed", "geo_blocked", "refused"] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** A removal order must be acted on within one hour (EU Regulation 2021/784, art. 3). */
export const REMOVAL_ORDER_DEADLINE_MS = 60 * 60 * 1000;

export interface Referral {
  id: string;
  platformClientId: string;
  platformName: string;
  referringCountry: string;
  url: string | null;
  hash: { entryId: number; signalType: string; value: string } | null;
  legalBasis: LegalBasis;
  note: string | null;
  deadline: string | null;
  overdue: boolean;
  state: ReferralState;
  outcomeReason: string | null;
  geoBlockedCountries: string[];
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

export interface ReferralPage {
  items: Referral[];
  page: number;
  pageSize: number;
}

export interface StatsRow {
  platformClientId: string;
  platformName: string;
  total: number;
  byState: Partial<Record<ReferralState, number>>;
  overdue: number;
  medianMinutesToAction: number | null;
}

export interface Stats {
  period: "day" | "week";
  byPlatform: StatsRow[];
  byPeriod: (StatsRow & { periodStart: string })[];
}

export const isFinished = (state: ReferralState): boolean =>
  state === "removed" || state === "geo_blocked" || state === "refused";
