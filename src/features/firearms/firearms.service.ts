import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ByteSource } from "../../shared/bulk/bulk-import.ts";
import type { ImportOptions } from "../../shared/bulk/object-import.ts";
import { createObjectService } from "../../shared/objects/objects.service.ts";
import { normalizeIdentifier } from "../../shared/objects.ts";
import { importFirearms } from "./firearms.import.ts";
import { firearmsPolicy } from "./firearms.policy.ts";
import { objects } from "./firearms.repo.ts";
import {
  createFirearmSchema,
  type FirearmFilters,
  firearmCsvColumns,
  firearmCsvRow,
  firearmFtm,
  updateFirearmSchema,
} from "./firearms.schema.ts";

// Firearms are re-validated by their owner every ten years, as stolen documents are.
export const FIREARM_REVIEW_YEARS = 10;

/** Searches compare the stored form of the serial number. */
const normalized = <Q extends FirearmFilters>(q: Q): Q => ({
  ...q,
  ...(q.serial !== undefined && { serial: normalizeIdentifier(q.serial) }),
});

export function createFirearmsService({ db, clock }: Deps) {
  const shared = createObjectService(
    { db, clock },
    {
      kind: "firearm",
      plural: "firearms",
      policy: firearmsPolicy,
      repo: objects,
      reviewYears: FIREARM_REVIEW_YEARS,
      createSchema: createFirearmSchema,
      updateSchema: updateFirearmSchema,
      insertColumns: (v) => ({
        serial_number: v.serialNumber,
        serial_normalized: normalizeIdentifier(v.serialNumber),
        make: v.make,
        model: v.model ?? null,
        calibre: v.calibre ?? null,
        type: v.type,
        country_of_manufacture: v.countryOfManufacture ?? null,
        status: v.status,
        event_date: v.eventDate ?? null,
      }),
      updateColumns: (v) => ({
        ...(v.serialNumber !== undefined && {
          serial_number: v.serialNumber,
          serial_normalized: normalizeIdentifier(v.serialNumber),
        }),
        ...(v.make !== undefined && { make: v.make }),
        ...(v.model !== undefined && { model: v.model }),
        ...(v.calibre !== undefined && { calibre: v.calibre }),
        ...(v.type !== undefined && { type: v.type }),
        ...(v.countryOfManufacture !== undefined && { country_of_manufacture: v.countryOfManufacture }),
        ...(v.status !== undefined && { status: v.status }),
        ...(v.eventDate !== undefined && { event_date: v.eventDate }),
      }),
      normalize: normalized,
      exports: { columns: firearmCsvColumns, row: firearmCsvRow, ftm: firearmFtm },
    },
  );

  /** Bulk import (CSV or JSON Lines) of the actor's country's firearms: `firearms.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importFirearms({ db, clock }, actor, source, o, FIREARM_REVIEW_YEARS);

  return { ...shared, importStream };
}

export type FirearmsService = ReturnType<typeof createFirearmsService>;
