import type { Kysely } from "kysely";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { appendAudit } from "../../features/audit/audit.append.ts";
import { inTransaction } from "../../storage/ambient.ts";
import type { Database } from "../../storage/schema.ts";
import { isInternationalEntity, isMemberCountry } from "../../storage/seed/countries.ts";
import type { Actor } from "../actor.ts";
import type { EnvelopeValues } from "../envelope/envelope.schema.ts";
import { defaultReviewAt, envelopeColumns } from "../envelope/envelope.sql.ts";
import { AppError } from "../errors.ts";
import {
  type BulkFormat,
  type BulkReport,
  type ByteSource,
  bulkImport,
  type Progress,
  type Reject,
} from "./bulk-import.ts";

/*
 * Bulk import of the object databases (firearms, vehicles, CBRNE materials) on top of the shared
 * streaming import: each database gives its flat row schema, its natural key and its batch upsert;
 * this file writes each batch as travel documents do - one transaction with the rows, one
 * change-feed row per created or changed row, and one audit row - and closes with one audit row
 * carrying the report.
 */

export type ImportOptions = {
  format: BulkFormat;
  onReject: (r: Reject) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  totalBytes?: number | undefined;
  batchSize?: number;
};

/**
 * The envelope of every imported row, as for travel documents: the owner's bureau is the source
 * (reliable, confirmed, police data), shared with all members. A row already stored keeps the
 * envelope its owner gave it: an import never overwrites it.
 */
export const IMPORT_ENVELOPE: EnvelopeValues = {
  distribution: "all",
  distributionCountries: [],
  handlingCode: "H0",
  sourceReliability: "A",
  informationAccuracy: 1,
  sourceType: "police",
};

export type Changed = { id: string; inserted: boolean };
type Db = Kysely<Database>;

/** The envelope columns and timestamps an imported row is inserted with. */
export function importedColumns(actor: Actor, now: Date, reviewYears: number) {
  return {
    ...envelopeColumns(actor.country, IMPORT_ENVELOPE, defaultReviewAt(now, reviewYears)),
    created_by: actor.kind === "user" ? actor.id : null,
    created_at: now,
    updated_at: now,
  };
}

export type ObjectImportSpec<S extends z.ZodType, R> = {
  /** `firearm`, `vehicle`, `material`: the audit actions' prefix and the audit record type. */
  entity: string;
  schema: S;
  requiredColumns: readonly string[];
  keyOf: (v: z.output<S>) => string;
  /** The stored row of an accepted row, with its import envelope (`importedColumns`). */
  toRow: (v: z.output<S>, now: Date) => R;
  /** Upserts by the natural key; returns the rows inserted or changed (identical rows return nothing). */
  upsert: (db: Db, rows: R[]) => Promise<Changed[]>;
  /** One change-feed row per id. */
  recordChanges: (db: Db, ids: readonly string[], at: Date) => Promise<void>;
};

/** Streams the file in; the actor's country owns every row. Idempotent: a re-run reports unchanged. */
export async function importObjects<S extends z.ZodType, R>(
  { db, clock }: Pick<Deps, "db" | "clock">,
  actor: Actor,
  source: ByteSource,
  o: ImportOptions,
  spec: ObjectImportSpec<S, R>,
): Promise<BulkReport> {
  const owner = actor.country;
  const report = await bulkImport(source, {
    format: o.format,
    schema: spec.schema,
    requiredColumns: spec.requiredColumns,
    keyOf: spec.keyOf,
    onReject: o.onReject,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    totalBytes: o.totalBytes,
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
    writeBatch: (rows, lines) =>
      inTransaction(db, async (trx) => {
        const now = clock.now();
        const changed = await spec.upsert(
          trx,
          rows.map((v) => spec.toRow(v, now)),
        );
        await spec.recordChanges(
          trx,
          changed.map((c) => c.id),
          now,
        );
        const created = changed.filter((c) => c.inserted).length;
        const r = { created, updated: changed.length - created, unchanged: rows.length - changed.length };
        await appendAudit(trx, clock, actor, {
          action: `${spec.entity}.import.batch`,
          recordType: spec.entity,
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
      action: `${spec.entity}.import`,
      recordType: spec.entity,
      detail: { owner, format: o.format, ...report },
    }),
  );
  return report;
}

/* Pieces of the flat row schemas */

/**
 * Renames a row's keys to the schema's (snake_case, the CSV columns) and drops null values, so a
 * JSON Lines file may be written with the CSV names or the API's camelCase names (an export's lines
 * read back in: its id, envelope and normalised fields are ignored, its nulls are absent values).
 */
export function flatRow<S extends z.ZodType>(aliases: Record<string, string>, schema: S) {
  return z.preprocess(
    (v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== null)
              .map(([k, x]) => [aliases[k] ?? k, x]),
          )
        : v,
    schema,
  );
}

/** A country code in a file cell: upper-cased first, then a known member or international entity. */
export const countryCell = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => isMemberCountry(c) || isInternationalEntity(c), "not a member country code");

/**
 * A change that would give a row the natural key of another of the owner's rows answers 409, not a
 * database error (unique_violation on both back ends).
 */
export function duplicateKeyAs(message: string) {
  return (e: unknown): never => {
    if ((e as { code?: unknown } | null)?.code === "23505") throw new AppError("conflict", message);
    throw e;
  };
}
