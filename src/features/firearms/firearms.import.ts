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
import { firearmsPolicy } from "./firearms.policy.ts";
import * as repo from "./firearms.repo.ts";
import { firearmStatuses, firearmTypes } from "./firearms.schema.ts";

/** The CSV header of a firearms import; the first four columns are required. */
export const firearmImportColumns = [
  "serial_number",
  "make",
  "type",
  "status",
  "model",
  "calibre",
  "country_of_manufacture",
  "event_date",
] as const;

/**
 * One flat row of a firearms import (CSV or JSON Lines, same names). No envelope: the import's
 * applies to new rows, and a stored row keeps its own. Unknown columns are ignored.
 */
export const firearmRowSchema = flatRow(
  {
    serialNumber: "serial_number",
    countryOfManufacture: "country_of_manufacture",
    eventDate: "event_date",
  },
  z.object({
    serial_number: identifierText(100),
    make: shortText(),
    model: shortText().optional(),
    calibre: shortText(50).optional(),
    type: z.enum(firearmTypes),
    country_of_manufacture: countryCell.optional(),
    status: z.enum(firearmStatuses),
    event_date: z.iso.date().optional(),
  }),
);
export type FirearmRow = z.output<typeof firearmRowSchema>;

/**
 * Streams firearms in, owned by the actor's country, upserted by the natural key (owner, normalised
 * serial, make case-insensitively): a re-run creates nothing and reports the rows unchanged.
 */
export async function importFirearms(
  deps: Pick<Deps, "db" | "clock">,
  actor: Actor,
  source: ByteSource,
  o: ImportOptions,
  reviewYears: number,
) {
  if (!firearmsPolicy.write(actor)) throw new AppError("forbidden", "Your role may not import firearms.");
  return importObjects(deps, actor, source, o, {
    entity: "firearm",
    schema: firearmRowSchema,
    requiredColumns: firearmImportColumns.slice(0, 4),
    keyOf: (v) => `${normalizeIdentifier(v.serial_number)}|${v.make.toLowerCase()}`,
    toRow: (v, now) => ({
      serial_number: v.serial_number,
      serial_normalized: normalizeIdentifier(v.serial_number),
      make: v.make,
      model: v.model ?? null,
      calibre: v.calibre ?? null,
      type: v.type,
      country_of_manufacture: v.country_of_manufacture ?? null,
      status: v.status,
      event_date: v.event_date ?? null,
      ...importedColumns(actor, now, reviewYears),
    }),
    upsert: repo.upsertBatch,
    recordChanges: repo.recordChanges,
  });
}
