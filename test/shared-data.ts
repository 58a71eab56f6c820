import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The reference sets too large to ship live in `../shared/data` beside the checkout. CI has that
 * folder; a person who clones the repository does not. Outside CI a test that needs a missing folder
 * skips, saying so in one line; in CI (CI=true, or FUSION_REQUIRE_SHARED_DATA=true) a missing folder
 * fails the run, so the data can never silently stop being tested.
 */
export type SharedData = {
  /** Absolute path of the folder. */
  path: string;
  /** Whether the folder exists; a test skips when it is false. */
  available: boolean;
  /** Title suffix for a skipped suite, e.g. describe.skipIf(!d.available)(`... ${d.note}`). */
  note: string;
};

const reported = new Set<string>();

export function sharedDataRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.FUSION_REQUIRE_SHARED_DATA === "true";
}

/** `folder` is relative to ../shared/data, e.g. "pdq" or "watchlists". */
export function sharedData(folder: string, env: NodeJS.ProcessEnv = process.env): SharedData {
  const dir = path.resolve(process.cwd(), "../shared/data", folder);
  const available = existsSync(dir);
  const shown = `../shared/data/${folder}`;
  if (!available && sharedDataRequired(env))
    throw new Error(`${shown} is missing: the reference data is required in CI (${dir})`);
  if (!available && !reported.has(folder)) {
    reported.add(folder);
    console.warn(`skipped: tests that need ${shown} (missing beside the checkout)`);
  }
  return { path: dir, available, note: available ? "" : `(skipped: ${shown} is missing)` };
}

/** A file of the reference data shipped in the repository (reference/), always present. */
export const shippedReference = (...parts: string[]): string =>
  path.resolve(process.cwd(), "reference", ...parts);
