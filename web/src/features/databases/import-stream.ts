import { apiStream, withQuery } from "../../lib/api.ts";
import type { ImportProgress, ImportReport } from "./types.ts";

/** What can be imported, with the API path and the formats it reads. */
export const IMPORTABLE = {
  persons: {
    path: "/records/import",
    formats: ["csv", "jsonl", "ftm"],
    columns: "reference,name,aliases,date_of_birth,nationality,sex",
  },
  documents: { path: "/documents/import", formats: ["csv", "jsonl"], columns: "number,country,type,status" },
  firearms: {
    path: "/firearms/import",
    formats: ["csv", "jsonl"],
    columns: "serial_number,make,type,status",
  },
  vehicles: {
    path: "/vehicles/import",
    formats: ["csv", "jsonl"],
    columns: "make,status + vin | plate,plate_country",
  },
  materials: {
    path: "/materials/import",
    formats: ["csv", "jsonl"],
    columns: "category,description,identifier,country,event_date,status",
  },
} as const;
export type Importable = keyof typeof IMPORTABLE;
export type ImportFormat = "csv" | "jsonl" | "ftm";

/** The format a file's name says (.csv, .jsonl, .ndjson, .ftm.json), as the CLI reads it. */
export function formatOfName(name: string): ImportFormat | null {
  const n = name.toLowerCase();
  if (n.endsWith(".csv")) return "csv";
  if (n.endsWith(".ftm.json") || n.endsWith(".ftm.jsonl")) return "ftm";
  if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return "jsonl";
  return null;
}

/**
 * Sends the file and reads the streamed answer line by line: a progress line after each stored
 * batch, then the report. An `error` line (the import stopped after some batches) is thrown.
 */
export async function runImport(
  what: Importable,
  file: Blob & { name?: string },
  format: ImportFormat,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  const query = what === "persons" ? { format, filename: file.name } : { format };
  const res = await apiStream(withQuery(IMPORTABLE[what].path, query), {
    body: file,
    contentType: format === "csv" ? "text/csv" : "application/x-ndjson",
    accept: "application/x-ndjson",
    ...(signal ? { signal } : {}),
  });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error("no response body");
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let nl = buffer.indexOf("\n");
    while (nl !== -1) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
      if (!line) continue;
      const msg = JSON.parse(line) as { type: string; detail?: string } & ImportProgress & ImportReport;
      if (msg.type === "progress") onProgress(msg);
      else if (msg.type === "report") return msg;
      else if (msg.type === "error") throw new Error(msg.detail ?? "import stopped");
    }
    if (done) throw new Error("the answer ended without a report");
  }
}

/** The rejects as a CSV file (line, reason, raw line), quoted as RFC 4180 says. */
export function rejectsCsv(report: ImportReport): string {
  const cell = (s: string | number) => {
    const v = String(s);
    // A cell that a spreadsheet would read as a formula is prefixed, so opening the file runs nothing.
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = report.rejects.map((r) => [r.line, r.reason, r.raw].map(cell).join(","));
  return `line,reason,raw\n${rows.join("\n")}\n`;
}
