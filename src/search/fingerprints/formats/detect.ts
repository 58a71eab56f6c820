import { TemplateFormatError, type TemplateFormatId } from "./types.ts";

const FMR = [0x46, 0x4d, 0x52, 0x00];
const ISO_2011_HEADER = 15;
/** The smallest ISO 2011 representation: its length, capture block, finger header, no minutiae. */
const ISO_2011_MIN_REPRESENTATION = 34;

const u16 = (b: Uint8Array, at: number) => ((b[at] as number) << 8) | (b[at + 1] as number);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 0x10000 + u16(b, at + 2);

/**
 * Tells the five formats apart from the bytes alone. The version string separates the 2004/2005
 * layouts (" 20") from the 2009/2011 ones ("030", "035" = ANSI amendment 1), but each string is
 * shared by an ISO and an ANSI edition, so the length fields decide: a template's declared length
 * matches the ISO or the ANSI header layout, never both.
 */
export function detectFormat(bytes: Uint8Array): TemplateFormatId {
  if (bytes.length < 8)
    throw new TemplateFormatError(`truncated: ${bytes.length} byte(s) cannot hold a format identifier`, 0);
  for (let i = 0; i < 4; i++)
    if (bytes[i] !== FMR[i])
      throw new TemplateFormatError(
        `not a finger minutiae record: the format identifier is not "FMR\\0" (byte 0x${(bytes[i] as number).toString(16)})`,
        i,
      );
  const version = String.fromCharCode(...bytes.subarray(4, 8));
  // "020" is how the ANSI 378-2004 standard's own sample template misprints " 20".
  if (version === " 20\0" || version === "020\0")
    return isIsoLength(bytes) ? "iso-19794-2-2005" : "ansi-378-2004";
  if (version === "035\0") return "ansi-378-2009-am1";
  if (version === "030\0") return isIso2011Structure(bytes) ? "iso-19794-2-2011" : "ansi-378-2009";
  throw new TemplateFormatError(
    `unsupported version ${JSON.stringify(version.replace(/\0/g, "\\0"))} (known: " 20", "030", "035")`,
    4,
  );
}

/**
 * ISO 2005 stores a 4-byte length at byte 8, ANSI 2004 a 2-byte one (or 0 followed by 4 bytes).
 * When neither equals the actual length (a damaged template), judge from the values: ANSI's short
 * length is at least its 26-byte header, while the upper half of ISO's is 0 below 64 KiB.
 */
function isIsoLength(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  if (u32(bytes, 8) === bytes.length) return true;
  const short = u16(bytes, 8);
  if (short === bytes.length) return false;
  if (short === 0 && bytes.length >= 14 && u32(bytes, 10) === bytes.length) return false;
  if (short >= 26) return false;
  if (short > 0) return true;
  return u16(bytes, 10) >= 24;
}

/**
 * ISO 2011 follows its 15-byte header with representations that each start with a 4-byte length;
 * the header's total is 15 plus their sum. ANSI 2009 has a 21-byte header and no such chain, so a
 * chain that adds up identifies ISO; so does a chain that stays within the declared total until the
 * data ends after at least the first representation's length (a truncated ISO template). Anything else is read as ANSI, whose reader then names what
 * is wrong.
 */
function isIso2011Structure(bytes: Uint8Array): boolean {
  if (bytes.length < ISO_2011_HEADER) return false;
  const total = u32(bytes, 8);
  const count = u16(bytes, 12);
  if (count === 0 || (bytes[14] as number) > 1) return false;
  let position = ISO_2011_HEADER;
  for (let i = 0; i < count; i++) {
    if (position + 4 > bytes.length) return i > 0 && position < total;
    const length = u32(bytes, position);
    if (length < ISO_2011_MIN_REPRESENTATION || length > total - ISO_2011_HEADER) return false;
    position += length;
  }
  return position === total;
}
