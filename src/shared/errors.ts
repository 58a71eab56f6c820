/**
 * The one error type services throw. Its code is a closed set: the HTTP layer maps each code to a
 * status once (src/http/errors.ts) and clients may rely on the code string staying stable.
 */
export const errorCodes = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The record changed since the client read it (its version moved on); nothing was written. */
  stale: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * Why one field was refused, as a closed set clients turn into a sentence in the reader's language
 * (the `message` beside it is English, for logs and API users). `limit` carries the bound of the
 * too_* codes. A field error without a code is `invalid`: refused for a reason the set does not name.
 */
export const fieldErrorCodes = [
  "required",
  "not_integer",
  "not_number",
  "wrong_type",
  "too_short",
  "too_long",
  "too_few",
  "too_many",
  "too_small",
  "too_big",
  "invalid_date",
  "invalid_format",
  "invalid_option",
  "unknown_field",
  "bad_text",
  "invalid",
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface FieldError {
  path: string;
  message: string;
  code?: FieldErrorCode;
  limit?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Safe, client-facing details (field errors, reasons). Never stack traces or SQL. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
