import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ByteSource } from "../../shared/bulk/bulk-import.ts";
import type { ImportOptions } from "../../shared/bulk/object-import.ts";
import { createObjectService } from "../../shared/objects/objects.service.ts";
import { normalizeIdentifier } from "../../shared/objects.ts";
import { importVehicles } from "./vehicles.import.ts";
import { vehiclesPolicy } from "./vehicles.policy.ts";
import { objects } from "./vehicles.repo.ts";
import {
  createVehicleSchema,
  updateVehicleSchema,
  type VehicleFilters,
  vehicleCsvColumns,
  vehicleCsvRow,
  vehicleFtm,
} from "./vehicles.schema.ts";
import { normalizeVin } from "./vin.ts";

// Vehicles are re-validated by their owner every ten years, as stolen documents are.
export const VEHICLE_REVIEW_YEARS = 10;

/** Searches compare the stored forms: the VIN without spaces or dashes, the plate normalised. */
const normalized = <Q extends VehicleFilters>(q: Q): Q => ({
  ...q,
  ...(q.vin !== undefined && { vin: normalizeVin(q.vin) }),
  ...(q.plate !== undefined && { plate: normalizeIdentifier(q.plate) }),
});

export function createVehiclesService({ db, clock }: Deps) {
  const shared = createObjectService(
    { db, clock },
    {
      kind: "vehicle",
      plural: "vehicles",
      policy: vehiclesPolicy,
      repo: objects,
      reviewYears: VEHICLE_REVIEW_YEARS,
      createSchema: createVehicleSchema,
      updateSchema: updateVehicleSchema,
      insertColumns: (v) => ({
        vin: v.vin ?? null,
        plate: v.plate ?? null,
        plate_normalized: v.plate ? normalizeIdentifier(v.plate) : null,
        plate_country: v.plateCountry ?? null,
        make: v.make,
        model: v.model ?? null,
        colour: v.colour ?? null,
        status: v.status,
        event_date: v.eventDate ?? null,
      }),
      updateColumns: (v) => ({
        ...(v.vin !== undefined && { vin: v.vin }),
        ...(v.plate !== undefined && { plate: v.plate, plate_normalized: normalizeIdentifier(v.plate) }),
        ...(v.plateCountry !== undefined && { plate_country: v.plateCountry }),
        ...(v.make !== undefined && { make: v.make }),
        ...(v.model !== undefined && { model: v.model }),
        ...(v.colour !== undefined && { colour: v.colour }),
        ...(v.status !== undefined && { status: v.status }),
        ...(v.eventDate !== undefined && { event_date: v.eventDate }),
      }),
      normalize: normalized,
      exports: { columns: vehicleCsvColumns, row: vehicleCsvRow, ftm: vehicleFtm },
    },
  );

  /** Bulk import (CSV or JSON Lines) of the actor's country's vehicles: `vehicles.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importVehicles({ db, clock }, actor, source, o, VEHICLE_REVIEW_YEARS);

  return { ...shared, importStream };
}

export type VehiclesService = ReturnType<typeof createVehiclesService>;
