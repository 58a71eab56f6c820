import { AppError } from "../../../shared/errors.ts";

/** Why a file was refused; stable strings for logs and tests. */
export type UnListParseReason =
  | "doctype"
  | "too_large"
  | "malformed"
  | "not_consolidated_list"
  | "invalid_record";

/**
 * A refused UN list file. It is an AppError ("unprocessable") so an upload route maps it without
 * special handling; `reason` says which check failed.
 */
export class UnListParseError extends AppError {
  readonly reason: UnListParseReason;

  constructor(reason: UnListParseReason, message: string, details?: Record<string, unknown>) {
    super("unprocessable", message, { reason, ...details });
    this.name = "UnListParseError";
    this.reason = reason;
  }
}
