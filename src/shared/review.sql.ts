import { type RawBuilder, sql } from "kysely";

/**
 * Retention review's consequence, as one SQL predicate: a record whose review date has passed
 * without re-validation (review_at before today) is no longer served to screening. It stays in
 * its table, readable by those who may see it and flagged `reviewOverdue` in views; nothing is
 * deleted. Every screening index (its initial build and its change-feed refresh) must apply this
 * predicate to each enveloped table it reads, beside the table's visibility guard
 * (docs/police-databases.md, "Retention review").
 *
 * `today` (YYYY-MM-DD) pins the day for the application's clock; without it the database's
 * current_date decides.
 */
export function servedToScreening(alias: string, today?: string): RawBuilder<boolean> {
  const t = sql.ref(alias);
  return today === undefined
    ? sql<boolean>`(${t}.review_at >= current_date)`
    : sql<boolean>`(${t}.review_at >= ${today}::date)`;
}

/** The same rule as a pure function, for rows held in memory. ISO dates compare as strings. */
export const isServedToScreening = (reviewAt: string, today: string): boolean => reviewAt >= today;
