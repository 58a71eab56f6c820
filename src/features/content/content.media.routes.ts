import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { imageEntryQuery, imageEntryResultSchema } from "./content.media.ts";
import type { ContentService } from "./content.service.ts";

const MB = 1024 * 1024;

/** Adding entries from an image (thumbnail kept, original dropped) and reading a thumbnail back. */
export function registerMediaRoutes(app: ZodApp, content: ContentService, imageBodyLimit = 20 * MB) {
  // Raw image bodies: this scope alone parses them, with its own size limit.
  app.register(async (scope: ZodApp) => {
    scope.addContentTypeParser(
      /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i,
      { parseAs: "buffer", bodyLimit: imageBodyLimit },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/content/banks/:id/entries/image",
      {
        bodyLimit: imageBodyLimit,
        schema: {
          operationId: "addBankEntriesFromImage",
          tags: ["content"],
          summary: "Add the PDQ, MD5 and SHA-256 of an uploaded image (raw image/* body, at most 20 MB)",
          description:
            "Creates the missing pdq, md5 and sha256 entries (idempotent) and keeps a blurred-by-default thumbnail (at most 256 px, metadata stripped). The original file is never stored.",
          consumes: ["image/jpeg", "image/png", "image/webp", "image/gif", "application/octet-stream"],
          params: z.object({ id: z.string().max(100) }),
          querystring: imageEntryQuery,
          response: { 200: imageEntryResultSchema },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError("unsupported_media_type", "Send the image bytes with an image/* content type.");
        if (req.body.length === 0) throw new AppError("bad_request", "The image body is empty.");
        return content.addEntriesFromImage(actorOf(req), req.params.id, req.body, req.query);
      },
    );
  });

  app.get(
    "/api/v1/content/entries/:id/thumbnail",
    {
      schema: {
        operationId: "getEntryThumbnail",
        tags: ["content"],
        summary: "An entry's thumbnail (content analysts only; audited as a read of content)",
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .min(1)
            .max(2 ** 32 - 1),
        }),
        produces: ["image/webp", "image/jpeg"],
        // Binary in OpenAPI terms; the handler sends a Buffer, which Fastify never serializes.
        response: {
          200: z
            .string()
            .meta({ format: "binary" })
            .describe("The thumbnail bytes (image/webp or image/jpeg)"),
        },
      },
    },
    async (req, reply) => {
      const t = await content.entryThumbnail(actorOf(req), req.params.id);
      return reply
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .type(t.mime)
        .send(t.bytes as never); // a Buffer bypasses the response serializer
    },
  );
}
