/**
 * Hash list exchange formats: plain lists (one hash per line), CSV and JSON in the shape
 * Hasher-Matcher-Actioner and ThreatExchange use (signal type, value, tags). Parsing collects every
 * problem with its line (or item) number, so an import is validated whole before anything is stored.
 */
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { badTextAt, findBadText } from "../../shared/validate.ts";
import type { ExchangeFormat, SignalType } from "./content.schema.ts";
import { entryValueProblem, isSignalType } from "./content.schema.ts";

export type ParsedSignal = {
  line: number;
  signalType: SignalType;
  value: string;
  quality: number | null;
  labels: string[];
};
export type ParseProblem = { path: string; message: string };

const LABEL_RE = /^[a-z0-9][a-z0-9_:.-]{0,63}$/;
const MAX_ITEMS = 1_000_000;

type RawItem = {
  where: string;
  line: number;
  type: unknown;
  value: unknown;
  tags: unknown;
  quality: unknown;
};

export function parseExchange(
  text: string,
  format: ExchangeFormat,
  defaultType: SignalType | undefined,
  extraLabels: string[],
): { signals: ParsedSignal[]; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  let raw: RawItem[] = [];
  const bad = badTextAt(text);
  if (bad >= 0) {
    // The CLI reads files without the HTTP layer's checks: U+0000 or a lone surrogate refuses the file.
    const line = text.slice(0, bad).split("\n").length;
    problems.push({ path: `line ${line}`, message: "holds a NUL character or an unpaired surrogate" });
  } else if (format === "plain") {
    if (!defaultType)
      problems.push({
        path: "signalType",
        message: "a plain list needs ?signalType=pdq|md5|sha256|video_md5",
      });
    raw = plainItems(text, defaultType);
  } else if (format === "csv") raw = csvItems(text, problems);
  else raw = jsonItems(text, problems);
  if (raw.length > MAX_ITEMS) problems.push({ path: "file", message: `more than ${MAX_ITEMS} hashes` });
  for (const l of extraLabels)
    if (!LABEL_RE.test(l)) problems.push({ path: "labels", message: `"${l}" is not a valid label` });
  const signals: ParsedSignal[] = [];
  for (const item of raw) {
    const s = checkItem(item, extraLabels, problems);
    if (s) signals.push(s);
  }
  return { signals, problems: problems.slice(0, 200) };
}

function checkItem(item: RawItem, extraLabels: string[], problems: ParseProblem[]): ParsedSignal | null {
  const type = typeof item.type === "string" ? item.type.trim().toLowerCase() : "";
  const value = typeof item.value === "string" ? item.value.trim().toLowerCase() : "";
  const problem = entryValueProblem(type, value);
  if (problem || !isSignalType(type)) {
    problems.push({ path: item.where, message: problem ?? "unknown signal type" });
    return null;
  }
  const tags = tagList(item.tags);
  const bad = tags.find((t) => !LABEL_RE.test(t));
  if (bad !== undefined) {
    problems.push({ path: item.where, message: `"${bad}" is not a valid label` });
    return null;
  }
  let quality: number | null = null;
  if (item.quality !== undefined && item.quality !== null && item.quality !== "") {
    quality = Number(item.quality);
    if (!Number.isInteger(quality) || quality < 0 || quality > 100) {
      problems.push({ path: item.where, message: "quality must be an integer 0..100" });
      return null;
    }
  }
  const labels = [...new Set([...tags, ...extraLabels])].sort().slice(0, 20);
  return { line: item.line, signalType: type, value, quality, labels };
}

function tagList(tags: unknown): string[] {
  if (Array.isArray(tags)) return tags.map((t) => String(t).trim().toLowerCase()).filter(Boolean);
  if (typeof tags === "string")
    return tags
      .split(/[\s,;]+/)
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
  return [];
}

function plainItems(text: string, type: SignalType | undefined): RawItem[] {
  const out: RawItem[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const v = l.trim();
    if (v === "" || v.startsWith("#")) return;
    out.push({ where: `line ${i + 1}`, line: i + 1, type: type ?? "", value: v, tags: [], quality: null });
  });
  return out;
}

const HEADER_ALIASES: Record<string, string> = {
  signal_type: "type",
  type: "type",
  value: "value",
  signal: "value",
  signal_value: "value",
  hash: "value",
  tags: "tags",
  labels: "tags",
  quality: "quality",
};

function csvItems(text: string, problems: ParseProblem[]): RawItem[] {
  const rows = csvRows(text, problems);
  if (!rows) return [];
  const header = rows.shift();
  const cols = (header?.cells ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? "");
  const at = (name: string) => cols.indexOf(name);
  if (at("type") < 0 || at("value") < 0) {
    problems.push({
      path: `line ${header?.line ?? 1}`,
      message: "the CSV header needs signal_type and value (tags optional)",
    });
    return [];
  }
  return rows
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((r) => ({
      where: `line ${r.line}`,
      line: r.line,
      type: r.cells[at("type")],
      value: r.cells[at("value")],
      tags: at("tags") >= 0 ? (r.cells[at("tags")] ?? "") : "",
      quality: at("quality") >= 0 ? r.cells[at("quality")] : undefined,
    }));
}

/** Why csv-parse stopped, in words that do not echo the file back. */
const CSV_ERRORS: Record<string, string> = {
  INVALID_OPENING_QUOTE:
    "a quote inside an unquoted field (quote the whole field and double the quotes in it)",
  CSV_INVALID_CLOSING_QUOTE: "text right after a closing quote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text right after a closing quote",
  CSV_QUOTE_NOT_CLOSED: "a quote is still open at the end of the file (opened on this line or before)",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "more fields than the header names (quote fields that hold commas)",
};

/**
 * RFC 4180 rows read by csv-parse, each with the line it starts on. Rows may stop short of the
 * header (tags and quality are optional) but not run past it. A malformed file yields one problem,
 * at the line where reading stopped, and null. (A quote inside an unquoted field is an error here;
 * the hand-written reader this replaces toggled quoting on it and merged the lines that followed.)
 */
function csvRows(text: string, problems: ParseProblem[]): { line: number; cells: string[] }[] | null {
  let records: string[][];
  try {
    // Empty lines stay in as one-cell rows so that counting rows counts lines; csv-parse's own
    // per-record `info` would do it too, at three times the cost on a large file.
    records = parseCsv(text, { bom: true, trim: true, relax_column_count_less: true });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? 1;
    problems.push({ path: `line ${line}`, message: CSV_ERRORS[err.code] ?? "not valid CSV" });
    return null;
  }
  let line = 1;
  return records.map((cells) => {
    const row = { line, cells };
    line += 1 + lineBreaks(cells);
    return row;
  });
}

/** Line breaks inside the quoted fields of one row. */
function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) if (c.includes("\n") || c.includes("\r")) n += c.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

function jsonItems(text: string, problems: ParseProblem[]): RawItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    problems.push({ path: "file", message: "not valid JSON" });
    return [];
  }
  const list = Array.isArray(doc) ? doc : (doc as { signals?: unknown })?.signals;
  if (!Array.isArray(list)) {
    problems.push({ path: "file", message: 'expected an array of signals or {"signals": [...]}' });
    return [];
  }
  // Prototype keys and unstorable text anywhere refuse the file, even in fields the import ignores.
  const outer = Array.isArray(doc) ? null : findBadText({ ...(doc as object), signals: [] }, "file");
  if (outer) problems.push(outer);
  return list.flatMap((x, i) => {
    const bad = findBadText(x, `item ${i + 1}`);
    if (bad) {
      problems.push(bad);
      return [];
    }
    const o = (x ?? {}) as Record<string, unknown>;
    return [
      {
        where: `item ${i + 1}`,
        line: i + 1,
        type: o.signal_type ?? o.signalType ?? o.type,
        value: o.value ?? o.signal ?? o.signal_value ?? o.hash,
        tags: o.tags ?? o.labels,
        quality: o.quality,
      },
    ];
  });
}

export type ExportRow = { signalType: string; value: string; quality: number | null; labels: string[] };

/** Serialises entries in one of the exchange formats; parseExchange reads each back unchanged. */
export function formatExchange(rows: ExportRow[], format: ExchangeFormat): string {
  if (format === "plain") return rows.map((r) => `${r.value}\n`).join("");
  if (format === "csv") {
    const lines = rows.map((r) => `${r.signalType},${r.value},${r.quality ?? ""},"${r.labels.join(" ")}"`);
    return `signal_type,value,quality,tags\n${lines.map((l) => `${l}\n`).join("")}`;
  }
  const signals = rows.map((r) => ({
    signal_type: r.signalType,
    value: r.value,
    ...(r.quality === null ? {} : { quality: r.quality }),
    tags: r.labels,
  }));
  return `${JSON.stringify({ signals }, null, 1)}\n`;
}
