import { ByteReader, ByteWriter } from "./bytes.ts";
import type { CoreDelta, ExtensionBlock, RidgeCounts, SingularPoint } from "./records.ts";
import { TemplateFormatError } from "./types.ts";

export const RIDGE_COUNT_BLOCK = 1;
export const CORE_DELTA_BLOCK = 2;

/**
 * ISO 19794-2:2005 counts a block's length without its 4-byte header; ANSI 378 (both editions) and
 * ISO 19794-2:2011 count it with the header.
 */
export type BlockLengthRule = "data-only" | "with-header";
export type SingularPointEncoding = "iso" | "ansi";

export type ExtensionRules = { lengths: BlockLengthRule; points: SingularPointEncoding };

/** Reads the extended data area that follows a view's minutiae: a 16-bit total, then blocks. */
export function readExtensionArea(reader: ByteReader, rules: ExtensionRules): ExtensionBlock[] {
  const total = reader.u16("extended data length");
  const area = reader.sub(total, "extended data area");
  const blocks: ExtensionBlock[] = [];
  while (area.remaining > 0) {
    const start = area.offset;
    const type = area.u16("extended data block type");
    const length = area.u16("extended data block length");
    let dataLength = length;
    if (rules.lengths === "with-header") {
      if (length < 4) area.fail(`extended data block length ${length} is below its 4-byte header`, start + 2);
      dataLength = length - 4;
    }
    if (dataLength > area.remaining)
      area.fail(
        `extended data block of ${dataLength} data byte(s) overruns the extended data area (${area.remaining} left)`,
        start,
      );
    blocks.push(decodeBlock(type, area.take(dataLength, "extended data block"), rules.points));
  }
  return blocks;
}

export function writeExtensionArea(
  writer: ByteWriter,
  blocks: ExtensionBlock[],
  rules: ExtensionRules,
): void {
  const lengthAt = writer.offset;
  writer.u16(0, "extended data length");
  for (const block of blocks) {
    writer.u16(block.type, "extended data block type");
    const length = rules.lengths === "with-header" ? block.data.length + 4 : block.data.length;
    writer.u16(length, "extended data block length").bytes(block.data);
  }
  writer.patchU16(lengthAt, writer.offset - lengthAt - 2, "extended data length");
}

/** Decodes the blocks this module knows; content that does not decode stays as bytes only. */
export function decodeBlock(type: number, data: Uint8Array, points: SingularPointEncoding): ExtensionBlock {
  const block: ExtensionBlock = { type, data };
  try {
    if (type === RIDGE_COUNT_BLOCK) block.ridgeCounts = decodeRidgeCounts(data);
    if (type === CORE_DELTA_BLOCK) block.coreDelta = decodeCoreDelta(data, points);
  } catch (error) {
    if (!(error instanceof TemplateFormatError)) throw error;
  }
  return block;
}

function decodeRidgeCounts(data: Uint8Array): RidgeCounts {
  const reader = new ByteReader(data);
  const method = reader.u8("ridge count method");
  const edges: RidgeCounts["edges"] = [];
  while (reader.remaining >= 3)
    edges.push({ from: reader.u8("from"), to: reader.u8("to"), count: reader.u8("count") });
  return { method, edges, trailing: reader.take(reader.remaining, "trailing") };
}

export function encodeRidgeCounts(counts: RidgeCounts): Uint8Array {
  const writer = new ByteWriter().u8(counts.method, "ridge count method");
  for (const edge of counts.edges)
    writer
      .u8(edge.from, "ridge count edge start")
      .u8(edge.to, "ridge count edge end")
      .u8(edge.count, "ridge count");
  return writer.bytes(counts.trailing).result();
}

function decodeCoreDelta(data: Uint8Array, encoding: SingularPointEncoding): CoreDelta {
  const reader = new ByteReader(data);
  const cores = readPoints(reader, encoding, 1, "core");
  const deltas = readPoints(reader, encoding, 3, "delta");
  reader.expectEnd("the core/delta block");
  return { cores: cores.points, deltas: deltas.points, coreFlags: cores.flags, deltaFlags: deltas.flags };
}

function readPoints(reader: ByteReader, encoding: SingularPointEncoding, angleCount: number, what: string) {
  const countByte = reader.u8(`${what} count`);
  // ANSI packs an "angles present" flag (0x40) above a 4-bit count; ISO has a plain count and flags
  // each point in the two bits above its x coordinate.
  const flags = encoding === "ansi" ? countByte & 0xf0 : 0;
  const count = encoding === "ansi" ? countByte & 0x0f : countByte;
  const points: SingularPoint[] = [];
  for (let i = 0; i < count; i++) {
    const rawX = reader.u16(`${what} x`);
    const infoBits = encoding === "iso" ? rawX >> 14 : 0;
    const x = encoding === "iso" ? rawX & 0x3fff : rawX;
    const y = reader.u16(`${what} y`);
    const hasAngles = encoding === "iso" ? (infoBits & 1) === 1 : (flags & 0x40) !== 0;
    const angles: number[] = [];
    if (hasAngles) for (let a = 0; a < angleCount; a++) angles.push(reader.u8(`${what} angle`));
    points.push({ x, y, angles, infoBits });
  }
  return { points, flags };
}

export function encodeCoreDelta(value: CoreDelta, encoding: SingularPointEncoding): Uint8Array {
  const writer = new ByteWriter();
  writePoints(writer, value.cores, value.coreFlags, encoding, "core");
  writePoints(writer, value.deltas, value.deltaFlags, encoding, "delta");
  return writer.result();
}

function writePoints(
  writer: ByteWriter,
  points: SingularPoint[],
  flags: number,
  encoding: SingularPointEncoding,
  what: string,
): void {
  if (encoding === "ansi") {
    if (points.length > 15)
      throw new TemplateFormatError(`at most 15 ${what}s fit an ANSI record`, writer.offset);
    writer.u8(flags | points.length, `${what} count`);
  } else writer.u8(points.length, `${what} count`);
  for (const point of points) {
    if (encoding === "iso" && point.x > 0x3fff)
      throw new TemplateFormatError(`${what} x ${point.x} does not fit 14 bits`, writer.offset);
    const x = encoding === "iso" ? (point.infoBits << 14) | point.x : point.x;
    writer.u16(x, `${what} x`).u16(point.y, `${what} y`);
    for (const angle of point.angles) writer.u8(angle, `${what} angle`);
  }
}
