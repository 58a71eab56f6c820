import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import { envelopeInputSchema } from "../../shared/envelope/envelope.schema.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { canEdit, isOversightRead, oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import { isUuid } from "../../shared/ids.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { refuseStale } from "../../shared/versions.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { type PersonsExportFormat, toFlatCsvLine, toFlatPerson, toFtmEntity } from "./persons.export.ts";
import { createPersonsImport } from "./persons.import.ts";
import {
  createRecordLinks,
  hideUnseenLinks,
  hideUnseenLinksOf,
  hideUnseenStatements,
  unseenLinkProblems,
} from "./records.links.ts";
import { createRecordPhotos } from "./records.photos.ts";
import { recordsPolicy } from "./records.policy.ts";
import {
  type Provenance,
  type ProvenanceInput,
  provenanceProblem,
  resolveProvenance,
  statementRows,
  valuePairs,
} from "./records.provenance.ts";
import * as repo from "./records.repo.ts";
import {
  type CreateRecordInput,
  captionOf,
  createRecordSchema,
  type ListRecordsQuery,
  propertyProblems,
  type RecordView,
  type StatementView,
  searchTextOf,
  type UpdateRecordInput,
  updateRecordSchema,
} from "./records.schema.ts";
import { normaliseValues } from "./records.values.ts";

// Intelligence records are re-validated by their owner every five years unless they say sooner.
const RECORD_REVIEW_YEARS = 5;

export function createRecordsService(deps: Deps) {
  const { db, clock } = deps;
  // Views flag a record past its review date by the application's clock (retention review).
  const today = () => clock.now().toISOString().slice(0, 10);
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} intelligence records.`);
  }

  /**
   * Creates a record. `asSubjectOf` is for the notices service only: the record is then the
   * subject of that notice, exactly as visible as it, and changed only through it.
   */
  async function create(
    actor: Actor,
    input: CreateRecordInput,
    { asSubjectOf }: SubjectLink = {},
  ): Promise<RecordView> {
    ensure(recordsPolicy.write(actor), "create");
    const v = parseOrThrow(createRecordSchema, input, "record");
    refuseBadProvenance(v.provenance, v.envelope.sourceType);
    const properties = normaliseValues(v.schema, v.properties);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      await refuseUnseenLinks(trx, actor, v.schema, properties);
      const row = await trx
        .insertInto("records")
        .values({
          schema: v.schema,
          caption: captionOf(v.schema, properties),
          properties: JSON.stringify(properties),
          search_text: searchTextOf(properties),
          subject_of_notice: asSubjectOf ?? null,
          discreet_check: v.discreetCheck ?? false,
          ...envelopeColumns(actor.country, v.envelope, defaultReviewAt(now, RECORD_REVIEW_YEARS)),
          created_by: actor.kind === "user" ? actor.id : null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const p = resolveProvenance(v.provenance, {
        source: v.source,
        country: actor.country,
        sourceType: v.envelope.sourceType,
        today: today(),
      });
      await insertStatements(trx, row, valuePairs(properties), p, actor, now);
      await trx
        .insertInto("change_feed")
        .values({ entity_type: "record", entity_id: row.id, op: "upsert", at: now })
        .execute();
      await appendAudit(trx, clock, actor, {
        action: "record.create",
        recordType: v.schema,
        recordId: row.id,
      });
      return repo.toView(row, today());
    });
  }

  async function update(
    actor: Actor,
    id: string,
    input: UpdateRecordInput,
    { asSubjectOf }: SubjectLink = {},
  ): Promise<RecordView> {
    ensure(recordsPolicy.write(actor), "change");
    const v = parseOrThrow(updateRecordSchema, input, "record");
    if (!isUuid(id)) throw new AppError("not_found", "No such record.");
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const current = await repo.findVisible(trx, actor, id, true);
      if (!current) throw new AppError("not_found", "No such record.");
      if (!canEdit(current, actor))
        throw new AppError("forbidden", "Only the owner of a record may change it.");
      refuseStale(current, v.expectedVersion, "record");
      // A subject follows its notice (values and envelope); changing it apart would let the two
      // drift, and the subject be seen where the notice is not.
      if (current.subject_of_notice && current.subject_of_notice !== asSubjectOf)
        throw new AppError(
          "conflict",
          "This record is the subject of a notice; change it through the notice.",
          {
            noticeId: current.subject_of_notice,
          },
        );
      // The schema is the stored one, so the properties are checked against it here.
      refuseBadValues(current.schema, v.properties ?? {});
      const sourceType = v.envelope?.sourceType ?? current.source_type;
      refuseBadProvenance(v.provenance, sourceType);
      const properties = v.properties ? normaliseValues(current.schema, v.properties) : current.properties;
      if (v.properties) await refuseUnseenLinks(trx, actor, current.schema, properties);
      const envelope = v.envelope
        ? envelopeColumns(current.owner, envelopeInputSchema.parse(v.envelope), current.review_at)
        : {};
      const row = await trx
        .updateTable("records")
        .set({
          properties: JSON.stringify(properties),
          caption: captionOf(current.schema, properties),
          search_text: searchTextOf(properties),
          ...envelope,
          ...(v.discreetCheck === undefined ? {} : { discreet_check: v.discreetCheck }),
          updated_at: now,
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (v.properties) {
        await trx
          .updateTable("record_statements")
          .set({ retracted_at: now })
          .where("record_id", "=", id)
          .where("retracted_at", "is", null)
          .execute();
        const p = resolveProvenance(v.provenance, {
          source: v.source,
          country: actor.country,
          sourceType,
          today: today(),
        });
        await insertStatements(trx, row, valuePairs(properties), p, actor, now);
      }
      await trx
        .insertInto("change_feed")
        .values({ entity_type: "record", entity_id: id, op: "upsert", at: now })
        .execute();
      await appendAudit(trx, clock, actor, {
        action: "record.update",
        recordType: current.schema,
        recordId: id,
        detail: {
          changed: [
            v.properties && "properties",
            v.envelope && "envelope",
            v.discreetCheck !== undefined && "discreetCheck",
          ].filter(Boolean),
        },
      });
      return repo.toView(row, today());
    });
  }

  async function get(actor: Actor, id: string): Promise<RecordView> {
    ensure(recordsPolicy.read(actor), "read");
    if (!isUuid(id)) throw new AppError("not_found", "No such record.");
    return db.transaction().execute(async (trx) => {
      const row = await repo.findVisible(trx, actor, id);
      if (!row) throw new AppError("not_found", "No such record.");
      const view = await hideUnseenLinksOf(trx, actor, repo.toView(row, today()));
      await appendAudit(trx, clock, actor, {
        action: "record.read",
        recordType: row.schema,
        recordId: id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  async function list(actor: Actor, q: ListRecordsQuery) {
    ensure(recordsPolicy.read(actor), "search");
    return db.transaction().execute(async (trx) => {
      const { rows, total, capped } = await repo.listVisible(trx, actor, q);
      await appendAudit(trx, clock, actor, {
        action: "record.search",
        detail: {
          q: q.q ?? null,
          schema: q.schema ?? null,
          owner: q.owner ?? null,
          page: q.page,
          returned: rows.length,
          total,
          ...oversightOf(rows, actor),
        },
      });
      return {
        items: await hideUnseenLinks(
          trx,
          actor,
          rows.map((r) => repo.toView(r, today())),
        ),
        total,
        totalIsLowerBound: capped,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  }

  /**
   * Every visible record, one line each: FtM entities, or the import's flat rows as JSON Lines or
   * CSV (header first). The export is audited before the first line leaves.
   */
  async function* exportLines(
    actor: Actor,
    q: Omit<ListRecordsQuery, "page" | "pageSize">,
    format: PersonsExportFormat = "ftm",
  ) {
    ensure(recordsPolicy.read(actor), "export");
    await db.transaction().execute((trx) =>
      appendAudit(trx, clock, actor, {
        action: "record.export",
        detail: { q: q.q ?? null, schema: q.schema ?? null, format },
      }),
    );
    if (format === "csv") yield toFlatCsvLine(null);
    for await (const row of repo.exportVisible(db, actor, q)) {
      const v = await hideUnseenLinksOf(db, actor, repo.toView(row, today()));
      if (format === "csv") yield toFlatCsvLine(v);
      else yield `${JSON.stringify(format === "ftm" ? toFtmEntity(v) : toFlatPerson(v))}\n`;
    }
  }

  async function history(actor: Actor, id: string) {
    const view = await get(actor, id);
    const rows = await repo.visibleHistory(db, actor, view.id);
    const statements = rows.map(
      (r): StatementView => ({
        prop: r.prop,
        value: r.value,
        script: r.script,
        latin: r.latin,
        source: r.source,
        statedBy: r.stated_by,
        sourceType: r.source_type,
        statedAt: r.stated_at,
        capture: r.capture,
        recordedAt: new Date(r.recorded_at).toISOString(),
        retractedAt: r.retracted_at?.toISOString() ?? null,
      }),
    );
    return hideUnseenStatements(db, actor, view.schema, statements);
  }

  return {
    create,
    update,
    get,
    list,
    exportLines,
    history,
    ...createPersonsImport(deps),
    ...createRecordPhotos(deps),
    ...createRecordLinks(deps),
  };
}

async function insertStatements(
  trx: Deps["db"],
  record: { id: string; schema: string },
  values: [string, string][],
  p: Provenance,
  actor: Actor,
  now: Date,
) {
  const by = { by: actor.kind === "user" ? actor.id : null, at: now };
  const rows = statementRows(record.id, record.schema, values, p, by);
  if (rows.length) await trx.insertInto("record_statements").values(rows).execute();
}

function refuseBadValues(schema: string, properties: Record<string, string[]>) {
  const errors = propertyProblems(schema, properties).map((x) => ({
    path: x.path.join("."),
    message: x.message,
  }));
  if (errors.length) throw new AppError("validation_failed", "The record is not valid.", { errors });
}

async function refuseUnseenLinks(
  trx: Deps["db"],
  actor: Actor,
  schema: string,
  properties: Record<string, string[]>,
) {
  const errors = await unseenLinkProblems(trx, actor, schema, properties);
  if (errors.length) throw new AppError("validation_failed", "The record is not valid.", { errors });
}

function refuseBadProvenance(p: ProvenanceInput | undefined, envelopeSourceType: string) {
  const problem = provenanceProblem(p, envelopeSourceType);
  if (problem)
    throw new AppError("validation_failed", "The record is not valid.", {
      errors: [{ path: "provenance.capture", message: problem }],
    });
}

/** For the notices service: the notice a record is (or is to be) the subject of. */
export type SubjectLink = { asSubjectOf?: string | undefined };

export type RecordsService = ReturnType<typeof createRecordsService>;
