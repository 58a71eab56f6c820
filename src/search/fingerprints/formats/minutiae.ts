import type { ByteReader, ByteWriter } from "./bytes.ts";
import type { RawMinutia } from "./records.ts";

/**
 * Minutia records are the same in every edition: 2 bits of type over a 14-bit x, 2 reserved bits
 * over a 14-bit y, one angle byte, and (except for 5-byte ISO 2011 records) one quality byte.
 */
export function readMinutiae(reader: ByteReader, count: number, withQuality = true): RawMinutia[] {
  const minutiae: RawMinutia[] = [];
  for (let i = 0; i < count; i++) {
    const start = reader.offset;
    const typeAndX = reader.u16(`minutia ${i} type and x`);
    const y = reader.u16(`minutia ${i} y`);
    const angle = reader.u8(`minutia ${i} angle`);
    const quality = withQuality ? reader.u8(`minutia ${i} quality`) : 254;
    const typeCode = typeAndX >> 14;
    if (typeCode === 3) reader.fail(`minutia ${i} has the reserved type code 3`, start);
    // The two bits above y are reserved (zero); a set bit means the record is not a template.
    if (y > 0x3fff) reader.fail(`minutia ${i} sets the reserved bits above its y coordinate`, start + 2);
    minutiae.push({ typeCode, x: typeAndX & 0x3fff, y, angle, quality });
  }
  return minutiae;
}

export function writeMinutiae(writer: ByteWriter, minutiae: RawMinutia[], withQuality = true): void {
  for (const [i, m] of minutiae.entries()) {
    if (m.typeCode < 0 || m.typeCode > 2 || m.x > 0x3fff || m.y > 0x3fff)
      writer.fail(`minutia ${i} needs a type code 0..2 and x, y in 0..16383`);
    writer.u16((m.typeCode << 14) | m.x, `minutia ${i} x`);
    writer.u16(m.y, `minutia ${i} y`);
    writer.u8(m.angle, `minutia ${i} angle`);
    if (withQuality) writer.u8(m.quality, `minutia ${i} quality`);
  }
}
