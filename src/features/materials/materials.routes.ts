import type { ZodApp } from "../../http/zod-app.ts";
import { registerObjectRoutes } from "../../shared/objects/objects.routes.ts";
import {
  createMaterialSchema,
  exportMaterialsQuery,
  listMaterialsQuery,
  materialPageSchema,
  materialSchema,
  updateMaterialSchema,
} from "./materials.schema.ts";
import type { MaterialsService } from "./materials.service.ts";

export function registerMaterialsRoutes(app: ZodApp, materials: MaterialsService): void {
  registerObjectRoutes(app, materials, {
    path: "/api/v1/materials",
    tag: "materials",
    schemas: {
      list: listMaterialsQuery,
      export: exportMaterialsQuery,
      page: materialPageSchema,
      item: materialSchema,
      create: createMaterialSchema,
      update: updateMaterialSchema,
    },
    exportLine: "One material per line (JSON lines), or CSV with a header",
    ops: {
      list: {
        operationId: "listMaterials",
        summary:
          "List or search the CBRNE materials your country may see (identifier normalised, category, status, country)",
      },
      export: {
        operationId: "exportMaterials",
        summary: "Export the visible CBRNE materials as JSON lines or CSV",
      },
      get: { operationId: "getMaterial", summary: "Open a CBRNE material (audited)" },
      create: {
        operationId: "createMaterial",
        summary: "Enter lost, stolen, seized or recovered CBRNE material owned by your country",
      },
      update: { operationId: "updateMaterial", summary: "Change a CBRNE material (owner only)" },
      import: {
        operationId: "importMaterials",
        summary:
          "Import your country's CBRNE materials from CSV (category,description,identifier,quantity,unit,place,country,event_date,status) or JSON Lines",
      },
    },
  });
}
