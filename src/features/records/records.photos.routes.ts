import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { photoQuery, photoSchema } from "./records.photos.ts";
import type { RecordsService } from "./records.service.ts";

const MB = 1024 * 1024;
const PHOTO_BODY_LIMIT = 15 * MB;
const idParams = z.object({ id: z.string().max(100) });
const photoParams = idParams.extend({ photoId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const photoList = z.object({ items: z.array(photoSchema) });

/** Face photos of a person: add (owner), list and open (whoever sees the record), retract (owner). */
export function registerPhotoRoutes(app: ZodApp, records: RecordsService) {
  // Raw image bodies: this scope alone parses them, with its own size limit.
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      /^image\/[a-z0-9.+-]+$/i,
      { parseAs: "buffer", bodyLimit: PHOTO_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/records/:id/photos",
      {
        bodyLimit: PHOTO_BODY_LIMIT,
        schema: {
          operationId: "addRecordPhoto",
          tags: ["records"],
          summary: "Add a face photo to a person (owner only; raw image/* body, at most 15 MB)",
          description:
            "The image is re-encoded as a JPEG of at most 1024 px with every metadata (EXIF, GPS) dropped; the same photo twice is stored once. `source` says where it comes from.",
          consumes: ["image/jpeg", "image/png", "image/webp"],
          params: idParams,
          querystring: photoQuery,
          response: { 200: z.object({ created: z.boolean(), photos: z.array(photoSchema) }) },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError("bad_request", "Send the photo's bytes with an image/* content type.");
        return records.addPhoto(actorOf(req), req.params.id, req.body, req.query);
      },
    );
  });

  app.get(
    "/api/v1/records/:id/photos",
    {
      schema: {
        operationId: "listRecordPhotos",
        tags: ["records"],
        summary: "The face photos of a person, retracted ones included as history",
        params: idParams,
        response: { 200: photoList },
      },
    },
    async (req) => ({ items: await records.listPhotos(actorOf(req), req.params.id) }),
  );

  app.get(
    "/api/v1/records/:id/photos/:photoId",
    {
      schema: {
        operationId: "getRecordPhoto",
        tags: ["records"],
        summary: "Open a face photo (JPEG; audited)",
        params: photoParams,
        produces: ["image/jpeg"],
        // Binary in OpenAPI terms; the handler sends a Buffer, which Fastify never serializes.
        response: { 200: z.string().meta({ format: "binary" }).describe("The JPEG bytes") },
      },
    },
    async (req, reply) => {
      const p = await records.openPhoto(actorOf(req), req.params.id, req.params.photoId);
      return reply
        .header("cache-control", "private, no-store")
        .header("x-content-type-options", "nosniff")
        .type(p.mime)
        .send(p.bytes as never); // a Buffer bypasses the response serializer
    },
  );

  app.delete(
    "/api/v1/records/:id/photos/:photoId",
    {
      schema: {
        operationId: "retractRecordPhoto",
        tags: ["records"],
        summary: "Retract a face photo (owner only): no longer served, kept in the history",
        params: photoParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await records.retractPhoto(actorOf(req), req.params.id, req.params.photoId);
      return reply.code(204).send(null);
    },
  );
}
