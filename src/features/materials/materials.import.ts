import { z } from "zod";
import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ByteSource } from "../../shared/bulk/bulk-import.ts";
import {
  countryCell,
  flatRow,
  type ImportOptions,
  importedColumns,
  importObjects,
} from "../../shared/bulk/object-import.ts";
import { AppError } from "../../shared/errors.ts";
import { identifierText, normalizeIdentifier, shortText } from "../../shared/objects.ts";
import { materialsPolicy } from "./materials.policy.ts";
import * as repo from "./materials.repo.ts";
import { materialCategories, materialStatuses, materialUnits } from "./materials.schema.ts";

/** The CSV header of a materials import; the first six columns are required. */
export const materialImportColumns = [
  "category",
  "description",
  "identifier",
  "country",
  "event_date",
  "status",
  "quantity",
  "unit",
  "place",
] as const;

/**
 * The identifier is the natural key (with the owner and the category), so an import needs it: a row
 * without one could only ever be inserted again on a re-run. Such a material is entered through the
 * API, one by one.
 */
export const NO_IDENTIFIER =
  "required in an import (the key is category and identifier); enter a material without one through the API";

// A CSV cell is text: "1.5" is read as the number 1.5; anything else is left to the number check.
const quantityCell = z.preprocess(
  (v) => (typeof v === "string" && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v),
  z.number().positive().finite(),
);

/** One flat row of a materials import (CSV or JSON Lines, same names). */
export const materialRowSchema = flatRow(
  { eventDate: "event_date" },
  z
    .object({
      category: z.enum(materialCategories),
      description: shortText(2000),
      identifier: z
        .string({ error: (i) => (i.input === undefined ? NO_IDENTIFIER : undefined) })
        .pipe(identifierText(100)),
      quantity: quantityCell.optional(),
      unit: z.enum(materialUnits).optional(),
      place: shortText(500).optional(),
      country: countryCell,
      event_date: z.iso.date(),
      status: z.enum(materialStatuses),
    })
    .refine((m) => (m.quantity === undefined) === (m.unit === undefined), {
      path: ["unit"],
      message: "a quantity needs its unit, and a unit its quantity",
    }),
);
export type MaterialImportRow = z.output<typeof materialRowSchema>;

/** Streams materials in, owned by the actor's country, upserted by (owner, category, identifier). */
export async function importMaterials(
  deps: Pick<Deps, "db" | "clock">,
  actor: Actor,
  source: ByteSource,
  o: ImportOptions,
  reviewYears: number,
) {
  if (!materialsPolicy.write(actor))
    throw new AppError("forbidden", "Your role may not import CBRNE materials.");
  return importObjects(deps, actor, source, o, {
    entity: "material",
    schema: materialRowSchema,
    requiredColumns: materialImportColumns.slice(0, 6),
    keyOf: (v) => `${v.category}|${normalizeIdentifier(v.identifier)}`,
    toRow: (v, now) => ({
      category: v.category,
      description: v.description,
      identifier: v.identifier,
      identifier_normalized: normalizeIdentifier(v.identifier),
      quantity: v.quantity ?? null,
      unit: v.unit ?? null,
      place: v.place ?? null,
      country: v.country,
      event_date: v.event_date,
      status: v.status,
      ...importedColumns(actor, now, reviewYears),
    }),
    upsert: repo.upsertBatch,
    recordChanges: repo.recordChanges,
  });
}
