/*
 * The shape of a machine-readable zone before any field is read: which ICAO Doc 9303 format it is,
 * told from the number and length of its lines and the first letter of the document code.
 */

export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRV-A" | "MRV-B";

export type MrzLines = { ok: true; format: MrzFormat; lines: string[] } | { ok: false; message: string };

const shapes: ReadonlyArray<{ count: number; length: number; formats: string }> = [
  { count: 3, length: 30, formats: "TD1" },
  { count: 2, length: 36, formats: "TD2 or MRV-B" },
  { count: 2, length: 44, formats: "TD3 or MRV-A" },
];

/**
 * Splits the text into lines. Scanners and people separate the lines with CR/LF, spaces or nothing
 * at all; an MRZ itself never contains whitespace (fillers are '<'), so every whitespace run is a
 * line break, and a single run of 90, 72 or 88 characters is cut into lines of 30, 36 or 44.
 */
function splitLines(text: string): string[] {
  const parts = text.toUpperCase().split(/\s+/).filter(Boolean);
  if (parts.length !== 1) return parts;
  const run = parts[0] as string;
  const shape = shapes.find((s) => s.count * s.length === run.length);
  if (!shape) return parts;
  return Array.from({ length: shape.count }, (_, i) => run.slice(i * shape.length, (i + 1) * shape.length));
}

export function readMrzLines(text: string): MrzLines {
  const lines = splitLines(text);
  if (lines.length === 0) return { ok: false, message: "the MRZ is empty" };
  for (const [i, line] of lines.entries()) {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad)
      return {
        ok: false,
        message: `line ${i + 1} has the character ${JSON.stringify(bad[0])} at position ${bad.index + 1}; an MRZ holds only A-Z, 0-9 and <`,
      };
  }
  const shape = shapes.find((s) => s.count === lines.length && lines.every((l) => l.length === s.length));
  if (!shape) {
    const lengths = lines.map((l) => l.length).join(", ");
    return {
      ok: false,
      message: `an MRZ has 3 lines of 30 characters (TD1), 2 of 36 (TD2, MRV-B) or 2 of 44 (TD3, MRV-A); this one has ${lines.length} line(s) of ${lengths}`,
    };
  }
  const code = (lines[0] as string)[0];
  if (shape.length === 30) {
    if (code === "A" || code === "C" || code === "I") return { ok: true, format: "TD1", lines };
    return { ok: false, message: `a TD1 document code starts with A, C or I, not ${code}` };
  }
  if (code === "V") return { ok: true, format: shape.length === 44 ? "MRV-A" : "MRV-B", lines };
  if (shape.length === 44) {
    if (code === "P") return { ok: true, format: "TD3", lines };
    return { ok: false, message: `a 44-character MRZ starts with P (passport) or V (visa), not ${code}` };
  }
  if (code === "A" || code === "C" || code === "I") return { ok: true, format: "TD2", lines };
  return { ok: false, message: `a 36-character MRZ starts with A, C, I (TD2) or V (visa), not ${code}` };
}
