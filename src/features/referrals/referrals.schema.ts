import { z } from "zod";
import { countryCode } from "../../shared/envelope/envelope.schema.ts";

export const legalBases = ["voluntary", "removal_order"] as const;
export const referralStates = ["open", "acknowledged", "removed", "geo_blocked", "refused"] as const;
export const outcomes = ["removed", "geo_blocked", "refused"] as const;

/** A removal order must be acted on within one hour (EU Regulation 2021/784 on terrorist content, art. 3). */
export const REMOVAL_ORDER_DEADLINE_MS = 60 * 60 * 1000;

export const createReferralSchema = z
  .object({
    /** The platform, picked from the directory of platform partners. */
    partnerId: z.uuid().optional(),
    /** Or the platform's API client, for API users that know it (mapped to its partner). */
    platformClientId: z.uuid().optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    hashEntryId: z.number().int().min(1).optional(),
    legalBasis: z.enum(legalBases),
    note: z.string().trim().min(1).max(2000).optional(),
    /** Voluntary referrals may carry a requested deadline; removal orders always get one hour. */
    deadline: z.iso.datetime().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.partnerId === undefined) === (r.platformClientId === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["partnerId"],
        message: "name the partner (or its API client), once",
      });
    if (!r.url && r.hashEntryId === undefined)
      ctx.addIssue({ code: "custom", path: ["url"], message: "refer a URL, a hash entry, or both" });
    if (r.legalBasis === "removal_order" && r.deadline)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "a removal order's deadline is one hour" });
  });
export type CreateReferralInput = z.input<typeof createReferralSchema>;

export const outcomeSchema = z
  .object({
    outcome: z.enum(outcomes),
    /** For geo_blocked: where the content is no longer available. */
    countries: z.array(countryCode).min(1).max(250).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.outcome === "geo_blocked" && !o.countries?.length)
      ctx.addIssue({ code: "custom", path: ["countries"], message: "geo_blocked needs the countries" });
    if (o.outcome === "refused" && !o.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "a refusal needs its reason" });
  });
export type OutcomeInput = z.input<typeof outcomeSchema>;

export const referralSchema = z
  .object({
    id: z.string(),
    platformClientId: z.string(),
    /** The partner's name from the directory (its API client's name for older referrals). */
    platformName: z.string(),
    /** The directory entry the referral went to. */
    partnerId: z.string().nullable(),
    referringCountry: z.string(),
    url: z.string().nullable(),
    hash: z.object({ entryId: z.number().int(), signalType: z.string(), value: z.string() }).nullable(),
    legalBasis: z.enum(legalBases),
    note: z.string().nullable(),
    deadline: z.string().nullable(),
    /** The deadline passed before the platform acted (or it still has not). */
    overdue: z.boolean(),
    state: z.enum(referralStates),
    outcomeReason: z.string().nullable(),
    geoBlockedCountries: z.array(z.string()),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: "ContentReferral" });
export type ReferralView = z.infer<typeof referralSchema>;

export const referralSorts = [
  "createdAt",
  "-createdAt",
  "deadline",
  "-deadline",
  "state",
  "-state",
  "platform",
  "-platform",
] as const;

export const listReferralsQuery = z
  .object({
    state: z.enum(referralStates).optional(),
    overdue: z.enum(["true", "false"]).optional(),
    /** A column, descending with a leading minus; newest first by default. Undated deadlines last. */
    sort: z.enum(referralSorts).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListReferralsQuery = z.output<typeof listReferralsQuery>;

export const statsQuery = z
  .object({
    period: z.enum(["day", "week"]).default("day"),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export type StatsQuery = z.output<typeof statsQuery>;

const statsRow = z.object({
  platformClientId: z.string(),
  platformName: z.string(),
  total: z.number().int(),
  byState: z.record(z.enum(referralStates), z.number().int()),
  overdue: z.number().int(),
  /** Median minutes from referral to the platform's outcome, over resolved referrals. */
  medianMinutesToAction: z.number().nullable(),
});

export const statsSchema = z.object({
  period: z.enum(["day", "week"]),
  byPlatform: z.array(statsRow),
  byPeriod: z.array(statsRow.extend({ periodStart: z.string() })),
});
export type StatsView = z.infer<typeof statsSchema>;
