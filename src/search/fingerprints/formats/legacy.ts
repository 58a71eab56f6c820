import { ByteReader, ByteWriter, checkDeclaredLength } from "./bytes.ts";
import { type ExtensionRules, readExtensionArea, writeExtensionArea } from "./extensions.ts";
import { readMinutiae, writeMinutiae } from "./minutiae.ts";
import type { Ansi2004Record, Iso2005Record, LegacyView } from "./records.ts";

/**
 * ISO/IEC 19794-2:2005 and ANSI INCITS 378-2004 share the "FMR\0 20\0" identifier and one layout:
 * a header with one image size and resolution for all views, then views of
 * position / view number + impression type / quality / minutiae / extended data. They differ in the
 * header (ANSI: 2- or 6-byte length, CBEFF product id; ISO: 4-byte length) and in how an extended
 * data block counts its length.
 */
const ISO_HEADER_LENGTH = 24;
const ANSI_HEADER_LENGTH = 26;
const ISO_EXTENSIONS: ExtensionRules = { lengths: "data-only", points: "iso" };
const ANSI_EXTENSIONS: ExtensionRules = { lengths: "with-header", points: "ansi" };

type ImageHeader = Omit<Iso2005Record, "format" | "views" | "declaredLength">;

export function readIso2005(bytes: Uint8Array): Iso2005Record {
  const reader = new ByteReader(bytes, 8);
  const length = reader.u32("record length");
  const declaredLength = checkDeclaredLength(reader, length, bytes.length, ISO_HEADER_LENGTH);
  const { header, count } = readImageHeader(reader, bytes);
  const views = readViews(reader, count, ISO_EXTENSIONS);
  reader.expectEnd("the last finger view");
  return { format: "iso-19794-2-2005", ...header, ...lengthField(declaredLength), views };
}

export function readAnsi2004(bytes: Uint8Array): Ansi2004Record {
  const reader = new ByteReader(bytes, 8);
  let length = reader.u16("record length");
  const longLength = length === 0;
  if (longLength) length = reader.u32("record length (6-byte form)");
  const declaredLength = checkDeclaredLength(reader, length, bytes.length, ANSI_HEADER_LENGTH);
  const vendorId = reader.u16("CBEFF product owner");
  const subformat = reader.u16("CBEFF product type");
  const { header, count } = readImageHeader(reader, bytes);
  const views = readViews(reader, count, ANSI_EXTENSIONS);
  reader.expectEnd("the last finger view");
  return {
    format: "ansi-378-2004",
    vendorId,
    subformat,
    longLength,
    ...header,
    ...lengthField(declaredLength),
    views,
  };
}

const lengthField = (declaredLength: number | undefined) =>
  declaredLength === undefined ? {} : { declaredLength };

function readImageHeader(reader: ByteReader, bytes: Uint8Array): { header: ImageHeader; count: number } {
  const equipment = reader.u16("capture equipment");
  const header: ImageHeader = {
    version: bytes[4] === 0x30 ? "020" : " 20",
    equipmentCompliance: equipment >> 12,
    equipmentId: equipment & 0xfff,
    width: reader.u16("image width"),
    height: reader.u16("image height"),
    resolutionX: reader.u16("horizontal resolution"),
    resolutionY: reader.u16("vertical resolution"),
    reserved: 0,
  };
  const count = reader.u8("number of finger views");
  header.reserved = reader.u8("reserved byte");
  return { header, count };
}

function readViews(reader: ByteReader, count: number, rules: ExtensionRules): LegacyView[] {
  const views: LegacyView[] = [];
  for (let i = 0; i < count; i++) {
    const position = reader.u8(`view ${i} finger position`);
    const viewAndImpression = reader.u8(`view ${i} view number and impression type`);
    const quality = reader.u8(`view ${i} quality`);
    const minutiaCount = reader.u8(`view ${i} number of minutiae`);
    const minutiae = readMinutiae(reader, minutiaCount);
    const extensions = readExtensionArea(reader, rules);
    views.push({
      position,
      viewNumber: viewAndImpression >> 4,
      impressionType: viewAndImpression & 0x0f,
      quality,
      minutiae,
      extensions,
    });
  }
  return views;
}

function startRecord(record: Iso2005Record | Ansi2004Record): ByteWriter {
  if (record.version !== " 20" && record.version !== "020")
    new ByteWriter().fail(
      `version must be " 20" (or the misprinted "020"), got ${JSON.stringify(record.version)}`,
    );
  const version = [...record.version].map((c) => c.charCodeAt(0));
  return new ByteWriter().bytes(Uint8Array.from([0x46, 0x4d, 0x52, 0x00, ...version, 0x00]));
}

export function writeIso2005(record: Iso2005Record): Uint8Array {
  const writer = startRecord(record).u32(0, "record length");
  writeImageHeaderAndViews(writer, record, ISO_EXTENSIONS);
  writer.patchU32(8, record.declaredLength ?? writer.offset, "record length");
  return writer.result();
}

export function writeAnsi2004(record: Ansi2004Record): Uint8Array {
  const writer = startRecord(record).u16(0, "record length");
  if (record.longLength) writer.u32(0, "record length (6-byte form)");
  writer.u16(record.vendorId, "CBEFF product owner").u16(record.subformat, "CBEFF product type");
  writeImageHeaderAndViews(writer, record, ANSI_EXTENSIONS);
  const length = record.declaredLength ?? writer.offset;
  if (record.longLength) writer.patchU32(10, length, "record length (6-byte form)");
  else if (length > 0xffff) writer.fail(`a ${length}-byte record needs the 6-byte length form (longLength)`);
  else writer.patchU16(8, length, "record length");
  return writer.result();
}

function writeImageHeaderAndViews(
  writer: ByteWriter,
  record: Iso2005Record | Ansi2004Record,
  rules: ExtensionRules,
): void {
  if (record.equipmentCompliance > 0xf || record.equipmentId > 0xfff)
    writer.fail("capture equipment compliance must fit 4 bits and its id 12 bits");
  writer
    .u16((record.equipmentCompliance << 12) | record.equipmentId, "capture equipment")
    .u16(record.width, "image width")
    .u16(record.height, "image height")
    .u16(record.resolutionX, "horizontal resolution")
    .u16(record.resolutionY, "vertical resolution")
    .u8(record.views.length, "number of finger views")
    .u8(record.reserved, "reserved byte");
  for (const [i, view] of record.views.entries()) {
    if (view.viewNumber > 0xf || view.impressionType > 0xf)
      writer.fail(`view ${i}: view number and impression type must fit 4 bits each`);
    writer
      .u8(view.position, `view ${i} finger position`)
      .u8((view.viewNumber << 4) | view.impressionType, `view ${i} view number and impression type`)
      .u8(view.quality, `view ${i} quality`)
      .u8(view.minutiae.length, `view ${i} number of minutiae`);
    writeMinutiae(writer, view.minutiae);
    writeExtensionArea(writer, view.extensions, rules);
  }
}
