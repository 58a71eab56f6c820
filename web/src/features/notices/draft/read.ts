import type { Obj } from "../../../lib/form-parse.ts";

/** Lenient readers for a saved request: whatever is missing or of the wrong shape reads as empty. */

export const s = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
export const o = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
export const a = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const joined = (v: unknown, sep = ", "): string => a(v).map(s).join(sep);
