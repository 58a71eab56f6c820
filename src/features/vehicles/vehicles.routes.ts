import type { ZodApp } from "../../http/zod-app.ts";
import { registerObjectRoutes } from "../../shared/objects/objects.routes.ts";
import {
  createVehicleSchema,
  exportVehiclesQuery,
  listVehiclesQuery,
  updateVehicleSchema,
  vehiclePageSchema,
  vehicleSchema,
} from "./vehicles.schema.ts";
import type { VehiclesService } from "./vehicles.service.ts";

export function registerVehiclesRoutes(app: ZodApp, vehicles: VehiclesService): void {
  registerObjectRoutes(app, vehicles, {
    path: "/api/v1/vehicles",
    tag: "vehicles",
    schemas: {
      list: listVehiclesQuery,
      export: exportVehiclesQuery,
      page: vehiclePageSchema,
      item: vehicleSchema,
      create: createVehicleSchema,
      update: updateVehicleSchema,
    },
    exportLine: "One vehicle per line (JSON lines), or CSV with a header",
    ops: {
      list: {
        operationId: "listVehicles",
        summary: "List or search the vehicles your country may see (VIN, plate normalised, make, model)",
      },
      export: { operationId: "exportVehicles", summary: "Export the visible vehicles as JSON lines or CSV" },
      get: { operationId: "getVehicle", summary: "Open a vehicle (audited)" },
      create: {
        operationId: "createVehicle",
        summary:
          "Enter a stolen, wanted, seized or recovered vehicle owned by your country (VIN check digit verified where it applies)",
      },
      update: { operationId: "updateVehicle", summary: "Change a vehicle (owner only)" },
      import: {
        operationId: "importVehicles",
        summary:
          "Import your country's vehicles from CSV (vin,plate,plate_country,make,model,colour,status,event_date) or JSON Lines",
      },
    },
  });
}
