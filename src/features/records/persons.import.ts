import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import {
  type BatchResult,
  type ByteSource,
  bulkImport,
  type Progress,
  type Reject,
} from "../../shared/bulk/bulk-import.ts";
import type { EnvelopeValues } from "../../shared/envelope/envelope.schema.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { AppError } from "../../shared/errors.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import * as repo from "./persons.import.repo.ts";
import {
  ftmEntitySchema,
  type ImportedEntity,
  type PersonsImportFormat,
  personRowSchema,
  personsImportColumns,
} from "./persons.import.schema.ts";
import { recordsPolicy } from "./records.policy.ts";
import { resolveProvenance, statementRows, valuePairs } from "./records.provenance.ts";
import { captionOf, searchTextOf } from "./records.schema.ts";

const RECORD_REVIEW_YEARS = 5;
// What a bureau's bulk file is until its owner says otherwise: police data for all members,
// usually reliable and probably true. An import never changes the envelope of a stored record.
const DEFAULT_ENVELOPE: EnvelopeValues = {
  distribution: "all",
  distributionCountries: [],
  handlingCode: "H0",
  sourceReliability: "B",
  informationAccuracy: 2,
  sourceType: "police",
};

export type PersonsImportOptions = {
  format: PersonsImportFormat;
  /** The file's name: with the line number, the source of every value it brings. */
  fileName: string;
  onReject: (r: Reject) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  totalBytes?: number | undefined;
  batchSize?: number;
};

type Existing = Awaited<ReturnType<typeof repo.ownedByReference>>[number];
type Plan = { insert: number[]; update: [number, Existing][]; unchanged: number; rejects: Reject[] };

const pairs = valuePairs;
const minus = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  pairs(a).filter(([k, v]) => !Object.hasOwn(b, k) || !b[k]?.includes(v));
const sameValues = (a: Record<string, string[]>, b: Record<string, string[]>) =>
  minus(a, b).length === 0 && minus(b, a).length === 0;

/** What each row of a batch becomes, given the stored records with the same references. */
function plan(rows: ImportedEntity[], lines: number[], existing: Map<string, Existing>): Plan {
  const p: Plan = { insert: [], update: [], unchanged: 0, rejects: [] };
  rows.forEach((row, i) => {
    const ex = existing.get(row.reference);
    const reject = (reason: string) =>
      p.rejects.push({ line: lines[i] ?? 0, reason, raw: JSON.stringify(row) });
    if (!ex) p.insert.push(i);
    // A subject follows its notice: changed through the notice only, never by a file.
    else if (ex.subject_of_notice)
      reject(
        `reference ${row.reference}: the record is the subject of a notice; change it through the notice`,
      );
    else if (ex.schema !== row.schema)
      reject(`reference ${row.reference}: the stored record is a ${ex.schema}, not a ${row.schema}`);
    else if (sameValues(ex.properties, row.properties)) p.unchanged++;
    else p.update.push([i, ex]);
  });
  return p;
}

/** Who writes, and how each value's source reads: the import file and its line. */
type Writer = { owner: string; by: string | null; today: string; sourceOf: (line: number) => string };

function newRecord(w: Writer, row: ImportedEntity, now: Date) {
  return {
    schema: row.schema,
    reference: row.reference,
    caption: captionOf(row.schema, row.properties),
    properties: JSON.stringify(row.properties),
    search_text: searchTextOf(row.properties),
    ...envelopeColumns(w.owner, DEFAULT_ENVELOPE, defaultReviewAt(now, RECORD_REVIEW_YEARS)),
    created_by: w.by,
    created_at: now,
    updated_at: now,
  };
}

/** The statements of a row's values: said by the row's provenance, or by the owner today. */
function statementsOf(
  w: Writer,
  id: string,
  row: ImportedEntity,
  values: [string, string][],
  line: number,
  now: Date,
) {
  const p = resolveProvenance(row.provenance, {
    source: w.sourceOf(line),
    country: w.owner,
    sourceType: DEFAULT_ENVELOPE.sourceType,
    today: w.today,
  });
  return statementRows(id, row.schema, values, p, { by: w.by, at: now });
}

/** Writes a batch's plan: new records, changed values (statements retracted and added), the feed. */
async function applyPlan(
  trx: Deps["db"],
  w: Writer,
  batch: { rows: ImportedEntity[]; each: number[]; now: Date },
  p: Plan,
) {
  const { rows, each, now } = batch;
  const row = (i: number) => rows[i] as ImportedEntity;
  const inserted = await repo.insertRecords(
    trx,
    p.insert.map((i) => newRecord(w, row(i), now)),
  );
  const idOf = new Map(inserted.map((r) => [r.reference, r.id]));
  const statements = p.insert.flatMap((i) => {
    const id = idOf.get(row(i).reference);
    return id ? statementsOf(w, id, row(i), pairs(row(i).properties), each[i] ?? 0, now) : [];
  });
  for (const [i, ex] of p.update) {
    const { schema, properties } = row(i);
    await repo.updateValues(trx, ex.id, {
      properties: JSON.stringify(properties),
      caption: captionOf(schema, properties),
      search_text: searchTextOf(properties),
      updated_at: now,
    });
    await repo.retractValues(trx, ex.id, minus(ex.properties, properties), now);
    statements.push(...statementsOf(w, ex.id, row(i), minus(properties, ex.properties), each[i] ?? 0, now));
  }
  await repo.addStatements(trx, statements);
  const changed = [...inserted.map((r) => r.id), ...p.update.map(([, ex]) => ex.id)];
  await repo.appendChanges(trx, changed, now);
  // A reference inserted meanwhile by a concurrent import of the same file is left to it.
  return {
    created: inserted.length,
    updated: p.update.length,
    unchanged: p.unchanged + p.insert.length - inserted.length,
  };
}

/** The persons import: flat CSV or JSON Lines rows, or FtM entities, owned by the acting country. */
export function createPersonsImport({ db, clock }: Deps) {
  async function importStream(actor: Actor, source: ByteSource, o: PersonsImportOptions) {
    if (!recordsPolicy.write(actor))
      throw new AppError("forbidden", "Your role may not import intelligence records.");
    const owner = actor.country;
    const w: Writer = {
      owner,
      by: actor.kind === "user" ? actor.id : null,
      today: clock.now().toISOString().slice(0, 10),
      sourceOf: (line) => `import by ${owner}: ${o.fileName} line ${line}`,
    };
    let late = 0; // rows refused only when written (subjects of notices), after the schema accepted them

    async function writeBatch(
      rows: ImportedEntity[],
      lines: { first: number; last: number; each: number[] },
    ) {
      const { result, rejects } = await inTransaction(db, async (trx) => {
        const refs = rows.map((r) => r.reference);
        const found = await repo.ownedByReference(trx, actor, owner, refs);
        const p = plan(rows, lines.each, new Map(found.map((f) => [f.reference ?? "", f])));
        const r: BatchResult = await applyPlan(trx, w, { rows, each: lines.each, now: clock.now() }, p);
        const { first, last } = lines;
        await appendAudit(trx, clock, actor, {
          action: "record.import.batch",
          recordType: "Person",
          detail: {
            owner,
            format: o.format,
            firstLine: first,
            lastLine: last,
            rows: rows.length,
            ...r,
            rejected: p.rejects.length,
          },
        });
        return { result: r, rejects: p.rejects };
      });
      // Written once the batch has committed, so a rolled-back batch leaves no reject behind.
      for (const x of rejects) await o.onReject(x);
      late += rejects.length;
      return result;
    }

    const report = await bulkImport(source, {
      format: o.format === "csv" ? "csv" : "jsonl",
      schema: o.format === "ftm" ? ftmEntitySchema : personRowSchema,
      requiredColumns: personsImportColumns,
      keyOf: (v: ImportedEntity) => v.reference,
      onReject: o.onReject,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      totalBytes: o.totalBytes,
      ...(o.batchSize ? { batchSize: o.batchSize } : {}),
      writeBatch,
    });
    const final = { ...report, accepted: report.accepted - late, rejected: report.rejected + late };
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, {
        action: "record.import",
        recordType: "Person",
        detail: { owner, format: o.format, file: o.fileName, ...final },
      }),
    );
    return final;
  }

  return { importStream };
}
