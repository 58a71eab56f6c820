import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ByteSource } from "../../shared/bulk/bulk-import.ts";
import type { ImportOptions } from "../../shared/bulk/object-import.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { canEdit, isOversightRead, oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { type ExportFormat, exportLines, normalizeIdentifier } from "../../shared/objects.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { importVehicles } from "./vehicles.import.ts";
import { vehiclesPolicy } from "./vehicles.policy.ts";
import * as repo from "./vehicles.repo.ts";
import {
  type CreateVehicleInput,
  createVehicleSchema,
  type ListVehiclesQuery,
  type UpdateVehicleInput,
  updateVehicleSchema,
  type VehicleFilters,
  type VehicleView,
  vehicleCsvColumns,
  vehicleCsvRow,
} from "./vehicles.schema.ts";
import { normalizeVin } from "./vin.ts";

// Vehicles are re-validated by their owner every ten years, as stolen documents are.
export const VEHICLE_REVIEW_YEARS = 10;
const notFound = () => new AppError("not_found", "No such vehicle.");

/** Searches compare the stored forms: the VIN without spaces or dashes, the plate normalised. */
const normalized = <Q extends VehicleFilters>(q: Q): Q => ({
  ...q,
  ...(q.vin !== undefined && { vin: normalizeVin(q.vin) }),
  ...(q.plate !== undefined && { plate: normalizeIdentifier(q.plate) }),
});

export function createVehiclesService({ db, clock }: Deps) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} vehicles.`);
  }

  async function create(actor: Actor, input: CreateVehicleInput): Promise<VehicleView> {
    ensure(vehiclesPolicy.write(actor), "enter");
    const v = parseOrThrow(createVehicleSchema, input, "vehicle");
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await repo.insert(trx, {
        vin: v.vin ?? null,
        plate: v.plate ?? null,
        plate_normalized: v.plate ? normalizeIdentifier(v.plate) : null,
        plate_country: v.plateCountry ?? null,
        make: v.make,
        model: v.model ?? null,
        colour: v.colour ?? null,
        status: v.status,
        event_date: v.eventDate ?? null,
        ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, VEHICLE_REVIEW_YEARS)),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      if (!row)
        throw new AppError(
          "conflict",
          "Your country has this vehicle (VIN, or plate and country without a VIN) already.",
        );
      await repo.recordChange(trx, row.id, now);
      await appendAudit(trx, clock, actor, {
        action: "vehicle.create",
        recordType: "vehicle",
        recordId: row.id,
      });
      return repo.toView(row);
    });
  }

  /** Only the owner changes a vehicle; another country that sees it gets 403, one that does not 404. */
  async function update(actor: Actor, id: string, input: UpdateVehicleInput): Promise<VehicleView> {
    ensure(vehiclesPolicy.write(actor), "change");
    const v = parseOrThrow(updateVehicleSchema, input, "vehicle");
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const current = await repo.findVisible(trx, actor, id, true);
      if (!current) throw notFound();
      if (!canEdit(current, actor))
        throw new AppError("forbidden", "Only the owner of a vehicle may change it.");
      const row = await repo.update(trx, id, {
        ...(v.vin !== undefined && { vin: v.vin }),
        ...(v.plate !== undefined && { plate: v.plate, plate_normalized: normalizeIdentifier(v.plate) }),
        ...(v.plateCountry !== undefined && { plate_country: v.plateCountry }),
        ...(v.make !== undefined && { make: v.make }),
        ...(v.model !== undefined && { model: v.model }),
        ...(v.colour !== undefined && { colour: v.colour }),
        ...(v.status !== undefined && { status: v.status }),
        ...(v.eventDate !== undefined && { event_date: v.eventDate }),
        ...(v.envelope && envelopeColumns(current.owner, v.envelope, current.review_at)),
        updated_at: now,
      });
      await repo.recordChange(trx, id, now);
      await appendAudit(trx, clock, actor, {
        action: "vehicle.update",
        recordType: "vehicle",
        recordId: id,
        detail: { changed: Object.keys(v).sort() },
      });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string): Promise<VehicleView> {
    ensure(vehiclesPolicy.read(actor), "read");
    if (!isUuid(id)) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw notFound();
      const view = repo.toView(row);
      await appendAudit(trx, clock, actor, {
        action: "vehicle.read",
        recordType: "vehicle",
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: ListVehiclesQuery) {
    ensure(vehiclesPolicy.read(actor), "search");
    const query = normalized(q);
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, query);
      await appendAudit(trx, clock, actor, {
        action: "vehicle.search",
        detail: { ...query, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Every visible vehicle, as JSON lines or CSV. The export is audited before the first byte leaves. */
  async function* exportAll(actor: Actor, q: VehicleFilters, format: ExportFormat) {
    ensure(vehiclesPolicy.read(actor), "export");
    const query = normalized(q);
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, { action: "vehicle.export", detail: { ...query, format } }),
    );
    async function* views() {
      for await (const row of repo.exportVisible(db, actor, query)) yield repo.toView(row);
    }
    yield* exportLines(views(), format, vehicleCsvColumns, vehicleCsvRow);
  }

  /** Bulk import (CSV or JSON Lines) of the actor's country's vehicles: `vehicles.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importVehicles({ db, clock }, actor, source, o, VEHICLE_REVIEW_YEARS);

  return { create, update, get, list, exportAll, importStream };
}

export type VehiclesService = ReturnType<typeof createVehiclesService>;
