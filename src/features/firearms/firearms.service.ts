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
import { importFirearms } from "./firearms.import.ts";
import { firearmsPolicy } from "./firearms.policy.ts";
import * as repo from "./firearms.repo.ts";
import {
  type CreateFirearmInput,
  createFirearmSchema,
  type FirearmFilters,
  type FirearmView,
  firearmCsvColumns,
  firearmCsvRow,
  type ListFirearmsQuery,
  type UpdateFirearmInput,
  updateFirearmSchema,
} from "./firearms.schema.ts";

// Firearms are re-validated by their owner every ten years, as stolen documents are.
export const FIREARM_REVIEW_YEARS = 10;
const notFound = () => new AppError("not_found", "No such firearm.");

export function createFirearmsService({ db, clock }: Deps) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} firearms.`);
  }

  async function create(actor: Actor, input: CreateFirearmInput): Promise<FirearmView> {
    ensure(firearmsPolicy.write(actor), "enter");
    const v = parseOrThrow(createFirearmSchema, input, "firearm");
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await repo.insert(trx, {
        serial_number: v.serialNumber,
        serial_normalized: normalizeIdentifier(v.serialNumber),
        make: v.make,
        model: v.model ?? null,
        calibre: v.calibre ?? null,
        type: v.type,
        country_of_manufacture: v.countryOfManufacture ?? null,
        status: v.status,
        event_date: v.eventDate ?? null,
        ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, FIREARM_REVIEW_YEARS)),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      if (!row)
        throw new AppError("conflict", "Your country has this firearm (serial number and make) already.");
      await repo.recordChange(trx, row.id, now);
      await appendAudit(trx, clock, actor, {
        action: "firearm.create",
        recordType: "firearm",
        recordId: row.id,
      });
      return repo.toView(row);
    });
  }

  /** Only the owner changes a firearm; another country that sees it gets 403, one that does not 404. */
  async function update(actor: Actor, id: string, input: UpdateFirearmInput): Promise<FirearmView> {
    ensure(firearmsPolicy.write(actor), "change");
    const v = parseOrThrow(updateFirearmSchema, input, "firearm");
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const current = await repo.findVisible(trx, actor, id, true);
      if (!current) throw notFound();
      if (!canEdit(current, actor))
        throw new AppError("forbidden", "Only the owner of a firearm may change it.");
      const row = await repo.update(trx, id, {
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
        ...(v.envelope && envelopeColumns(current.owner, v.envelope, current.review_at)),
        updated_at: now,
      });
      await repo.recordChange(trx, id, now);
      await appendAudit(trx, clock, actor, {
        action: "firearm.update",
        recordType: "firearm",
        recordId: id,
        detail: { changed: Object.keys(v).sort() },
      });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string): Promise<FirearmView> {
    ensure(firearmsPolicy.read(actor), "read");
    if (!isUuid(id)) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw notFound();
      const view = repo.toView(row);
      await appendAudit(trx, clock, actor, {
        action: "firearm.read",
        recordType: "firearm",
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: ListFirearmsQuery) {
    ensure(firearmsPolicy.read(actor), "search");
    const query = { ...q, ...(q.serial !== undefined && { serial: normalizeIdentifier(q.serial) }) };
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, query);
      await appendAudit(trx, clock, actor, {
        action: "firearm.search",
        detail: { ...query, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Every visible firearm, as JSON lines or CSV. The export is audited before the first byte leaves. */
  async function* exportAll(actor: Actor, q: FirearmFilters, format: ExportFormat) {
    ensure(firearmsPolicy.read(actor), "export");
    const query = { ...q, ...(q.serial !== undefined && { serial: normalizeIdentifier(q.serial) }) };
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, { action: "firearm.export", detail: { ...query, format } }),
    );
    async function* views() {
      for await (const row of repo.exportVisible(db, actor, query)) yield repo.toView(row);
    }
    yield* exportLines(views(), format, firearmCsvColumns, firearmCsvRow);
  }

  /** Bulk import (CSV or JSON Lines) of the actor's country's firearms: `firearms.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importFirearms({ db, clock }, actor, source, o, FIREARM_REVIEW_YEARS);

  return { create, update, get, list, exportAll, importStream };
}

export type FirearmsService = ReturnType<typeof createFirearmsService>;
