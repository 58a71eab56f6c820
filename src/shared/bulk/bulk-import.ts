import { parse as parseCsvLine } from "csv-parse/sync";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { FORBIDDEN_KEYS, textProblem } from "../validate.ts";
import { type ByteSource, lineChunksOf } from "./lines.ts";

export type { ByteSource };

/*
 * The bulk import every police database shares: a stream of CSV or JSON Lines in, rows validated
 * one by one with the database's zod schema, accepted rows written in batches, bad rows out to the
 * caller's rejects sink while the rest goes on. Memory stays flat: one line, one batch and the
 * counters are all that is held. Each batch is written by the caller's `writeBatch`, which must be
 * one transaction (rows, change feed and one audit row) and an upsert by the natural key: then a
 * crash loses at most the batch in flight, and the re-run rewrites nothing twice.
 */

export const bulkFormats = ["csv", "jsonl"] as const;
export type BulkFormat = (typeof bulkFormats)[number];

export type Reject = { line: number; reason: string; raw: string };
export type BatchResult = { created: number; updated: number; unchanged: number };
export type BulkReport = BatchResult & {
  rows: number;
  accepted: number;
  rejected: number;
  batches: number;
  ms: number;
};
export type Progress = {
  rows: number;
  bytes: number;
  totalBytes: number | undefined;
  rowsPerSecond: number;
  /** Seconds left, when the total size is known. */
  etaSeconds: number | undefined;
};

export type BulkOptions<S extends z.ZodType> = {
  format: BulkFormat;
  schema: S;
  /** Columns a CSV header must name; a file without them is refused before any write. */
  requiredColumns: readonly string[];
  /** A rule beyond the schema (who may enter the row): the reason to reject it, or null. */
  check?: (row: z.output<S>) => string | null;
  /** The natural key: a key met twice in one batch closes the batch first (one upsert per key). */
  keyOf: (row: z.output<S>) => string;
  /** `lines.each` holds each row's line number, in order (for a reason found only when writing). */
  writeBatch: (
    rows: z.output<S>[],
    lines: { first: number; last: number; each: number[] },
  ) => Promise<BatchResult>;
  onReject: (r: Reject) => void | Promise<void>;
  onProgress?: (p: Progress) => void;
  totalBytes?: number | undefined;
  batchSize?: number;
  now?: () => number;
};

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

// Rows per transaction when the caller does not say. A writer that sends its rows as one array per
// column (travel documents) may ask for more: bigger batches amortise the transaction and its
// audit row. A multi-row VALUES must stay under PostgreSQL's 65,535 bind parameters (1000 rows of
// 20 columns do). A crash loses one batch at most; two (one written, one filling) bound the memory.
export const DEFAULT_BATCH_SIZE = 1000;

export async function bulkImport<S extends z.ZodType>(
  source: ByteSource,
  o: BulkOptions<S>,
): Promise<BulkReport> {
  const now = o.now ?? (() => performance.now());
  const started = now();
  const report: BulkReport = {
    rows: 0,
    accepted: 0,
    rejected: 0,
    batches: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    ms: 0,
  };
  const batches = batchWriter(o, report, (bytes) => progressOf(o, report, bytes, now() - started));
  let header: string[] | undefined;
  try {
    for await (const lines of lineChunksOf(source))
      for (const line of lines) {
        if (!line.text.trim()) continue;
        if (o.format === "csv" && !header) {
          header = csvHeader(line.text, o.requiredColumns);
          continue;
        }
        report.rows++;
        const v = validRow(line, header, o);
        if (v.ok) await batches.add(v.value, line);
        else {
          report.rejected++;
          await o.onReject({ line: line.no, reason: v.reason, raw: line.text });
        }
      }
    if (o.format === "csv" && !header)
      throw new AppError("validation_failed", "The file is empty: no CSV header.");
  } catch (e) {
    // The batch already handed over commits or not on its own; wait for it before reporting.
    await batches.settled();
    throw e;
  }
  await batches.finish();
  report.ms = Math.round(now() - started);
  return report;
}

/**
 * Accepted rows into batches, each written by the caller's `writeBatch` once full (or when its key
 * comes again). The batch being written and the next one filling overlap: parsing and validating
 * in JavaScript runs while the database server works. A batch is handed over only after the one
 * before it has committed, so batches commit one after another, in file order.
 */
function batchWriter<S extends z.ZodType>(
  o: BulkOptions<S>,
  report: BulkReport,
  progress: (bytes: number) => void,
) {
  type Batch = { rows: z.output<S>[]; each: number[]; keys: Set<string> };
  const size = o.batchSize ?? DEFAULT_BATCH_SIZE;
  const empty = (): Batch => ({ rows: [], each: [], keys: new Set() });
  let batch = empty();
  let bytes = 0;
  let writing: Promise<void> | undefined;

  const write = async (b: Batch, readBytes: number) => {
    const first = b.each[0] as number;
    const last = b.each[b.each.length - 1] as number;
    const r = await o.writeBatch(b.rows, { first, last, each: b.each });
    report.created += r.created;
    report.updated += r.updated;
    report.unchanged += r.unchanged;
    report.batches++;
    progress(readBytes);
  };
  const flush = async () => {
    if (writing) await writing;
    writing = undefined;
    if (!batch.rows.length) return;
    const pending = write(batch, bytes);
    batch = empty();
    // Awaited before the next batch is written and at the end; until then a failure must not count
    // as an unhandled rejection.
    pending.catch(() => {});
    writing = pending;
  };
  return {
    async add(row: z.output<S>, line: { no: number; bytes: number }) {
      const key = o.keyOf(row);
      if (batch.keys.has(key) || batch.rows.length >= size) await flush();
      bytes = line.bytes;
      batch.rows.push(row);
      batch.each.push(line.no);
      batch.keys.add(key);
      report.accepted++;
    },
    /** Writes what is left and waits for it. */
    async finish() {
      await flush();
      await writing;
    },
    settled: async () => {
      await writing?.catch(() => {});
    },
  };
}

function progressOf<S extends z.ZodType>(o: BulkOptions<S>, report: BulkReport, bytes: number, ms: number) {
  const secs = Math.max(ms / 1000, 1e-3);
  const bytesPerSecond = bytes / secs;
  o.onProgress?.({
    rows: report.rows,
    bytes,
    totalBytes: o.totalBytes,
    rowsPerSecond: report.rows / secs,
    etaSeconds:
      o.totalBytes && bytesPerSecond > 0 ? Math.max(0, o.totalBytes - bytes) / bytesPerSecond : undefined,
  });
}

type Valid<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One line through the format's parser, the schema and the caller's rule: the row, or why not. */
function validRow<S extends z.ZodType>(
  line: { text: string; oversized: boolean },
  header: string[] | undefined,
  o: BulkOptions<S>,
): Valid<z.output<S>> {
  if (line.oversized) return { ok: false, reason: "the line is too long" };
  const parsed = o.format === "csv" ? csvRow(line.text, header ?? []) : jsonRow(line.text);
  if (!parsed.ok) return parsed;
  const v = o.schema.safeParse(parsed.value);
  if (!v.success)
    return {
      ok: false,
      reason: v.error.issues.map((i) => `${i.path.map(String).join(".") || "row"}: ${i.message}`).join("; "),
    };
  const refused = o.check?.(v.data);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, value: v.data };
}

function csvHeader(text: string, required: readonly string[]): string[] {
  const cells = csvCells(text);
  const names = Array.isArray(cells)
    ? cells.map((c) =>
        c
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, ""),
      )
    : [];
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length)
    throw new AppError("validation_failed", `The CSV header lacks the columns: ${missing.join(", ")}.`, {
      errors: [{ path: "header", message: `needs ${required.join(",")}` }],
    });
  return names;
}

function csvCells(text: string): string[] | string {
  // Without a quote (or a stray carriage return, which csv-parse reads as a record end) a CSV line
  // is its cells between the commas: the parser is kept for the lines that need it.
  if (!text.includes('"') && !text.includes("\r")) return text.split(",");
  try {
    const rows = parseCsvLine(text, { relax_column_count: true }) as string[][];
    return rows[0] ?? [];
  } catch (e) {
    return `broken CSV: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function csvRow(text: string, header: string[]): Parsed {
  const cells = csvCells(text);
  if (typeof cells === "string") return { ok: false, reason: cells };
  if (cells.length !== header.length)
    return { ok: false, reason: `${cells.length} fields where the header has ${header.length}` };
  const row: Record<string, string> = {};
  for (const [i, name] of header.entries()) {
    const cell = (cells[i] ?? "").trim();
    // An empty cell is an absent value, so optional columns may be left blank.
    if (cell !== "" && !FORBIDDEN_KEYS.has(name)) row[name] = cell;
  }
  return textOk(text) ?? { ok: true, value: row };
}

function jsonRow(text: string): Parsed {
  let value: unknown;
  let forbidden: string | undefined;
  try {
    value = JSON.parse(text, (k, v) => {
      if (!FORBIDDEN_KEYS.has(k)) return v;
      forbidden ??= k;
      return undefined;
    });
  } catch (e) {
    return { ok: false, reason: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  // Refused rather than dropped, as everywhere else: a row is stored as sent or not at all.
  if (forbidden) return { ok: false, reason: `the key "${forbidden}" is not allowed` };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, reason: "a line must be one JSON object" };
  return textOk(text) ?? { ok: true, value };
}

// Text the database cannot store (NUL, a lone surrogate) is this row's problem, not the batch's.
function textOk(text: string): Parsed | null {
  const problem = textProblem(text);
  return problem ? { ok: false, reason: problem } : null;
}
