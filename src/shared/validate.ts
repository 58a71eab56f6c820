import type { z } from "zod";
import { AppError } from "./errors.ts";

/**
 * Validates input that did not come through an HTTP route schema (CLI, imports, service-to-service)
 * and turns zod issues into the same field errors the HTTP layer reports.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = "input"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  throw new AppError("validation_failed", `The ${what} is not valid.`, { errors });
}
