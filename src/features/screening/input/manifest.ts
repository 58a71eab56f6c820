import { assertToday } from "./dates.ts";
import { readCsv } from "./manifest.csv.ts";
import { readJson, readJsonLines } from "./manifest.json.ts";
import type { FormatReading, Manifest, ManifestFormat, ManifestRow, RawRow } from "./manifest.types.ts";
import { readPaxlst } from "./paxlst.ts";
import { type TravellerResult, validateTraveller } from "./traveller.ts";

export type {
  Manifest,
  ManifestFormat,
  ManifestProblem,
  ManifestProblemCode,
  ManifestRow,
} from "./manifest.types.ts";

/** The issue asks for manifests of 100,000 passengers; a flight has a few hundred. */
export const MAX_MANIFEST_ROWS = 100_000;
/** 100,000 JSON passengers with long names and an MRZ each stay well under this. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const refuse = (
  format: ManifestFormat | null,
  code: Manifest["problems"][number]["code"],
  message: string,
): Manifest => ({
  format,
  passengers: [],
  problems: [{ code, message }],
});

/** Text from bytes: UTF-8 where it is valid, else Latin-1 (older airline and spreadsheet exports). */
function decode(content: string | Buffer): string | null {
  if (typeof content === "string") return content.includes("\u0000") ? null : content;
  if (content.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return content.toString("latin1");
  }
}

/** The format, told from the content alone (a file's name says little at a border post). */
export function detectFormat(text: string): ManifestFormat {
  const head = text.trimStart();
  if (/^UN[AB]/.test(head) || /UNH\+[^']*PAXLST/.test(head.slice(0, 4096))) return "paxlst";
  if (head.startsWith("[")) return "json";
  if (head.startsWith("{")) {
    // One object over many lines is JSON; one object per line is JSON Lines.
    const firstLine = head.split("\n", 1)[0]?.trim() ?? "";
    try {
      JSON.parse(firstLine);
      return "jsonl";
    } catch {
      return "json";
    }
  }
  return "csv";
}

function readFormat(format: ManifestFormat, text: string, today: string): FormatReading {
  if (format === "csv") return readCsv(text);
  if (format === "jsonl") return readJsonLines(text);
  if (format === "paxlst") return readPaxlst(text, today);
  try {
    return readJson(JSON.parse(text));
  } catch (error) {
    return {
      rows: [],
      problems: [
        { code: "invalid_json", message: `the file is not valid JSON: ${(error as Error).message}` },
      ],
    };
  }
}

function resultOf(row: RawRow, today: string): TravellerResult {
  if (!row.problems) return validateTraveller(row.input, today);
  const problems = row.problems.map((message) => ({ field: "row", message }));
  // A readable part of a broken row is still checked, so that every fault is reported at once.
  if (Object.keys(row.input).length > 0) {
    const checked = validateTraveller(row.input, today);
    if (!checked.ok) problems.push(...checked.problems.filter((p) => p.field !== "traveller"));
  }
  return { ok: false, problems };
}

/**
 * Reads a manifest: CSV (header required), JSON, JSON Lines or UN/EDIFACT PAXLST, told from the
 * content. Every passenger gives a row, the unreadable ones with their reasons, so one bad row never
 * stops the others. `problems` are about the whole file: with no passengers the file was refused
 * (empty, binary, too large, no header, not JSON); with passengers it was read in part (a PAXLST cut
 * short or with a wrong segment count), and the caller decides whether to screen what was read.
 */
export function parseManifest(content: string | Buffer, today: string): Manifest {
  assertToday(today);
  const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  if (bytes > MAX_MANIFEST_BYTES)
    return refuse(
      null,
      "too_large",
      `the manifest is ${bytes} bytes; at most ${MAX_MANIFEST_BYTES} are read at once`,
    );
  const decoded = decode(content);
  if (decoded === null)
    return refuse(
      null,
      "binary",
      "the file holds binary data (or UTF-16 text); send CSV, JSON or PAXLST as UTF-8 text",
    );
  const text = decoded.replace(/^\uFEFF/, "");
  if (text.trim() === "") return refuse(null, "empty", "the manifest is empty");

  const format = detectFormat(text);
  const { rows, problems } = readFormat(format, text, today);
  if (rows.length > MAX_MANIFEST_ROWS)
    return refuse(
      format,
      "too_many_rows",
      `the manifest has ${rows.length} passengers; at most ${MAX_MANIFEST_ROWS} are screened at once`,
    );
  if (rows.length === 0 && problems.length === 0)
    problems.push({ code: "empty", message: "the manifest has no passengers" });

  const firstWithId = new Map<string, number>();
  const passengers: ManifestRow[] = rows.map((row) => {
    const id = row.id ?? String(row.position);
    const result = resultOf(row, today);
    const earlier = firstWithId.get(id);
    if (earlier === undefined) firstWithId.set(id, row.position);
    else if (result.ok)
      result.warnings.push({ field: "id", message: `id ${id} is also passenger ${earlier}'s` });
    return { position: row.position, id, result };
  });
  return { format, passengers, problems };
}
