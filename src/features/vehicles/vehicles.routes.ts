import { Readable } from "node:stream";
import { z } from "zod";
import { actorOf } from "../../http/auth-plugin.ts";
import type { ZodApp } from "../../http/zod-app.ts";
import { registerImportRoute } from "../../shared/bulk/import-route.ts";
import {
  createVehicleSchema,
  exportVehiclesQuery,
  listVehiclesQuery,
  updateVehicleSchema,
  vehiclePageSchema,
  vehicleSchema,
} from "./vehicles.schema.ts";
import type { VehiclesService } from "./vehicles.service.ts";

const idParams = z.object({ id: z.string().max(100) });
const tags = ["vehicles"];

export function registerVehiclesRoutes(app: ZodApp, vehicles: VehiclesService): void {
  app.get(
    "/api/v1/vehicles",
    {
      schema: {
        operationId: "listVehicles",
        tags,
        summary: "List or search the vehicles your country may see (VIN, plate normalised, make, model)",
        querystring: listVehiclesQuery,
        response: { 200: vehiclePageSchema },
      },
    },
    async (req) => vehicles.list(actorOf(req), req.query),
  );

  app.get(
    "/api/v1/vehicles/export",
    {
      schema: {
        operationId: "exportVehicles",
        tags,
        summary: "Export the visible vehicles as JSON lines or CSV",
        querystring: exportVehiclesQuery,
        produces: ["application/x-ndjson", "text/csv"],
        response: { 200: z.string().describe("One vehicle per line (JSON lines), or CSV with a header") },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const lines = vehicles.exportAll(actorOf(req), filters, format);
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
    "/api/v1/vehicles/:id",
    {
      schema: {
        operationId: "getVehicle",
        tags,
        summary: "Open a vehicle (audited)",
        params: idParams,
        response: { 200: vehicleSchema },
      },
    },
    async (req) => vehicles.get(actorOf(req), req.params.id),
  );

  app.post(
    "/api/v1/vehicles",
    {
      schema: {
        operationId: "createVehicle",
        tags,
        summary:
          "Enter a stolen, wanted, seized or recovered vehicle owned by your country (VIN check digit verified where it applies)",
        body: createVehicleSchema,
        response: { 201: vehicleSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await vehicles.create(actorOf(req), req.body)),
  );

  app.patch(
    "/api/v1/vehicles/:id",
    {
      schema: {
        operationId: "updateVehicle",
        tags,
        summary: "Change a vehicle (owner only)",
        params: idParams,
        body: updateVehicleSchema,
        response: { 200: vehicleSchema },
      },
    },
    async (req) => vehicles.update(actorOf(req), req.params.id, req.body),
  );

  registerImportRoute(app, {
    url: "/api/v1/vehicles/import",
    operationId: "importVehicles",
    tag: "vehicles",
    summary:
      "Import your country's vehicles from CSV (vin,plate,plate_country,make,model,colour,status,event_date) or JSON Lines",
    importStream: vehicles.importStream,
  });
}
