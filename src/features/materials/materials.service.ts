import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ByteSource } from "../../shared/bulk/bulk-import.ts";
import type { ImportOptions } from "../../shared/bulk/object-import.ts";
import { createObjectService } from "../../shared/objects/objects.service.ts";
import { normalizeIdentifier } from "../../shared/objects.ts";
import { importMaterials } from "./materials.import.ts";
import { materialsPolicy } from "./materials.policy.ts";
import { objects } from "./materials.repo.ts";
import {
  createMaterialSchema,
  type MaterialFilters,
  materialCsvColumns,
  materialCsvRow,
  materialFtm,
  updateMaterialSchema,
} from "./materials.schema.ts";

// CBRNE materials are re-validated by their owner every ten years, as stolen documents are.
export const MATERIAL_REVIEW_YEARS = 10;

/** Searches compare the stored form of the identifier. */
const normalized = <Q extends MaterialFilters>(q: Q): Q => ({
  ...q,
  ...(q.identifier !== undefined && { identifier: normalizeIdentifier(q.identifier) }),
});

export function createMaterialsService({ db, clock }: Deps) {
  const shared = createObjectService(
    { db, clock },
    {
      kind: "material",
      plural: "CBRNE materials",
      policy: materialsPolicy,
      repo: objects,
      reviewYears: MATERIAL_REVIEW_YEARS,
      createSchema: createMaterialSchema,
      updateSchema: updateMaterialSchema,
      insertColumns: (v) => ({
        category: v.category,
        description: v.description,
        identifier: v.identifier ?? null,
        identifier_normalized: v.identifier ? normalizeIdentifier(v.identifier) : null,
        quantity: v.quantity ?? null,
        unit: v.unit ?? null,
        place: v.place ?? null,
        country: v.country,
        status: v.status,
        event_date: v.eventDate,
      }),
      updateColumns: (v) => ({
        ...(v.category !== undefined && { category: v.category }),
        ...(v.description !== undefined && { description: v.description }),
        ...(v.identifier !== undefined && {
          identifier: v.identifier,
          identifier_normalized: normalizeIdentifier(v.identifier),
        }),
        ...(v.quantity !== undefined && { quantity: v.quantity }),
        ...(v.unit !== undefined && { unit: v.unit }),
        ...(v.place !== undefined && { place: v.place }),
        ...(v.country !== undefined && { country: v.country }),
        ...(v.status !== undefined && { status: v.status }),
        ...(v.eventDate !== undefined && { event_date: v.eventDate }),
      }),
      normalize: normalized,
      exports: { columns: materialCsvColumns, row: materialCsvRow, ftm: materialFtm },
    },
  );

  /** Bulk import (CSV or JSON Lines) of the actor's country's materials: `materials.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importMaterials({ db, clock }, actor, source, o, MATERIAL_REVIEW_YEARS);

  return { ...shared, importStream };
}

export type MaterialsService = ReturnType<typeof createMaterialsService>;
