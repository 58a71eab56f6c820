import { type Column, columnOf } from "./manifest.columns.ts";
import type { FormatReading, RawRow } from "./manifest.types.ts";
import type { TravellerInput } from "./traveller.ts";

/*
 * JSON manifests: an array of passenger objects, or an object with a `passengers` array; JSON Lines:
 * one passenger object per line. Keys in snake_case or camelCase (see manifest.columns.ts); other keys
 * are ignored. A PAXLST-like `documents` array is passed on as it is.
 */

function rowOf(value: unknown, position: number, where: string): RawRow {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      position,
      id: null,
      input: {},
      problems: [`${where} is not an object but ${Array.isArray(value) ? "a list" : typeof value}`],
    };
  const input: Record<string, unknown> = {};
  let id: string | null = null;
  for (const [key, v] of Object.entries(value)) {
    if (key === "documents") {
      input.documents = v;
      continue;
    }
    const column: Column | undefined = columnOf(key);
    if (column === "id")
      id = typeof v === "string" || typeof v === "number" ? String(v).trim() || null : null;
    else if (column && input[column] === undefined) input[column] = v;
  }
  if (input.documents !== undefined && !Array.isArray(input.documents))
    return { position, id, input: {}, problems: [`${where}: documents is not a list`] };
  return { position, id, input: input as TravellerInput };
}

export function readJson(value: unknown): FormatReading {
  const list = Array.isArray(value)
    ? value
    : typeof value === "object" &&
        value !== null &&
        Array.isArray((value as { passengers?: unknown }).passengers)
      ? (value as { passengers: unknown[] }).passengers
      : null;
  if (!list)
    return {
      rows: [],
      problems: [
        {
          code: "invalid_json",
          message: "a JSON manifest is a list of passengers or an object with a passengers list",
        },
      ],
    };
  return { rows: list.map((v, i) => rowOf(v, i + 1, `passenger ${i + 1}`)), problems: [] };
}

export function readJsonLines(text: string): FormatReading {
  const rows: RawRow[] = [];
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const position = rows.length + 1;
    try {
      rows.push(rowOf(JSON.parse(line), position, `line ${i + 1}`));
    } catch (error) {
      rows.push({
        position,
        id: null,
        input: {},
        problems: [`line ${i + 1} is not valid JSON: ${(error as Error).message}`],
      });
    }
  }
  return { rows, problems: [] };
}
