import type { Deps } from "../../deps.ts";
import type { Actor } from "../../shared/actor.ts";
import {
  type BulkFormat,
  type ByteSource,
  bulkImport,
  type Progress,
  type Reject,
} from "../../shared/bulk/bulk-import.ts";
import type { EnvelopeValues } from "../../shared/envelope/envelope.schema.ts";
import { defaultReviewAt, envelopeColumns } from "../../shared/envelope/envelope.sql.ts";
import { canEdit, isOversightRead, oversightOf } from "../../shared/envelope/visibility.ts";
import { AppError } from "../../shared/errors.ts";
import type { ExportFormat } from "../../shared/objects.ts";
import { parseOrThrow } from "../../shared/validate.ts";
import { inTransaction } from "../../storage/ambient.ts";
import { appendAudit } from "../audit/audit.append.ts";
import { toCsvLine, toExportRecord, toFtmDocument } from "./documents.export.ts";
import { issuerOf, issuerRefusal } from "./documents.issuers.ts";
import { documentsPolicy } from "./documents.policy.ts";
import * as repo from "./documents.repo.ts";
import {
  type DocumentInput,
  type DocumentValues,
  type DocumentView,
  documentImportColumns,
  documentInputSchema,
  documentRowSchema,
  type ListDocumentsQuery,
  normaliseNumber,
  type UpdateDocumentStatusInput,
  updateDocumentStatusSchema,
} from "./documents.schema.ts";

// Travel documents are re-validated by their issuing country every ten years (DESIGN.md §3).
const DOCUMENT_REVIEW_YEARS = 10;
// The issuing authority is the source: reliable, confirmed, police data, shared with all members.
const DEFAULT_ENVELOPE: EnvelopeValues = {
  distribution: "all",
  distributionCountries: [],
  handlingCode: "H0",
  sourceReliability: "A",
  informationAccuracy: 1,
  sourceType: "police",
};
const EXPORT_PAGE = 1000;
// Rows per import transaction: the batch travels as one array per column, so its size is not bound
// by the bind-parameter limit, and a bigger batch spreads the transaction, its audit row and the
// statement's fixed cost over more rows; a crash still loses one batch at most.
const IMPORT_BATCH = 5000;
const notFound = () => new AppError("not_found", "No such document.");
const idOf = (id: string): number | undefined => (/^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : undefined);

export type ImportOptions = {
  format: BulkFormat;
  onReject: (r: Reject) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  totalBytes?: number | undefined;
  batchSize?: number;
};

export function createDocumentsService({ db, clock }: Deps) {
  function ensure(allowed: boolean, what: string): void {
    if (!allowed) throw new AppError("forbidden", `Your role may not ${what} travel documents.`);
  }

  /** The stored row of a document entered by `owner` (its issuing country, checked before). */
  function rowOf(v: DocumentValues, owner: string, envelope: EnvelopeValues, now: Date): repo.NewDocument {
    return {
      issuing_country: issuerOf(v.country)?.icao ?? v.country,
      number: v.number,
      number_norm: normaliseNumber(v.number),
      doc_type: v.type,
      status: v.status,
      blank: v.blank,
      event_date: v.eventDate ?? null,
      reported_date: v.reportedDate ?? null,
      ...envelopeColumns(owner, envelope, defaultReviewAt(now, DOCUMENT_REVIEW_YEARS)),
      created_at: now,
      updated_at: now,
    };
  }

  /** What an import stores of a row; the batch adds the envelope and the times. */
  const importedRow = (v: DocumentValues): repo.ImportedDocument => ({
    issuing_country: issuerOf(v.country)?.icao ?? v.country,
    number: v.number,
    number_norm: normaliseNumber(v.number),
    doc_type: v.type,
    status: v.status,
    blank: v.blank,
    event_date: v.eventDate ?? null,
    reported_date: v.reportedDate ?? null,
  });

  async function create(actor: Actor, input: DocumentInput): Promise<DocumentView> {
    ensure(documentsPolicy.write(actor), "enter");
    const v = parseOrThrow(documentInputSchema, input, "document");
    const refused = issuerRefusal(v.country, actor.country);
    if (refused)
      throw issuerOf(v.country)
        ? new AppError("forbidden", "Only the issuing country enters or changes its documents.", {
            errors: [{ path: "country", message: refused.replace(/^country: /, "") }],
          })
        : new AppError("validation_failed", "The document is not valid.", {
            errors: [{ path: "country", message: refused.replace(/^country: /, "") }],
          });
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const row = await repo.insertOne(trx, rowOf(v, actor.country, v.envelope ?? DEFAULT_ENVELOPE, now));
      if (!row)
        throw new AppError("conflict", "This document (number, issuing country, type) is already entered.");
      await repo.appendChanges(trx, [row.id], now);
      await appendAudit(trx, clock, actor, {
        action: "document.create",
        recordType: "travel_document",
        recordId: String(row.id),
      });
      return repo.toView(row);
    });
  }

  async function get(actor: Actor, id: string): Promise<DocumentView> {
    ensure(documentsPolicy.read(actor), "read");
    const n = idOf(id);
    if (n === undefined) throw notFound();
    return inTransaction(db, async (trx) => {
      const row = await repo.findVisible(trx, actor, n);
      if (!row) throw notFound();
      const view = repo.toView(row);
      await appendAudit(trx, clock, actor, {
        action: "document.read",
        recordType: "travel_document",
        recordId: view.id,
        detail: { owner: row.owner, oversight: isOversightRead(view.envelope, actor) },
      });
      return view;
    });
  }

  /** Only the issuing country changes a document's status (found again, revoked...). */
  async function updateStatus(
    actor: Actor,
    id: string,
    input: UpdateDocumentStatusInput,
  ): Promise<DocumentView> {
    ensure(documentsPolicy.write(actor), "change");
    const v = parseOrThrow(updateDocumentStatusSchema, input, "status");
    const n = idOf(id);
    if (n === undefined) throw notFound();
    const now = clock.now();
    return inTransaction(db, async (trx) => {
      const current = await repo.findVisible(trx, actor, n, true);
      if (!current) throw notFound();
      if (!canEdit(current, actor))
        throw new AppError("forbidden", "Only the issuing country enters or changes its documents.");
      const row = await repo.setStatus(trx, n, {
        status: v.status,
        ...(v.blank === undefined ? {} : { blank: v.blank }),
        ...(v.eventDate ? { event_date: v.eventDate } : {}),
        updated_at: now,
      });
      await repo.appendChanges(trx, [n], now);
      await appendAudit(trx, clock, actor, {
        action: "document.status",
        recordType: "travel_document",
        recordId: id,
        detail: { from: current.status, to: v.status },
      });
      return repo.toView(row);
    });
  }

  /**
   * Lists or searches by number: exact after normalisation ("12 ab-345" finds 12AB345), or
   * OCR-tolerant on request ("0B1234S" also finds OB12345).
   */
  async function list(actor: Actor, q: ListDocumentsQuery) {
    ensure(documentsPolicy.read(actor), "search");
    const numberNorm = q.number === undefined ? undefined : normaliseNumber(q.number);
    return inTransaction(db, async (trx) => {
      const { rows, total } = await repo.listVisible(trx, actor, {
        ...q,
        ...(numberNorm === undefined ? {} : { numberNorm }),
      });
      await appendAudit(trx, clock, actor, {
        action: "document.search",
        detail: {
          number: numberNorm ?? null,
          ...(q.ocrTolerant ? { ocrTolerant: true } : {}),
          country: q.country ?? null,
          status: q.status ?? null,
          page: q.page,
          returned: rows.length,
          total,
          ...oversightOf(rows, actor),
        },
      });
      return { items: rows.map(repo.toView), total, page: q.page, pageSize: q.pageSize };
    });
  }

  /** Every visible document, one line each (CSV with a header, JSON Lines or FtM). Audited first. */
  async function* exportLines(actor: Actor, format: ExportFormat): AsyncGenerator<string> {
    ensure(documentsPolicy.read(actor), "export");
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, {
        action: "document.export",
        // The Secretariat's export includes documents it sees by its oversight right alone.
        detail: { format, ...(actor.isSecretariat ? { oversight: true } : {}) },
      }),
    );
    if (format === "csv") yield toCsvLine(null);
    for (let after = 0; ; ) {
      const rows = await repo.visiblePage(db, actor, after, EXPORT_PAGE);
      for (const r of rows)
        yield format === "csv"
          ? toCsvLine(r)
          : `${JSON.stringify(format === "ftm" ? toFtmDocument(r) : toExportRecord(r))}\n`;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE) return;
      after = last.id;
    }
  }

  /**
   * Streams a CSV or JSON Lines file of the actor's own documents in: each batch in one
   * transaction with its change-feed rows and one audit row; bad rows (and other countries'
   * documents) go to `onReject`. Idempotent: a re-run changes nothing and reports it unchanged.
   */
  async function importStream(actor: Actor, source: ByteSource, o: ImportOptions) {
    ensure(documentsPolicy.write(actor), "import");
    const owner = actor.country;
    const report = await bulkImport(source, {
      format: o.format,
      schema: documentRowSchema,
      requiredColumns: documentImportColumns,
      check: (v) => issuerRefusal(v.country, owner),
      keyOf: (v) => `${normaliseNumber(v.number)}|${issuerOf(v.country)?.icao}|${v.type}`,
      onReject: o.onReject,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      totalBytes: o.totalBytes,
      batchSize: o.batchSize ?? IMPORT_BATCH,
      writeBatch: (rows, lines) =>
        inTransaction(db, async (trx) => {
          const now = clock.now();
          // One statement writes the rows and their change-feed entries; one audit row follows.
          const r = await repo.importBatch(trx, rows.map(importedRow), {
            ...envelopeColumns(owner, DEFAULT_ENVELOPE, defaultReviewAt(now, DOCUMENT_REVIEW_YEARS)),
            at: now,
          });
          await appendAudit(trx, clock, actor, {
            action: "document.import.batch",
            recordType: "travel_document",
            detail: {
              owner,
              format: o.format,
              firstLine: lines.first,
              lastLine: lines.last,
              rows: rows.length,
              ...r,
            },
          });
          return r;
        }),
    });
    await inTransaction(db, (trx) =>
      appendAudit(trx, clock, actor, {
        action: "document.import",
        recordType: "travel_document",
        detail: { owner, format: o.format, ...report },
      }),
    );
    return report;
  }

  return { create, get, updateStatus, list, exportLines, importStream };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
