/** Reading the wizard's strings: blanks are absent values, numbers are parsed, lists are split. */

export type Obj = Record<string, unknown>;

/** Drops undefined values and objects left empty, so incomplete drafts still validate. */
export function compact(o: Obj): Obj | undefined {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

export const str = (v: string): string | undefined => (v.trim() === "" ? undefined : v.trim());
export const int = (v: string): number | undefined => {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
};
export const num = (v: string): number | undefined => {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
/** "fr, de" → ["FR", "DE"]. */
export const codes = (v: string): string[] =>
  v
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
export const list = (v: string): string[] =>
  v
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
