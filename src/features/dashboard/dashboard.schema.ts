import { z } from "zod";

/**
 * The cards of the dashboard, by role: a bureau's (notices returned or refused, received diffusions
 * nobody of the bureau has opened, notices due for renewal, trace requests to answer, hits on its
 * records), the Secretariat reviewers' (the review queue, diffusions awaiting review) and a referral
 * unit's (referrals past their deadline, referrals awaiting the platform's answer).
 */
export const dashboardCardKeys = [
  "noticesReturned",
  "noticesRefused",
  "diffusionsUnread",
  "noticesRenewal",
  "tracesOpen",
  "hitsPending",
  "reviewQueue",
  "diffusionsUnreviewed",
  "referralsOverdue",
  "referralsAwaiting",
] as const;
export type DashboardCardKey = (typeof dashboardCardKeys)[number];

export const dashboardRecordTypes = [
  "notice",
  "diffusion",
  "trace_request",
  "screening_hit",
  "referral",
] as const;

export const dashboardItemSchema = z.object({
  id: z.string(),
  recordType: z.enum(dashboardRecordTypes),
  /** What a person recognises the item by: a subject's name, a title, a question, a URL. */
  label: z.string(),
  /** A notice type, diffusion kind, hit category or legal basis. */
  category: z.string().nullable(),
  /** A notice number or the owner's reference, when there is one. */
  reference: z.string().nullable(),
  /** The country on the other side: a notice's owner, a diffusion's sender, a trace's requester. */
  country: z.string().nullable(),
  /** Since when the item has been waiting. */
  since: z.string(),
  /** Its deadline or expiry, if it has one. */
  due: z.string().nullable(),
});
export type DashboardItem = z.infer<typeof dashboardItemSchema>;

export const dashboardCardSchema = z.object({
  key: z.enum(dashboardCardKeys),
  count: z.number().int(),
  /** The items that have waited longest (or fall due first), at most five. */
  items: z.array(dashboardItemSchema),
});
export type DashboardCard = z.infer<typeof dashboardCardSchema>;

export const dashboardSchema = z
  .object({
    role: z.string(),
    generatedAt: z.string(),
    cards: z.array(dashboardCardSchema),
  })
  .meta({ id: "Dashboard" });
export type DashboardView = z.infer<typeof dashboardSchema>;
