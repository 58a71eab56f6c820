import { ByteReader, ByteWriter, checkDeclaredLength } from "./bytes.ts";
import { type ExtensionRules, readExtensionArea, writeExtensionArea } from "./extensions.ts";
import { readMinutiae, writeMinutiae } from "./minutiae.ts";
import type { Ansi2009Record, Ansi2009View } from "./records.ts";

/**
 * ANSI INCITS 378-2009 ("FMR\0 030\0") and its Amendment 1 ("FMR\0 035\0"): a 21-byte header
 * (4-byte length, CBEFF product id, equipment), then views that each carry their own quality
 * block, image size and resolution. The amendment keeps the layout and widens the position codes.
 * ISO 19794-2:2011 uses the same "030" identifier; detect.ts tells the two apart.
 */
export const ANSI_2009_HEADER_LENGTH = 21;
const RULES: ExtensionRules = { lengths: "with-header", points: "ansi" };

export function readAnsi2009(bytes: Uint8Array, format: Ansi2009Record["format"]): Ansi2009Record {
  const reader = new ByteReader(bytes, 8);
  const length = reader.u32("record length");
  const declaredLength = checkDeclaredLength(reader, length, bytes.length, ANSI_2009_HEADER_LENGTH);
  const vendorId = reader.u16("CBEFF product owner");
  const subformat = reader.u16("CBEFF product type");
  const equipmentCompliance = reader.u8("capture equipment compliance");
  const equipmentId = reader.u16("capture equipment id");
  const count = reader.u8("number of finger views");
  const reserved = reader.u8("reserved byte");
  const views: Ansi2009View[] = [];
  for (let i = 0; i < count; i++) views.push(readView(reader, i));
  reader.expectEnd("the last finger view");
  const record: Ansi2009Record = {
    format,
    vendorId,
    subformat,
    equipmentCompliance,
    equipmentId,
    reserved,
    views,
  };
  if (declaredLength !== undefined) record.declaredLength = declaredLength;
  return record;
}

function readView(reader: ByteReader, i: number): Ansi2009View {
  const view = {
    position: reader.u8(`view ${i} finger position`),
    viewNumber: reader.u8(`view ${i} view number`),
    impressionType: reader.u8(`view ${i} impression type`),
    quality: reader.u8(`view ${i} quality`),
    qualityVendorId: reader.u16(`view ${i} quality algorithm vendor`),
    qualityAlgorithmId: reader.u16(`view ${i} quality algorithm`),
    width: reader.u16(`view ${i} image width`),
    height: reader.u16(`view ${i} image height`),
    resolutionX: reader.u16(`view ${i} horizontal resolution`),
    resolutionY: reader.u16(`view ${i} vertical resolution`),
  };
  const minutiae = readMinutiae(reader, reader.u8(`view ${i} number of minutiae`));
  return { ...view, minutiae, extensions: readExtensionArea(reader, RULES) };
}

export function writeAnsi2009(record: Ansi2009Record): Uint8Array {
  const writer = new ByteWriter().bytes(magic(record.format));
  writer
    .u32(0, "record length")
    .u16(record.vendorId, "CBEFF product owner")
    .u16(record.subformat, "CBEFF product type")
    .u8(record.equipmentCompliance, "capture equipment compliance")
    .u16(record.equipmentId, "capture equipment id")
    .u8(record.views.length, "number of finger views")
    .u8(record.reserved, "reserved byte");
  for (const [i, view] of record.views.entries()) {
    writer
      .u8(view.position, `view ${i} finger position`)
      .u8(view.viewNumber, `view ${i} view number`)
      .u8(view.impressionType, `view ${i} impression type`)
      .u8(view.quality, `view ${i} quality`)
      .u16(view.qualityVendorId, `view ${i} quality algorithm vendor`)
      .u16(view.qualityAlgorithmId, `view ${i} quality algorithm`)
      .u16(view.width, `view ${i} image width`)
      .u16(view.height, `view ${i} image height`)
      .u16(view.resolutionX, `view ${i} horizontal resolution`)
      .u16(view.resolutionY, `view ${i} vertical resolution`)
      .u8(view.minutiae.length, `view ${i} number of minutiae`);
    writeMinutiae(writer, view.minutiae);
    writeExtensionArea(writer, view.extensions, RULES);
  }
  writer.patchU32(8, record.declaredLength ?? writer.offset, "record length");
  return writer.result();
}

function magic(format: Ansi2009Record["format"]): Uint8Array {
  const minor = format === "ansi-378-2009-am1" ? 0x35 : 0x30;
  return Uint8Array.from([0x46, 0x4d, 0x52, 0x00, 0x30, 0x33, minor, 0x00]);
}
