import type { z } from "zod";
import { AppError } from "./errors.ts";
import { fieldErrorsOf } from "./field-errors.ts";

/**
 * Validates input that did not come through an HTTP route schema (CLI, imports, service-to-service)
 * and turns zod issues into the same field errors the HTTP layer reports.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = "input"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = r.error.issues.flatMap((i) => fieldErrorsOf(i, "", value));
  throw new AppError("validation_failed", `The ${what} is not valid.`, { errors });
}

/**
 * Object keys refused anywhere in parsed input. JSON.parse makes them plain own properties, but a
 * later spread, merge or `obj[key]` lookup reaches Object.prototype through them, so they never get in.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Where a string first holds text that cannot be stored, or -1: U+0000 (PostgreSQL refuses it in
 * text, an error deep in the driver) or an unpaired surrogate (not Unicode: it has no UTF-8 form).
 * One quick scan for any NUL or surrogate, then a closer look only at those found.
 */
export function badTextAt(s: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what this looks for.
  const suspect = /[\u0000\ud800-\udfff]/g;
  for (let m = suspect.exec(s); m; m = suspect.exec(s)) {
    const at = m.index;
    const c = s.charCodeAt(at);
    const next = s.charCodeAt(at + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) suspect.lastIndex = at + 2;
    else return at;
  }
  return -1;
}

/** Why a string cannot be stored as text, or null. */
export function textProblem(s: string): string | null {
  const at = badTextAt(s);
  if (at < 0) return null;
  return s.charCodeAt(at) === 0
    ? "contains a NUL character (U+0000)"
    : "contains an unpaired surrogate (not valid Unicode)";
}

export type FieldProblem = { path: string; message: string; code: "bad_text" };

/**
 * The first key or string in a parsed value that cannot be stored, with its dotted path from `root`.
 * Walks with an explicit stack: the nesting depth is the sender's choice, the call stack is not.
 */
export function findBadText(value: unknown, root: string): FieldProblem | null {
  const stack: [unknown, string][] = [[value, root]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) return { path, message: problem, code: "bad_text" };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (const [key] of entries) {
        if (FORBIDDEN_KEYS.has(key))
          return { path: `${path}.${key}`, message: `the key "${key}" is not allowed`, code: "bad_text" };
        // The key itself is not echoed: it is the text that cannot be shown or stored.
        const problem = textProblem(key);
        if (problem) return { path, message: `a key ${problem}`, code: "bad_text" };
      }
      for (const [key, x] of entries.reverse()) stack.push([x, `${path}.${key}`]);
    }
  }
  return null;
}
