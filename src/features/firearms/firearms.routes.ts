import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { registerImportRoute } from "../../shared/bulk/import-route.ts";
import {
  createFirearmSchema,
  createTraceRequestSchema,
  declineTraceRequestSchema,
  exportFirearmsQuery,
  firearmPageSchema,
  firearmSchema,
  listFirearmsQuery,
  listTraceRequestsQuery,
  replyTraceRequestSchema,
  traceRequestPageSchema,
  traceRequestSchema,
  updateFirearmSchema,
} from "./firearms.schema.ts";
import type { FirearmsService } from "./firearms.service.ts";
import type { TracesService } from "./traces.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const tags = ["firearms"];

export function registerFirearmsRoutes(app: ZodApp, firearms: FirearmsService, traces: TracesService): void {
  app.get(
    "/api/v1/firearms",
    {
      schema: {
        operationId: "listFirearms",
        tags,
        summary: "List or search the firearms your country may see (serial number normalised, make, model)",
        querystring: listFirearmsQuery,
        response: { 200: firearmPageSchema },
      },
    },
    async (req) => firearms.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/firearms/export",
    {
      schema: {
        operationId: "exportFirearms",
        tags,
        summary: "Export the visible firearms as JSON lines or CSV",
        querystring: exportFirearmsQuery,
        produces: ["application/x-ndjson", "text/csv"],
        response: { 200: z.string().describe("One firearm per line (JSON lines), or CSV with a header") },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const lines = firearms.exportAll(actorOf(req), filters, format);
      // Pull the first line before answering, so access errors become a proper problem response.
      const first = await lines.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      return reply
        .type(format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson")
        .send(Readable.from(all()) as never); // a stream bypasses the JSON serializer
    },
  );

  app.get(
    "/api/v1/firearms/:id",
    {
      schema: {
        operationId: "getFirearm",
        tags,
        summary: "Open a firearm (audited)",
        params: idParams,
        response: { 200: firearmSchema },
      },
    },
    async (req) => firearms.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/firearms",
    {
      schema: {
        operationId: "createFirearm",
        tags,
        summary: "Enter a lost, stolen, trafficked, smuggled or seized firearm owned by your country",
        body: createFirearmSchema,
        response: { 201: firearmSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await firearms.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/firearms/:id",
    {
      schema: {
        operationId: "updateFirearm",
        tags,
        summary: "Change a firearm (owner only)",
        params: idParams,
        body: updateFirearmSchema,
        response: { 200: firearmSchema },
      },
    },
    async (req) => firearms.update(actorOf(req), req.params.id, req.body),
  );

  registerImportRoute(app, {
    url: "/api/v1/firearms/import",
    operationId: "importFirearms",
    tag: "firearms",
    summary:
      "Import your country's firearms from CSV (serial_number,make,type,status,model,calibre,country_of_manufacture,event_date) or JSON Lines",
    importStream: firearms.importStream,
  });

  registerTraceRoutes(app, traces);
}

function registerTraceRoutes(app: ZodApp, traces: TracesService): void {
  app.post(
    "/api/v1/trace-requests",
    {
      schema: {
        operationId: "createTraceRequest",
        tags,
        summary: "Ask another bureau (the firearm's owner by default) to trace a firearm you may see",
        body: createTraceRequestSchema,
        response: { 201: traceRequestSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await traces.create(actorOf(req), req.body)),
  );

  app.get(
    "/api/v1/trace-requests",
    {
      schema: {
        operationId: "listTraceRequests",
        tags,
        summary: "Trace requests your bureau sent or received (the General Secretariat: all)",
        querystring: listTraceRequestsQuery,
        response: { 200: traceRequestPageSchema },
      },
    },
    async (req) => traces.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/trace-requests/:id",
    {
      schema: {
        operationId: "getTraceRequest",
        tags,
        summary: "Open a trace request (audited); its firearm only if you may see it",
        params: idParams,
        response: { 200: traceRequestSchema },
      },
    },
    async (req) => traces.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/trace-requests/:id/reply",
    {
      schema: {
        operationId: "replyTraceRequest",
        tags,
        summary: "Answer a trace request addressed to your bureau",
        params: idParams,
        body: replyTraceRequestSchema,
        response: { 200: traceRequestSchema },
      },
    },
    async (req) => traces.reply(actorOf(req), req.params.id, req.body),
  );

  app.post(
    "/api/v1/trace-requests/:id/decline",
    {
      schema: {
        operationId: "declineTraceRequest",
        tags,
        summary: "Decline a trace request addressed to your bureau, with the reason",
        params: idParams,
        body: declineTraceRequestSchema,
        response: { 200: traceRequestSchema },
      },
    },
    async (req) => traces.decline(actorOf(req), req.params.id, req.body),
  );
}
