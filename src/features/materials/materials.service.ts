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
import { importMaterials } from "./materials.import.ts";
import { materialsPolicy } from "./materials.policy.ts";
import * as repo from "./materials.repo.ts";
import {
  type CreateMaterialInput,
  createMaterialSchema,
  type ListMaterialsQuery,
  type MaterialFilters,
  type MaterialView,
  materialCsvColumns,
  materialCsvRow,
  type UpdateMaterialInput,
  updateMaterialSchema,
} from "./materials.schema.ts";

// CBRNE materials are re-validated by their owner every ten years, as stolen documents are.
export const MATERIAL_REVIEW_YEARS = 10;
const notFound = () => new AppError("not_found", "No such material.");

/** Searches compare the stored form of the identifier. */
const normalized = <Q extends MaterialFilters>(q: Q): Q => ({
  ...q,
  ...(q.identifier !== undefined && { identifier: normalizeIdentifier(q.identifier) }),
});

export function createMaterialsService({ db, clock }: Deps) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} CBRNE materials.`);
  }

  async function create(actor: Actor, input: CreateMaterialInput): Promise<MaterialView> {
    ensure(materialsPolicy.write(actor), "enter");
    const v = parseOrThrow(createMaterialSchema, input, "material");
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await repo.insert(trx, {
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
        ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, MATERIAL_REVIEW_YEARS)),
        created_by: actor.kind === "user" ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
      if (!row)
        throw new AppError("conflict", "Your country has this material (category and identifier) already.");
      await repo.recordChange(trx, row.id, now);
      await appendAudit(trx, clock, actor, {
        action: "material.create",
        recordType: "material",
        recordId: row.id,
      });
      return repo.toView(row);
    });
  }

  /** Only the owner changes a material; another country that sees it gets 403, one that does not 404. */
  async function update(actor: Actor, id: string, input: UpdateMaterialInput): Promise<MaterialView> {
    ensure(materialsPolicy.write(actor), "change");
    const v = parseOrThrow(updateMaterialSchema, input, "material");
    if (!isUuid(id)) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const current = await repo.findVisible(trx, actor, id, true);
      if (!current) throw notFound();
      if (!canEdit(current, actor))
        throw new AppError("forbidden", "Only the owner of a material may change it.");
      const row = await repo.update(trx, id, {
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
        ...(v.envelope && envelopeColumns(current.owner, v.envelope, current.review_at)),
        updated_at: now,
      });
      await repo.recordChange(trx, id, now);
      await appendAudit(trx, clock, actor, {
        action: "material.update",
        recordType: "material",
        recordId: id,
        detail: { changed: Object.keys(v).sort() },
      });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string): Promise<MaterialView> {
    ensure(materialsPolicy.read(actor), "read");
    if (!isUuid(id)) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw notFound();
      const view = repo.toView(row);
      await appendAudit(trx, clock, actor, {
        action: "material.read",
        recordType: "material",
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: ListMaterialsQuery) {
    ensure(materialsPolicy.read(actor), "search");
    const query = normalized(q);
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, query);
      await appendAudit(trx, clock, actor, {
        action: "material.search",
        detail: { ...query, returned: rows.length, total, ...oversightOf(rows, actor) },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Every visible material, as JSON lines or CSV. The export is audited before the first byte leaves. */
  async function* exportAll(actor: Actor, q: MaterialFilters, format: ExportFormat) {
    ensure(materialsPolicy.read(actor), "export");
    const query = normalized(q);
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, { action: "material.export", detail: { ...query, format } }),
    );
    async function* views() {
      for await (const row of repo.exportVisible(db, actor, query)) yield repo.toView(row);
    }
    yield* exportLines(views(), format, materialCsvColumns, materialCsvRow);
  }

  /** Bulk import (CSV or JSON Lines) of the actor's country's materials: `materials.import.ts`. */
  const importStream = (actor: Actor, source: ByteSource, o: ImportOptions) =>
    importMaterials({ db, clock }, actor, source, o, MATERIAL_REVIEW_YEARS);

  return { create, update, get, list, exportAll, importStream };
}

export type MaterialsService = ReturnType<typeof createMaterialsService>;
