import { AppError } from "./errors.ts";

/**
 * Optimistic concurrency (migration 021): a write that names the version it read is refused when the
 * row has moved on since, so a page left open cannot overwrite what another user did meanwhile. Call
 * it on the row locked inside the write's transaction. No expected version: the write acts on the
 * latest state, as scripts and older clients do.
 */
export function refuseStale(row: { version: number }, expected: number | undefined, what: string): void {
  if (expected === undefined || row.version === expected) return;
  throw new AppError(
    "stale",
    `This ${what} was changed by someone else since you read it (version ${expected}, now ${row.version}); nothing was saved. Reload it and try again.`,
    { currentVersion: row.version },
  );
}
