import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { MAX_PHOTO_BYTES, MAX_TEMPLATE_BYTES } from "./biometrics.probe.ts";
import { registerReviewRoutes } from "./biometrics.review.routes.ts";
import { faceTemplateSearchBody, rawSearchQuery, searchSchema } from "./biometrics.schema.ts";
import type { BiometricSearchService } from "./biometrics.service.ts";

const TEMPLATE_TYPES = ["application/octet-stream", "application/iso19794-2", "application/ansi378"];
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
const answer = { 200: searchSchema };

const bodyOf = (body: unknown, what: string): Buffer => {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError("bad_request", `Send the ${what}'s bytes.`);
  return body;
};

/** Biometric 1:N search by a bureau, and the review of searches and decisions on them. */
export function registerBiometricSearchRoutes(app: ZodApp, biometrics: BiometricSearchService) {
  // Raw bodies (a template, a photo): this scope alone parses them, each with its own size limit.
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      TEMPLATE_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_TEMPLATE_BYTES + 1 },
      (_r, b, done) => done(null, b),
    );
    scope.addContentTypeParser(
      PHOTO_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_PHOTO_BYTES },
      (_r, b, done) => done(null, b),
    );
    scope.post(
      "/api/v1/biometrics/searches/fingerprint",
      {
        bodyLimit: MAX_TEMPLATE_BYTES + 1,
        schema: {
          operationId: "searchFingerprint",
          tags: ["biometrics"],
          summary:
            "Search a fingerprint template 1:N (raw ISO/IEC 19794-2 or ANSI INCITS 378 body; stored, audited)",
          description:
            "Answers the best candidates the searching country may see (at most `limit`), each flagged `aboveThreshold`. A candidate list is never an identification: a person at the bureau decides on it.",
          consumes: TEMPLATE_TYPES,
          querystring: rawSearchQuery,
          response: answer,
        },
      },
      async (req) => biometrics.searchFingerprint(actorOf(req), bodyOf(req.body, "template"), req.query),
    );
    scope.post(
      "/api/v1/biometrics/searches/face",
      {
        bodyLimit: MAX_PHOTO_BYTES,
        schema: {
          operationId: "searchFace",
          tags: ["biometrics"],
          summary: "Search a face photo 1:N (raw image body with exactly one face; stored, audited)",
          consumes: PHOTO_TYPES,
          querystring: rawSearchQuery,
          response: answer,
        },
      },
      async (req) => biometrics.searchFace(actorOf(req), bodyOf(req.body, "photo"), req.query),
    );
  });

  app.post(
    "/api/v1/biometrics/searches/face-template",
    {
      schema: {
        operationId: "searchFaceTemplate",
        tags: ["biometrics"],
        summary:
          "Search a capture system's face template 1:N (same model and dimension only; stored, audited)",
        body: faceTemplateSearchBody,
        response: answer,
      },
    },
    async (req) => biometrics.searchFaceTemplate(actorOf(req), req.body),
  );

  registerReviewRoutes(app, biometrics);
}
