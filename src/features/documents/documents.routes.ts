import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { registerImportRoute } from "../../shared/bulk/import-route.ts";
import {
  documentInputSchema,
  documentPageSchema,
  documentSchema,
  exportDocumentsQuery,
  listDocumentsQuery,
  updateDocumentStatusSchema,
} from "./documents.schema.ts";
import type { DocumentsService } from "./documents.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const NDJSON = "application/x-ndjson";

export function registerDocumentsRoutes(app: ZodApp, documents: DocumentsService): void {
  app.get(
    "/api/v1/documents",
    {
      schema: {
        operationId: "listDocuments",
        tags: ["documents"],
        summary: "List or search (by number) the stolen and lost travel documents your country may see",
        querystring: listDocumentsQuery,
        response: { 200: documentPageSchema },
      },
    },
    async (req) => documents.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/documents/export",
    {
      schema: {
        operationId: "exportDocuments",
        tags: ["documents"],
        summary: "Export the visible travel documents as CSV or JSON Lines (audited)",
        querystring: exportDocumentsQuery,
        produces: ["text/csv", NDJSON],
        response: { 200: z.string().describe("One document per line (text/csv or application/x-ndjson)") },
      },
    },
    async (req, reply) => {
      const lines = documents.exportLines(actorOf(req), req.query.format);
      // Pull the first line before answering, so access errors become a proper problem response.
      const first = await lines.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      const type = req.query.format === "csv" ? "text/csv; charset=utf-8" : NDJSON;
      return reply.type(type).send(Readable.from(all()) as never); // a stream bypasses the serializer
    },
  );

  app.get(
    "/api/v1/documents/:id",
    {
      schema: {
        operationId: "getDocument",
        tags: ["documents"],
        summary: "Open a travel document (audited)",
        params: idParams,
        response: { 200: documentSchema },
      },
    },
    async (req) => documents.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/documents",
    {
      schema: {
        operationId: "createDocument",
        tags: ["documents"],
        summary: "Enter a stolen or lost travel document issued by your country",
        body: documentInputSchema,
        response: { 201: documentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await documents.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/documents/:id/status",
    {
      schema: {
        operationId: "updateDocumentStatus",
        tags: ["documents"],
        summary: "Change a document's status (issuing country only)",
        params: idParams,
        body: updateDocumentStatusSchema,
        response: { 200: documentSchema },
      },
    },
    async (req) => documents.updateStatus(actorOf(req), req.params.id, req.body),
  );

  // The import takes the file as text (CSV or JSON Lines), bounded by the body limit.
  registerImportRoute(app, {
    url: "/api/v1/documents/import",
    operationId: "importDocuments",
    tag: "documents",
    summary: "Import your country's documents from CSV (number,country,type,status,...) or JSON Lines",
    description:
      "Rows are validated one by one: bad rows come back as rejects with their line and reason, the rest is stored in batches. Re-importing the same file changes nothing.",
    importStream: documents.importStream,
  });
}
