import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { AppError } from "../../shared/errors.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { registerMediaRoutes } from "./content.media.routes.ts";
import {
  bankSchema,
  bulkEntryStatusSchema,
  createBankSchema,
  createEntrySchema,
  entrySchema,
  exportQuery,
  imageMatchQuery,
  importQuery,
  importResultSchema,
  listEntriesQuery,
  matchRequestSchema,
  matchResultSchema,
  updateBankSchema,
  updateEntrySchema,
} from "./content.schema.ts";
import type { ContentService } from "./content.service.ts";
import { registerVideoMatchRoute } from "./content.video.routes.ts";

const idParams = z.object({ id: z.string().max(100) });
const entryParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 32 - 1),
});

export type ContentRouteOptions = {
  /** Match requests per minute per API client or user (platforms call this in bulk). */
  matchPerMinute?: number;
  /** Largest image accepted by the image match route. */
  imageBodyLimit?: number;
  /** Largest hash list accepted by an import. */
  importBodyLimit?: number;
  /** Largest video accepted by the video match route (default 200 MB). */
  videoBodyLimit?: number;
};

const MB = 1024 * 1024;

export function registerContentRoutes(app: ZodApp, content: ContentService, opts: ContentRouteOptions = {}) {
  registerBankRoutes(app, content);
  registerMediaRoutes(app, content, opts.imageBodyLimit);
  const rateLimit = {
    max: opts.matchPerMinute ?? 600,
    timeWindow: "1 minute",
    keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip,
  };
  registerVideoMatchRoute(app, content, { rateLimit, bodyLimit: opts.videoBodyLimit });

  // Image uploads arrive as raw bytes; this scope alone parses image bodies, with its own size limit.
  app.register(async (scope: ZodApp) => {
    const limit = opts.imageBodyLimit ?? 20 * MB;
    scope.addContentTypeParser(
      /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i,
      { parseAs: "buffer", bodyLimit: limit },
      (_req, body, done) => done(null, body),
    );
    const imageBody = (body: unknown): Buffer => {
      if (!Buffer.isBuffer(body))
        throw new AppError("unsupported_media_type", "Send the image bytes with an image/* content type.");
      if (body.length === 0) throw new AppError("bad_request", "The image body is empty.");
      return body;
    };
    scope.post(
      "/api/v1/content/match",
      {
        config: { rateLimit },
        // An image body skips the JSON schema: it is hashed and matched here, before validation.
        preValidation: async (req, reply) => {
          if (!Buffer.isBuffer(req.body)) return;
          const q = parseOrThrow(imageMatchQuery, req.query, "query");
          await reply.send(await content.matchImage(actorOf(req), imageBody(req.body), q.maxDistance));
        },
        schema: {
          operationId: "matchHash",
          tags: ["content"],
          summary: "Match a hash (JSON) or an image (raw image/* body) against the banks you may see",
          description:
            "JSON: {signalType, value, quality?, maxDistance?} for pdq, md5, sha256 or video_md5. An image/* body (at most 20 MB) is hashed by PDQ, MD5 and SHA-256 and matched on all three; ?maxDistance= applies. Nothing is stored; every query and hit is audited.",
          consumes: ["application/json", "image/jpeg", "image/png", "image/webp", "application/octet-stream"],
          body: matchRequestSchema,
          response: { 200: matchResultSchema },
        },
      },
      async (req) => content.matchHash(actorOf(req), req.body),
    );
    scope.post(
      "/api/v1/content/match/image",
      {
        bodyLimit: limit,
        config: { rateLimit },
        schema: {
          operationId: "matchImage",
          tags: ["content"],
          summary: "Match an uploaded image (raw image/* body, at most 20 MB) by PDQ, MD5 and SHA-256",
          description: "Send the image bytes as the body with an image/* content type. Nothing is stored.",
          consumes: ["image/jpeg", "image/png", "image/webp", "image/gif", "application/octet-stream"],
          querystring: imageMatchQuery,
          response: { 200: matchResultSchema },
        },
      },
      async (req) => content.matchImage(actorOf(req), imageBody(req.body), req.query.maxDistance),
    );
  });

  // Imports take the file as text whatever its type (CSV, JSON or a plain list), parsed by the service.
  app.register(async (scope: ZodApp) => {
    const limit = opts.importBodyLimit ?? 64 * MB;
    scope.removeContentTypeParser(["application/json", "text/plain"]);
    scope.addContentTypeParser(
      ["text/plain", "text/csv", "application/json", "application/x-ndjson"],
      { parseAs: "string", bodyLimit: limit },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      "/api/v1/content/banks/:id/import",
      {
        bodyLimit: limit,
        schema: {
          operationId: "importBankEntries",
          tags: ["content"],
          summary: "Import hashes: a plain list (one per line), CSV or JSON (signal type, value, tags)",
          description:
            "The whole file is validated first; any bad line gives 400 with line numbers and nothing is stored. Re-importing the same file changes nothing.",
          consumes: ["text/plain", "text/csv", "application/json"],
          params: idParams,
          querystring: importQuery,
          body: z.string().max(limit),
          response: { 200: importResultSchema },
        },
      },
      async (req) => content.importEntries(actorOf(req), req.params.id, req.body, req.query),
    );
  });

  app.get(
    "/api/v1/content/banks/:id/export",
    {
      schema: {
        operationId: "exportBank",
        tags: ["content"],
        summary: "Export a bank as a plain list, CSV or JSON (audited)",
        params: idParams,
        querystring: exportQuery,
        produces: ["text/plain", "text/csv", "application/json"],
        response: { 200: z.string().describe("text/plain, text/csv or application/json") },
      },
    },
    async (req, reply) => {
      const body = await content.exportEntries(actorOf(req), req.params.id, req.query);
      const type = { plain: "text/plain", csv: "text/csv", json: "application/json" }[req.query.format];
      return reply.type(`${type}; charset=utf-8`).send(body);
    },
  );
}

function registerBankRoutes(app: ZodApp, content: ContentService) {
  app.get(
    "/api/v1/content/banks",
    {
      schema: {
        operationId: "listBanks",
        tags: ["content"],
        summary: "List the hash banks your country may see",
        response: { 200: z.object({ items: z.array(bankSchema) }) },
      },
    },
    async (req) => ({ items: await content.listBanks(actorOf(req)) }),
  );
  app.post(
    "/api/v1/content/banks",
    {
      schema: {
        operationId: "createBank",
        tags: ["content"],
        summary: "Create a hash bank owned by your country",
        body: createBankSchema,
        response: { 201: bankSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await content.createBank(actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/content/banks/:id",
    {
      schema: {
        operationId: "getBank",
        tags: ["content"],
        summary: "Open a hash bank",
        params: idParams,
        response: { 200: bankSchema },
      },
    },
    async (req) => content.getBank(actorOf(req), req.params.id),
  );
  app.patch(
    "/api/v1/content/banks/:id",
    {
      schema: {
        operationId: "updateBank",
        tags: ["content"],
        summary: "Change a bank's name, envelope or platform sharing (owner or Secretariat)",
        params: idParams,
        body: updateBankSchema,
        response: { 200: bankSchema },
      },
    },
    async (req) => content.updateBank(actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/content/banks/:id/entries",
    {
      schema: {
        operationId: "listBankEntries",
        tags: ["content"],
        summary: "List a bank's entries",
        params: idParams,
        querystring: listEntriesQuery,
        response: {
          200: z.object({
            items: z.array(entrySchema.extend({ hasThumbnail: z.boolean() })),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => content.listEntries(actorOf(req), req.params.id, req.query),
  );
  app.post(
    "/api/v1/content/banks/:id/entries",
    {
      schema: {
        operationId: "addBankEntry",
        tags: ["content"],
        summary: "Add one hash to a bank (an existing hash only gains the new labels)",
        params: idParams,
        body: createEntrySchema,
        response: { 200: entrySchema },
      },
    },
    async (req) => content.addEntry(actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/content/banks/:id/entries/status",
    {
      schema: {
        operationId: "setBankEntriesStatus",
        tags: ["content"],
        summary: "Change the status of several entries of a bank, with the reason: all of them or none",
        params: idParams,
        body: bulkEntryStatusSchema,
        response: {
          200: z.object({
            changed: z.number().int(),
            unchanged: z.number().int(),
            items: z.array(entrySchema),
          }),
        },
      },
    },
    async (req) => content.setEntriesStatus(actorOf(req), req.params.id, req.body),
  );
  app.patch(
    "/api/v1/content/entries/:id",
    {
      schema: {
        operationId: "updateBankEntry",
        tags: ["content"],
        summary: "Change an entry's status (active, disputed, retired) or labels",
        params: entryParams,
        body: updateEntrySchema,
        response: { 200: entrySchema },
      },
    },
    async (req) => content.updateEntry(actorOf(req), req.params.id, req.body),
  );
}
