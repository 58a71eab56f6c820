import { parse as parseCsvLine } from "csv-parse/sync";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { FORBIDDEN_KEYS, textProblem } from "../validate.ts";
import { type ByteSource, linesOf } from "./lines.ts";

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

export async function bulkImport<S extends z.ZodType>(
  source: ByteSource,
  o: BulkOptions<S>,
): Promise<BulkReport> {
  const now = o.now ?? (() => performance.now());
  const started = now();
  const size = o.batchSize ?? 1000;
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
  let batch: z.output<S>[] = [];
  let each: number[] = [];
  let keys = new Set<string>();
  let first = 0;
  let last = 0;
  let bytes = 0;
  let header: string[] | undefined;

  const flush = async () => {
    if (!batch.length) return;
    const r = await o.writeBatch(batch, { first, last, each });
    report.created += r.created;
    report.updated += r.updated;
    report.unchanged += r.unchanged;
    report.batches++;
    batch = [];
    each = [];
    keys = new Set();
    const secs = Math.max((now() - started) / 1000, 1e-3);
    const bytesPerSecond = bytes / secs;
    o.onProgress?.({
      rows: report.rows,
      bytes,
      totalBytes: o.totalBytes,
      rowsPerSecond: report.rows / secs,
      etaSeconds:
        o.totalBytes && bytesPerSecond > 0 ? Math.max(0, o.totalBytes - bytes) / bytesPerSecond : undefined,
    });
  };

  for await (const line of linesOf(source)) {
    bytes = line.bytes;
    if (!line.text.trim()) continue;
    if (o.format === "csv" && !header) {
      header = csvHeader(line.text, o.requiredColumns);
      continue;
    }
    report.rows++;
    const reject = async (reason: string) => {
      report.rejected++;
      await o.onReject({ line: line.no, reason, raw: line.text });
    };
    if (line.oversized) {
      await reject("the line is too long");
      continue;
    }
    const parsed = o.format === "csv" ? csvRow(line.text, header ?? []) : jsonRow(line.text);
    if (!parsed.ok) {
      await reject(parsed.reason);
      continue;
    }
    const v = o.schema.safeParse(parsed.value);
    if (!v.success) {
      await reject(
        v.error.issues.map((i) => `${i.path.map(String).join(".") || "row"}: ${i.message}`).join("; "),
      );
      continue;
    }
    const refused = o.check?.(v.data);
    if (refused) {
      await reject(refused);
      continue;
    }
    const key = o.keyOf(v.data);
    if (keys.has(key) || batch.length >= size) await flush();
    if (!batch.length) first = line.no;
    batch.push(v.data);
    each.push(line.no);
    keys.add(key);
    last = line.no;
    report.accepted++;
  }
  if (o.format === "csv" && !header)
    throw new AppError("validation_failed", "The file is empty: no CSV header.");
  await flush();
  report.ms = Math.round(now() - started);
  return report;
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
