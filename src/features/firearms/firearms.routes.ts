import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { registerObjectRoutes } from "../../shared/objects/objects.routes.ts";
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
  registerObjectRoutes(app, firearms, {
    path: "/api/v1/firearms",
    tag: "firearms",
    schemas: {
      list: listFirearmsQuery,
      export: exportFirearmsQuery,
      page: firearmPageSchema,
      item: firearmSchema,
      create: createFirearmSchema,
      update: updateFirearmSchema,
    },
    exportLine: "One firearm per line (JSON lines), or CSV with a header",
    ops: {
      list: {
        operationId: "listFirearms",
        summary: "List or search the firearms your country may see (serial number normalised, make, model)",
      },
      export: { operationId: "exportFirearms", summary: "Export the visible firearms as JSON lines or CSV" },
      get: { operationId: "getFirearm", summary: "Open a firearm (audited)" },
      create: {
        operationId: "createFirearm",
        summary: "Enter a lost, stolen, trafficked, smuggled or seized firearm owned by your country",
      },
      update: { operationId: "updateFirearm", summary: "Change a firearm (owner only)" },
      import: {
        operationId: "importFirearms",
        summary:
          "Import your country's firearms from CSV (serial_number,make,type,status,model,calibre,country_of_manufacture,event_date) or JSON Lines",
      },
    },
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
