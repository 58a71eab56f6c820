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
import { vehiclesPolicy } from "./vehicles.policy.ts";
import * as repo from "./vehicles.repo.ts";
import { vehicleStatuses, vinField } from "./vehicles.schema.ts";

/** The CSV header of a vehicles import; make and status are required, and per row a VIN or a plate. */
export const vehicleImportColumns = [
  "make",
  "status",
  "vin",
  "plate",
  "plate_country",
  "model",
  "colour",
  "event_date",
] as const;

/**
 * One flat row of a vehicles import (CSV or JSON Lines, same names), checked as a vehicle entered
 * by hand: a VIN (check digit where it applies) or a plate with its issuing country.
 */
export const vehicleRowSchema = flatRow(
  { plateCountry: "plate_country", eventDate: "event_date" },
  z
    .object({
      vin: vinField.optional(),
      plate: identifierText(20).optional(),
      plate_country: countryCell.optional(),
      make: shortText(),
      model: shortText().optional(),
      colour: shortText(50).optional(),
      status: z.enum(vehicleStatuses),
      event_date: z.iso.date().optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.vin && !v.plate)
        ctx.addIssue({ code: "custom", path: ["vin"], message: "a VIN or a plate is needed" });
      if (v.plate && !v.plate_country)
        ctx.addIssue({
          code: "custom",
          path: ["plate_country"],
          message: "a plate needs the country that issued it",
        });
    }),
);
export type VehicleImportRow = z.output<typeof vehicleRowSchema>;

/** The natural key: the VIN when there is one, else the plate with its issuing country. */
export const vehicleKey = (v: VehicleImportRow): string =>
  v.vin ? `vin|${v.vin}` : `plate|${v.plate_country}|${normalizeIdentifier(v.plate ?? "")}`;

/** Streams vehicles in, owned by the actor's country, upserted by the natural key. */
export async function importVehicles(
  deps: Pick<Deps, "db" | "clock">,
  actor: Actor,
  source: ByteSource,
  o: ImportOptions,
  reviewYears: number,
) {
  if (!vehiclesPolicy.write(actor)) throw new AppError("forbidden", "Your role may not import vehicles.");
  return importObjects(deps, actor, source, o, {
    entity: "vehicle",
    schema: vehicleRowSchema,
    requiredColumns: vehicleImportColumns.slice(0, 2),
    keyOf: vehicleKey,
    toRow: (v, now) => ({
      vin: v.vin ?? null,
      plate: v.plate ?? null,
      plate_normalized: v.plate ? normalizeIdentifier(v.plate) : null,
      plate_country: v.plate_country ?? null,
      make: v.make,
      model: v.model ?? null,
      colour: v.colour ?? null,
      status: v.status,
      event_date: v.event_date ?? null,
      ...importedColumns(actor, now, reviewYears),
    }),
    upsert: repo.upsertBatch,
    recordChanges: repo.recordChanges,
  });
}
