import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type ErrorCode, errorCodes, fieldErrorCodes } from "../shared/errors.ts";
import { fieldErrorsOf, withCodes } from "../shared/field-errors.ts";

/** RFC 9457 problem details. `code` is the stable, machine-readable part clients branch on. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    /**
     * The fields refused: `code` says why (a closed set clients turn into a sentence in the reader's
     * language; none means "invalid"), `limit` is the bound of the too_* codes, `message` is English
     * for logs and API users.
     */
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.enum(fieldErrorCodes).optional(),
          limit: z.number().optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  unauthenticated: "Not authenticated",
  totp_required: "One-time code required",
  forbidden: "Forbidden",
  not_found: "Not found",
  conflict: "Conflict",
  stale: "Changed by someone else",
  invalid_transition: "Transition not allowed",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable: "Unprocessable content",
  locked: "Account locked",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export function problemFor(code: ErrorCode, detail: string, extra?: Partial<Problem>): Problem {
  return {
    type: `https://fusion.invalid/problems/${code}`,
    title: titles[code],
    status: errorCodes[code],
    code,
    detail,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type("application/problem+json").send(p);
}

// Fastify's own client errors (bad JSON, body too large, wrong content type) mapped to our codes.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
  FST_ERR_CTP_EMPTY_JSON_BODY: "bad_request",
  FST_ERR_CTP_INVALID_JSON_BODY: "bad_request",
  FST_ERR_RATE_LIMIT: "rate_limited",
};

/** Maps every error to problem+json once. Stack traces, SQL and internal messages never leave. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, problemFor(err.code, err.message, detailsOf(err)));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext ?? "body";
      const input = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[
        context
      ];
      const errors = err.validation.flatMap((v) =>
        fieldErrorsOf(
          {
            ...(v.params as Record<string, unknown>),
            code: v.keyword,
            path: v.instancePath.split("/").filter(Boolean),
            message: v.message ?? "invalid",
          },
          context,
          input,
        ),
      );
      return sendProblem(
        reply,
        problemFor("validation_failed", "The request does not match the expected shape.", { errors }),
      );
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return sendProblem(reply, problemFor(mapped, clientMessage(mapped, err)));
    if (err.statusCode === 429)
      return sendProblem(reply, problemFor("rate_limited", "Too many requests; slow down."));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(reply, {
        ...problemFor("bad_request", "The request could not be processed."),
        status: err.statusCode,
      });
    }
    req.log.error({ err }, "unhandled error");
    return sendProblem(
      reply,
      problemFor("internal", "Something went wrong on our side. The error was logged."),
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problemFor("not_found", `No route ${req.method} ${req.url.split("?")[0]}.`)),
  );
}

/**
 * Errors the router raises before any hook or handler (a path whose percent-encoding is not UTF-8,
 * an over-long parameter). Fastify's own answer echoes the raw path as plain JSON; this one is a
 * problem+json like every other.
 */
export function frameworkErrors(err: FastifyError, _req: unknown, reply: FastifyReply): FastifyReply {
  if (err.code === "FST_ERR_BAD_URL")
    return sendProblem(
      reply,
      problemFor("bad_request", "The URL is not valid: its percent-encoding must spell UTF-8 text."),
    );
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH")
    return sendProblem(reply, { ...problemFor("bad_request", "A path parameter is too long."), status: 414 });
  return sendProblem(
    reply,
    problemFor("internal", "Something went wrong on our side. The error was logged."),
  );
}

function detailsOf(err: AppError): Partial<Problem> {
  const errors = err.details?.errors;
  return Array.isArray(errors) ? { errors: withCodes(errors) } : {};
}

function clientMessage(code: ErrorCode, err: FastifyError): string {
  if (code === "payload_too_large") return "The request body is larger than this endpoint accepts.";
  if (code === "unsupported_media_type") return "This content type is not accepted here.";
  if (code === "rate_limited") return "Too many requests; slow down.";
  return err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
    ? "The body is not valid JSON."
    : "The request could not be read.";
}
