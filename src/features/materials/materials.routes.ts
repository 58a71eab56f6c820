import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { registerImportRoute } from "../../shared/bulk/import-route.ts";
import {
  createMaterialSchema,
  exportMaterialsQuery,
  listMaterialsQuery,
  materialPageSchema,
  materialSchema,
  updateMaterialSchema,
} from "./materials.schema.ts";
import type { MaterialsService } from "./materials.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const tags = ["materials"];

export function registerMaterialsRoutes(app: ZodApp, materials: MaterialsService): void {
  app.get(
    "/api/v1/materials",
    {
      schema: {
        operationId: "listMaterials",
        tags,
        summary:
          "List or search the CBRNE materials your country may see (identifier normalised, category, status, country)",
        querystring: listMaterialsQuery,
        response: { 200: materialPageSchema },
      },
    },
    async (req) => materials.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/materials/export",
    {
      schema: {
        operationId: "exportMaterials",
        tags,
        summary: "Export the visible CBRNE materials as JSON lines or CSV",
        querystring: exportMaterialsQuery,
        produces: ["application/x-ndjson", "text/csv"],
        response: { 200: z.string().describe("One material per line (JSON lines), or CSV with a header") },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const lines = materials.exportAll(actorOf(req), filters, format);
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
    "/api/v1/materials/:id",
    {
      schema: {
        operationId: "getMaterial",
        tags,
        summary: "Open a CBRNE material (audited)",
        params: idParams,
        response: { 200: materialSchema },
      },
    },
    async (req) => materials.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/materials",
    {
      schema: {
        operationId: "createMaterial",
        tags,
        summary: "Enter lost, stolen, seized or recovered CBRNE material owned by your country",
        body: createMaterialSchema,
        response: { 201: materialSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await materials.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/materials/:id",
    {
      schema: {
        operationId: "updateMaterial",
        tags,
        summary: "Change a CBRNE material (owner only)",
        params: idParams,
        body: updateMaterialSchema,
        response: { 200: materialSchema },
      },
    },
    async (req) => materials.update(actorOf(req), req.params.id, req.body),
  );

  registerImportRoute(app, {
    url: "/api/v1/materials/import",
    operationId: "importMaterials",
    tag: "materials",
    summary:
      "Import your country's CBRNE materials from CSV (category,description,identifier,quantity,unit,place,country,event_date,status) or JSON Lines",
    importStream: materials.importStream,
  });
}
