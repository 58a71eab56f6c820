import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { MAX_PHOTO_BYTES } from "../biometrics/biometrics.probe.ts";
import { enrolQuery, faceTemplateBody, templateSchema } from "./records.biometrics.schema.ts";
import { type BiometricsService, MAX_TEMPLATE_BYTES } from "./records.biometrics.ts";

const idParams = z.object({ id: z.string().max(100) });
const templateParams = idParams.extend({ templateId: z.string().max(100) });
const TEMPLATE_TYPES = ["application/octet-stream", "application/iso19794-2", "application/ansi378"];
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
const enrolled = z.object({ created: z.boolean(), templates: z.array(templateSchema) });

/** Biometric templates of a person: enrol (owner), list (whoever sees the record), retract (owner). */
export function registerBiometricsRoutes(app: ZodApp, biometrics: BiometricsService) {
  // Raw template bodies: this scope alone parses them, with its own size limit.
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      TEMPLATE_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_TEMPLATE_BYTES + 1 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/records/:id/fingerprints",
      {
        bodyLimit: MAX_TEMPLATE_BYTES + 1,
        schema: {
          operationId: "enrolFingerprints",
          tags: ["biometrics"],
          summary:
            "Enrol a fingerprint minutiae template on a person (owner only; raw ISO/IEC 19794-2 or ANSI INCITS 378 body)",
          description:
            "Any version of either standard (ISO 2005 and 2011; ANSI 2004, 2009 and 2009/Amendment 1), told apart by its structure. A truncated or malformed template is refused with 422 and stores nothing; the same template twice is stored once.",
          consumes: TEMPLATE_TYPES,
          params: idParams,
          querystring: enrolQuery,
          response: { 200: enrolled },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError(
            "bad_request",
            "Send the template's bytes with an application/octet-stream content type.",
          );
        return biometrics.enrolFingerprint(actorOf(req), req.params.id, req.body, req.query);
      },
    );
  });

  // Raw photo bodies, at most 10 MiB (413 above: refused before it is read whole).
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      PHOTO_TYPES,
      { parseAs: "buffer", bodyLimit: MAX_PHOTO_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/records/:id/faces",
      {
        bodyLimit: MAX_PHOTO_BYTES,
        schema: {
          operationId: "enrolFacePhoto",
          tags: ["biometrics"],
          summary: "Enrol a face from a photo (owner only; raw image body, exactly one face)",
          description:
            "The photo is kept as a record photo (re-encoded JPEG, no metadata) and the face template names it. No face, several faces, an undecodable image or one over 40 megapixels: 422, nothing stored.",
          consumes: PHOTO_TYPES,
          params: idParams,
          querystring: enrolQuery,
          response: { 200: enrolled },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError("bad_request", "Send the photo's bytes with an image/jpeg, png or webp type.");
        return biometrics.enrolFacePhoto(actorOf(req), req.params.id, req.body, req.query);
      },
    );
  });

  app.post(
    "/api/v1/records/:id/face-templates",
    {
      schema: {
        operationId: "enrolFaceTemplate",
        tags: ["biometrics"],
        summary: "Enrol a capture system's face template on a person (owner only)",
        description:
          "The vector must have the configured length (FUSION_FACE_TEMPLATE_DIMENSIONS, default 512) and finite values, not all zero: otherwise 422, nothing stored.",
        params: idParams,
        body: faceTemplateBody,
        response: { 200: enrolled },
      },
    },
    async (req) => biometrics.enrolFaceTemplate(actorOf(req), req.params.id, req.body),
  );

  app.get(
    "/api/v1/records/:id/biometrics",
    {
      schema: {
        operationId: "listBiometricTemplates",
        tags: ["biometrics"],
        summary: "The biometric templates enrolled on a person, retracted ones included as history",
        params: idParams,
        response: { 200: z.object({ items: z.array(templateSchema) }) },
      },
    },
    async (req) => ({ items: await biometrics.list(actorOf(req), req.params.id) }),
  );

  app.delete(
    "/api/v1/records/:id/biometrics/:templateId",
    {
      schema: {
        operationId: "retractBiometricTemplate",
        tags: ["biometrics"],
        summary: "Retract a biometric template (owner only; kept as history, no longer matched)",
        params: templateParams,
        response: { 200: z.object({ items: z.array(templateSchema) }) },
      },
    },
    async (req) => ({ items: await biometrics.retract(actorOf(req), req.params.id, req.params.templateId) }),
  );
}
