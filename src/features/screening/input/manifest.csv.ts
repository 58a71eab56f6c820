import { type Info, parse } from "csv-parse/sync";
import { type Column, CSV_HEADER, columnOf, identifyingColumns } from "./manifest.columns.ts";
import type { FormatReading, RawRow } from "./manifest.types.ts";
import type { TravellerInput } from "./traveller.ts";

/* Each unclosed quote costs a re-parse of the rest of the file; beyond this many, the file is refused. */
const MAX_QUOTE_RECOVERIES = 100;

type Entry = { cells: string[] } | { error: string };

/** The delimiter the header uses: manifests saved by spreadsheets in many locales use ';' or tabs. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const parseOptions = (delimiter: string) =>
  ({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  }) as const;

/**
 * All records, in file order. csv-parse skips a record it cannot read and goes on, except after a
 * quote that is never closed: that swallows the rest of the file into one field. Such files are read
 * again record by record with line numbers (slower, hence not the first try), see readWithLines.
 */
function readEntries(text: string, delimiter: string): Entry[] | string {
  let unclosed = false;
  const skipped: Array<{ after: number; error: string }> = [];
  const records = parse(text, {
    ...parseOptions(delimiter),
    on_skip: (error) => {
      if (error?.code === "CSV_QUOTE_NOT_CLOSED") unclosed = true;
      else if (error) skipped.push({ after: Number(error.records), error: error.message });
    },
  }) as string[][];
  if (unclosed) return readWithLines(text, delimiter);
  const entries: Entry[] = [];
  let next = 0;
  for (const [i, cells] of records.entries()) {
    while (next < skipped.length && (skipped[next]?.after ?? 0) <= i)
      entries.push({ error: skipped[next++]?.error ?? "" });
    entries.push({ cells });
  }
  for (; next < skipped.length; next++) entries.push({ error: skipped[next]?.error ?? "" });
  return entries;
}

/** Reads past each unclosed quote: the line where its record starts is reported, and parsing resumes after it. */
function readWithLines(text: string, delimiter: string): Entry[] | string {
  const entries: Array<Entry & { line: number }> = [];
  let firstLine = 1;
  let rest = text;
  for (let round = 0; round <= MAX_QUOTE_RECOVERIES; round++) {
    let unclosed = false;
    let lastLine = firstLine - 1;
    const records = parse(rest, {
      ...parseOptions(delimiter),
      info: true,
      on_skip: (error) => {
        if (error?.code === "CSV_QUOTE_NOT_CLOSED") unclosed = true;
        else if (error) entries.push({ line: firstLine - 1 + Number(error.lines), error: error.message });
      },
    }) as unknown as Array<{ info: Info; record: string[] }>;
    for (const { info, record } of records) {
      lastLine = firstLine - 1 + info.lines;
      entries.push({ line: lastLine, cells: record });
    }
    if (!unclosed) return entries.sort((a, b) => a.line - b.line);
    // The unclosed record starts on the first non-blank line after the last record read.
    const lines = rest.split(/\r?\n/);
    let start = lastLine - firstLine + 1;
    while (start < lines.length && (lines[start] ?? "").trim() === "") start++;
    entries.push({
      line: firstLine + start,
      error: `line ${firstLine + start}: a quoted field is never closed`,
    });
    rest = lines.slice(start + 1).join("\n");
    firstLine += start + 1;
  }
  return `more than ${MAX_QUOTE_RECOVERIES} rows have unclosed quotes`;
}

export function readCsv(text: string): FormatReading {
  const entries = readEntries(text, delimiterOf(text));
  if (typeof entries === "string")
    return { rows: [], problems: [{ code: "unknown_format", message: entries }] };
  const [head, ...data] = entries;
  const header = head && "cells" in head ? head.cells.map((c) => columnOf(c)) : [];
  if (!header.some((c) => c !== undefined)) {
    const shown = head && "cells" in head ? head.cells.join(",").slice(0, 80) : "";
    return {
      rows: [],
      problems: [
        {
          code: "missing_header",
          message: `the first line must be the header ${CSV_HEADER} (columns in any order); it reads ${JSON.stringify(shown)}`,
        },
      ],
    };
  }
  if (!header.some((c) => c && identifyingColumns.has(c)))
    return {
      rows: [],
      problems: [
        { code: "missing_header", message: "the header has no name, document_number or mrz column" },
      ],
    };

  const rows: RawRow[] = data.map((entry, i) => {
    const position = i + 1;
    if ("error" in entry) return { position, id: null, input: {}, problems: [entry.error] };
    const { cells } = entry;
    const extra = cells.slice(header.length).some((c) => c.trim() !== "");
    if (cells.length < header.length || extra) {
      const problem = `the row has ${cells.length} fields, the header ${header.length}`;
      return { position, id: cells[header.indexOf("id")]?.trim() || null, input: {}, problems: [problem] };
    }
    const input: Partial<Record<Column, string>> = {};
    header.forEach((column, c) => {
      if (column && input[column] === undefined) input[column] = cells[c];
    });
    const { id, ...traveller } = input;
    return { position, id: id?.trim() || null, input: traveller as TravellerInput };
  });
  return { rows, problems: [] };
}
