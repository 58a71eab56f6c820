import { createHash } from "node:crypto";
import type { App } from "../src/app.ts";

/**
 * Helpers for the access matrices. Each matrix writes its expected results out as a literal table
 * (one row per fixture item, one boolean per viewer); nothing here decides who may see what, so a
 * wrong rule in the code cannot make its own test agree with it.
 */
export type H = Record<string, string>;
export type Row = readonly [string, ...boolean[]];
export type Cell<V extends string> = { row: string; viewer: V; sees: boolean };

/** Every (row, viewer) cell of a literal table; a row with the wrong number of cells is a typo. */
export function cellsOf<V extends string>(viewers: readonly V[], table: readonly Row[]): Cell<V>[] {
  const names = table.map((r) => r[0]);
  if (new Set(names).size !== names.length) throw new Error("a row name appears twice in the table");
  for (const r of table)
    if (r.length !== viewers.length + 1)
      throw new Error(`row "${r[0]}" has ${r.length - 1} cells; the table has ${viewers.length} viewers`);
  return table.flatMap(([row, ...cells]) =>
    viewers.map((viewer, i) => ({ row, viewer, sees: cells[i] as boolean })),
  );
}

/** The rows a viewer sees by the table (for list totals). */
export function rowsSeenBy<V extends string>(
  viewers: readonly V[],
  table: readonly Row[],
  viewer: V,
): string[] {
  const i = viewers.indexOf(viewer) + 1;
  return table.filter((r) => r[i] === true).map((r) => r[0]);
}

/**
 * A word of ten letters derived from `key`: unique per fixture row and with no trigram in common
 * with the others, so a search by it (LIKE or pg_trgm similarity) finds that row alone.
 */
export function wordOf(key: string): string {
  const bytes = createHash("sha256").update(key).digest();
  return Array.from(bytes.subarray(0, 10), (b) => String.fromCharCode(65 + (b % 26))).join("");
}

/** A GET through the app; the caller asserts on it. */
export const getAs = (app: App, url: string, headers: H) => app.inject({ method: "GET", url, headers });

/** A uuid no fixture uses: the "not there" twin of a "not yours". */
export const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** The three distribution modes every matrix's fixture uses, keyed as its rows name them. */
export const distributionModes = {
  all: { distribution: "all", distributionCountries: [] as string[] },
  "only US": { distribution: "only", distributionCountries: ["US"] },
  "except US": { distribution: "except", distributionCountries: ["US"] },
} as const;
