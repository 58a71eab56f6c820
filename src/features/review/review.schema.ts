import { z } from "zod";

/**
 * The record types under retention review, with their review periods in years (DESIGN.md §3).
 * One table: the default review date at entry and the step of a re-validation both come from here.
 * Notices are not listed: their validity and expiry have their own lifecycle (notices.scheduler.ts),
 * and a notice's subject record follows its notice.
 */
export const reviewTypes = [
  "records",
  "travel_documents",
  "firearms",
  "vehicles",
  "cbrne_materials",
] as const;
export type ReviewType = (typeof reviewTypes)[number];
export const reviewPeriods: Readonly<Record<ReviewType, number>> = {
  records: 5,
  travel_documents: 10,
  firearms: 10,
  vehicles: 10,
  cbrne_materials: 10,
};
const reviewTypeSchema = z.enum(reviewTypes);

/** Due: the review date falls within the warning window; overdue: it has passed (before today). */
export const reviewStatuses = ["due", "overdue"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/, "a two-letter country code");

export const listDueQuery = z
  .object({
    /** The owner country; a bureau's own by default. Only the Secretariat names another. */
    country: countryCode.optional(),
    type: reviewTypeSchema.optional(),
    status: z.enum(reviewStatuses).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListDueQuery = z.output<typeof listDueQuery>;

export const dueItemSchema = z
  .object({
    type: reviewTypeSchema,
    id: z.string(),
    caption: z.string(),
    reviewAt: z.string(),
    status: z.enum(reviewStatuses),
  })
  .meta({ id: "ReviewDueItem" });
export type DueItem = z.infer<typeof dueItemSchema>;

export const duePageSchema = z.object({
  country: z.string(),
  asOf: z.string().describe("today, the day the statuses are computed for"),
  dueBy: z.string().describe("the end of the warning window: due means a review date up to this day"),
  oversight: z.boolean().describe("true when the Secretariat reads another country's list"),
  items: z.array(dueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DuePage = z.infer<typeof duePageSchema>;

export const revalidateSchema = z
  .object({
    type: reviewTypeSchema,
    id: z.string().trim().min(1).max(100),
  })
  .strict();
export type RevalidateInput = z.input<typeof revalidateSchema>;

export const revalidatedSchema = z
  .object({
    type: reviewTypeSchema,
    id: z.string(),
    previousReviewAt: z.string(),
    reviewAt: z.string(),
  })
  .meta({ id: "ReviewRevalidated" });
export type Revalidated = z.infer<typeof revalidatedSchema>;

export const reportQuery = z.object({ country: countryCode.optional() }).strict();

const reportLineSchema = z.object({
  type: reviewTypeSchema,
  overdue: z.number().int(),
  due: z.number().int(),
  later: z.number().int(),
});
export type ReportLine = z.infer<typeof reportLineSchema>;

export const reportSchema = z
  .object({
    country: z.string(),
    asOf: z.string(),
    dueBy: z.string(),
    oversight: z.boolean(),
    types: z.array(reportLineSchema),
  })
  .meta({ id: "ReviewReport" });
export type ReviewReport = z.infer<typeof reportSchema>;

/** `YYYY-MM-DD` of a moment, in UTC (the review dates are calendar dates). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A calendar date moved by whole months, the day clamped to the target month's length
 * (2026-10-31 + 4 months is 2027-02-28, never a day of March).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, month, Math.min(d, last))));
}

export const addYears = (day: string, years: number): string => addMonths(day, years * 12);

/** The status of a review date on a day, or null when it is not yet in the window. */
export function statusOf(reviewAt: string, today: string, dueBy: string): ReviewStatus | null {
  if (reviewAt < today) return "overdue";
  return reviewAt <= dueBy ? "due" : null;
}
