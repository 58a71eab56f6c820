import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { personsExportFormats } from "./persons.export.ts";
import { registerPersonsImportRoute } from "./persons.import.routes.ts";
import { recordLinksSchema } from "./records.links.ts";
import { registerPhotoRoutes } from "./records.photos.routes.ts";
import {
  createRecordSchema,
  listRecordsQuery,
  recordPageSchema,
  recordSchema,
  statementSchema,
  updateRecordSchema,
} from "./records.schema.ts";
import type { RecordsService } from "./records.service.ts";

const exportRecordsQuery = listRecordsQuery
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(personsExportFormats).default("ftm") });

const idParams = z.object({ id: z.string().max(100) });

export function registerRecordsRoutes(app: ZodApp, records: RecordsService): void {
  registerPersonsImportRoute(app, records);
  registerPhotoRoutes(app, records);

  app.get(
    "/api/v1/records",
    {
      schema: {
        operationId: "listRecords",
        tags: ["records"],
        summary: "List or search the intelligence records your country may see",
        querystring: listRecordsQuery,
        response: { 200: recordPageSchema },
      },
    },
    async (req) => records.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/records/export",
    {
      schema: {
        operationId: "exportRecords",
        tags: ["records"],
        summary: "Export the visible records: FtM entities, or the import's flat rows as JSON Lines or CSV",
        querystring: exportRecordsQuery,
        produces: ["application/x-ndjson", "text/csv"],
        response: { 200: z.string().describe("One record per line (FtM entities by default)") },
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const lines = records.exportLines(actorOf(req), q, format);
      // Pull the first line before answering, so access errors become a proper problem response.
      const first = await lines.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      const type = format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson";
      return reply.type(type).send(Readable.from(all()) as never); // a stream bypasses the JSON serializer
    },
  );

  app.get(
    "/api/v1/records/:id",
    {
      schema: {
        operationId: "getRecord",
        tags: ["records"],
        summary: "Open a record (audited)",
        params: idParams,
        response: { 200: recordSchema },
      },
    },
    async (req) => records.get(actorOf(req), req.params.id),
  );

  app.get(
    "/api/v1/records/:id/history",
    {
      schema: {
        operationId: "getRecordHistory",
        tags: ["records"],
        summary: "Every value of a record with its provenance",
        params: idParams,
        response: {
          200: z.object({ items: z.array(statementSchema) }),
        },
      },
    },
    async (req) => ({ items: await records.history(actorOf(req), req.params.id) }),
  );

  app.get(
    "/api/v1/records/:id/links",
    {
      schema: {
        operationId: "getRecordLinks",
        tags: ["records"],
        summary:
          "The records this one names and the records that name it (memberships, family, passports...)",
        description:
          "Both ends are records you may see; a link to a record you may not see is not listed, and not counted.",
        params: idParams,
        response: { 200: recordLinksSchema },
      },
    },
    async (req) => records.linksOf(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/records",
    {
      schema: {
        operationId: "createRecord",
        tags: ["records"],
        summary: "Enter a record owned by your country",
        body: createRecordSchema,
        response: { 201: recordSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await records.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/records/:id",
    {
      schema: {
        operationId: "updateRecord",
        tags: ["records"],
        summary: "Change a record (owner only)",
        params: idParams,
        body: updateRecordSchema,
        response: { 200: recordSchema },
      },
    },
    async (req) => records.update(actorOf(req), req.params.id, req.body),
  );
}
