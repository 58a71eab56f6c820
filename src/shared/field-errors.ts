import type { FieldError, FieldErrorCode } from "./errors.ts";

/** The parts of a zod issue (v4) that say why a value was refused. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[] | string;
  message: string;
  expected?: unknown;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: unknown;
}

const bound = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined;

const DATE_FORMATS = new Set(["date", "datetime", "time", "duration"]);
const COLLECTIONS = new Set(["array", "set", "map"]);

/** The machine-readable reason of one issue; `missing` when the input had nothing at the path. */
function reasonOf(issue: IssueLike, missing: boolean): { code: FieldErrorCode; limit?: number } {
  const min = bound(issue.minimum);
  const max = bound(issue.maximum);
  switch (issue.code) {
    case "invalid_type":
      if (missing) return { code: "required" };
      if (issue.expected === "int") return { code: "not_integer" };
      if (issue.expected === "number") return { code: "not_number" };
      return { code: "wrong_type" };
    case "too_small":
      if (issue.origin === "string")
        return min !== undefined && min <= 1 ? { code: "required" } : { code: "too_short", limit: min };
      if (COLLECTIONS.has(String(issue.origin)))
        return min !== undefined && min <= 1 ? { code: "required" } : { code: "too_few", limit: min };
      return { code: "too_small", limit: min };
    case "too_big":
      if (issue.origin === "string") return { code: "too_long", limit: max };
      if (COLLECTIONS.has(String(issue.origin))) return { code: "too_many", limit: max };
      return { code: "too_big", limit: max };
    case "invalid_format":
      return { code: DATE_FORMATS.has(String(issue.format)) ? "invalid_date" : "invalid_format" };
    case "invalid_value":
    case "invalid_enum_value":
      return { code: "invalid_option" };
    case "unrecognized_keys":
      return { code: "unknown_field" };
    default:
      return { code: "invalid" };
  }
}

const joinPath = (path: IssueLike["path"]): string =>
  typeof path === "string" ? path : path.map(String).join(".");

/**
 * One zod issue as the field errors a problem carries, the path prefixed with `root` ("body",
 * "querystring") when given. An unknown key names the key itself, so the client can say which.
 */
export function fieldErrorsOf(issue: IssueLike, root = "", input?: unknown): FieldError[] {
  const base = joinPath(issue.path);
  const at = (p: string) => [root, p].filter(Boolean).join(".");
  if (issue.code === "unrecognized_keys" && Array.isArray(issue.keys) && issue.keys.length > 0)
    return issue.keys.map((k) => ({
      path: at([base, String(k)].filter(Boolean).join(".")),
      message: issue.message,
      code: "unknown_field" as const,
    }));
  const missing =
    input === undefined
      ? / received undefined$/.test(issue.message)
      : valueAt(input, issue.path) === undefined;
  const { code, limit } = reasonOf(issue, missing);
  return [
    {
      path: at(base),
      message: issue.message,
      // "invalid" is what a missing code means: left out, the answer stays as it was for such errors.
      ...(code === "invalid" ? {} : { code }),
      ...(limit === undefined ? {} : { limit }),
    },
  ];
}

function valueAt(input: unknown, path: IssueLike["path"]): unknown {
  const keys = typeof path === "string" ? path.split(".").filter(Boolean) : path.map(String);
  let v: unknown = input;
  for (const k of keys) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Field errors a service wrote by hand ({ path, message }, a code where it gave one), as the problem carries them. */
export function withCodes(errors: readonly unknown[]): FieldError[] {
  return errors.map((e) => {
    const item = (e ?? {}) as Partial<FieldError>;
    return {
      path: String(item.path ?? ""),
      message: String(item.message ?? ""),
      ...(item.code && item.code !== "invalid" ? { code: item.code } : {}),
      ...(typeof item.limit === "number" ? { limit: item.limit } : {}),
    };
  });
}
