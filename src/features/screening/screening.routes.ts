import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import type { createChecks } from "./screening.check.ts";
import type { Hits } from "./screening.hits.ts";
import { registerManifestRoute } from "./screening.manifest.routes.ts";
import {
  carrierAnswerSchema,
  carrierCheckSchema,
  checkRequestSchema,
  checkResultSchema,
  decisionSchema,
  hitListSchema,
  listHitsQuery,
  MAX_FACE_PHOTO_BASE64,
  statusSchema,
  storedHitSchema,
  webhookSchema,
} from "./screening.schema.ts";
import type { ScreeningService } from "./screening.service.ts";

const idParams = z.object({ id: z.uuid() });
const TAG = "screening";
/** How often the live stream looks for new hits (written by any node). */
const STREAM_POLL_MS = 1000;

export type ScreeningRoutes = {
  service: ScreeningService;
  checks: ReturnType<typeof createChecks>;
  hits: Hits;
};

export function registerScreeningRoutes(app: ZodApp, s: ScreeningRoutes): void {
  registerManifestRoute(app, s.service);
  app.post(
    "/api/v1/screening/check",
    {
      schema: {
        operationId: "screenTraveller",
        tags: [TAG],
        summary: "Check one traveller (fields, MRZ or both) against everything your country may see",
        description:
          "Names in any script and order, date of birth, nationality, sex and documents are compared with notices, diffusions, the persons database and the stolen and lost travel documents. Each match is stored, audited and sent to the record's owner; the answer says what to do and whom to contact, never the file. A discreet check answers only that no action is to be taken. A fingerprint template, face photo or face template is searched 1:N as well; a possible biometric match is answered only as 'refer to the bureau', whose decision is recorded before anyone learns more.",
        body: checkRequestSchema,
        response: { 200: checkResultSchema },
      },
      // A face photo travels inside the JSON as base64: room for it, and no more.
      bodyLimit: MAX_FACE_PHOTO_BASE64 + 1024 * 1024,
    },
    async (req) => s.checks.check(actorOf(req), req.body),
  );

  app.post(
    "/api/v1/screening/carrier-check",
    {
      schema: {
        operationId: "carrierCheck",
        tags: [TAG],
        summary: "A carrier's boarding check of one travel document: board or do not board, nothing more",
        body: carrierCheckSchema,
        response: { 200: carrierAnswerSchema },
      },
    },
    async (req) => s.checks.carrierCheck(actorOf(req), req.body),
  );

  app.get(
    "/api/v1/screening/hits",
    {
      schema: {
        operationId: "listScreeningHits",
        tags: [TAG],
        summary: "Hits on your country's records (the inbox) and your country's own checks, newest first",
        querystring: listHitsQuery,
        response: { 200: hitListSchema },
      },
    },
    async (req) => s.hits.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/screening/hits/stream",
    {
      schema: {
        operationId: "streamScreeningHits",
        tags: [TAG],
        summary: "Server-sent events: each new hit you may read, as it lands (event 'hit')",
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }).strict(),
        produces: ["text/event-stream"],
        response: { 200: z.string().describe("text/event-stream") },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      // Checks access (and fails as a problem response) before the stream opens.
      // A reconnecting EventSource sends the last id it saw: the stream resumes after it.
      const lastEventId = Number(req.headers["last-event-id"]);
      const resume = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : undefined;
      let seq = req.query.after ?? resume ?? (await s.hits.list(actor, { limit: 1 })).items[0]?.seq ?? 0;
      reply.hijack();
      reply.raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      reply.raw.write(": connected\n\n");
      let open = true;
      req.raw.on("close", () => {
        open = false;
      });
      while (open) {
        try {
          for (const h of await s.hits.since(actor, seq)) {
            seq = h.seq;
            reply.raw.write(`id: ${h.seq}\nevent: hit\ndata: ${JSON.stringify(h)}\n\n`);
          }
        } catch {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, STREAM_POLL_MS));
      }
      reply.raw.end();
    },
  );

  app.get(
    "/api/v1/screening/hits/:id",
    {
      schema: {
        operationId: "getScreeningHit",
        tags: [TAG],
        summary: "One hit",
        params: idParams,
        response: { 200: storedHitSchema },
      },
    },
    async (req) => s.hits.get(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/screening/hits/:id/encounters",
    {
      schema: {
        operationId: "getTravellerEncounters",
        tags: [TAG],
        summary: "The traveller's encounter history: every hit on the same traveller you may read",
        params: idParams,
        response: { 200: z.object({ items: z.array(storedHitSchema) }) },
      },
    },
    async (req) => ({ items: await s.hits.encounters(actorOf(req), req.params.id) }),
  );

  app.post(
    "/api/v1/screening/hits/:id/decision",
    {
      schema: {
        operationId: "decideScreeningHit",
        tags: [TAG],
        summary:
          "The owner confirms or rejects a match; a rejected one is not raised again for this traveller",
        params: idParams,
        body: decisionSchema,
        response: { 200: storedHitSchema },
      },
    },
    async (req) => s.hits.decide(actorOf(req), req.params.id, req.body),
  );

  app.put(
    "/api/v1/screening/webhook",
    {
      schema: {
        operationId: "setScreeningWebhook",
        tags: [TAG],
        summary: "Send each hit on your country's records to your national system (signed, retried)",
        body: webhookSchema,
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    async (req) => s.hits.setWebhook(actorOf(req), req.body),
  );

  app.delete(
    "/api/v1/screening/webhook",
    {
      schema: {
        operationId: "deleteScreeningWebhook",
        tags: [TAG],
        summary: "Stop sending hits to your national system",
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await s.hits.deleteWebhook(actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/screening/status",
    {
      schema: {
        operationId: "screeningStatus",
        tags: [TAG],
        summary: "This node's watchlist: records and document numbers held, and their memory",
        response: { 200: statusSchema },
      },
    },
    async (req) => {
      s.service.ensureScreen(actorOf(req));
      const w = await s.service.feed.current();
      return { listed: w.size, documentNumbers: w.documents.size, memoryBytes: w.memory() };
    },
  );
}
