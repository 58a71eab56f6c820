import { ByteReader, ByteWriter, checkDeclaredLength } from "./bytes.ts";
import { type ExtensionRules, readExtensionArea, writeExtensionArea } from "./extensions.ts";
import { readMinutiae, writeMinutiae } from "./minutiae.ts";
import type { CaptureDateTime, Iso2011Record, Iso2011View } from "./records.ts";

/**
 * ISO/IEC 19794-2:2011 ("FMR\0 030\0"), built on the 19794-1:2011 container: a 15-byte general
 * header (4-byte length, number of representations, certification flag), then representations that
 * each start with their own 4-byte length, capture time, equipment, quality and certification
 * blocks, followed by the finger data.
 */
export const ISO_2011_MAGIC = [0x46, 0x4d, 0x52, 0x00, 0x30, 0x33, 0x30, 0x00];
const RULES: ExtensionRules = { lengths: "with-header", points: "iso" };

export function readIso2011(bytes: Uint8Array): Iso2011Record {
  const reader = new ByteReader(bytes, 8);
  const length = reader.u32("record length");
  const declaredLength = checkDeclaredLength(reader, length, bytes.length, 15);
  const count = reader.u16("number of finger representations");
  const certificationFlag = reader.u8("certification flag");
  if (certificationFlag > 1) reader.fail(`certification flag must be 0 or 1, got ${certificationFlag}`, 14);
  const views: Iso2011View[] = [];
  for (let i = 0; i < count; i++) {
    const start = reader.offset;
    const representationLength = reader.u32(`representation ${i} length`);
    if (representationLength < 4)
      reader.fail(`representation ${i} length ${representationLength} is below 4`, start);
    const body = reader.sub(representationLength - 4, `representation ${i}`);
    views.push(readRepresentation(body, i, certificationFlag === 1));
    body.expectEnd(`representation ${i}`);
  }
  reader.expectEnd("the last finger representation");
  const record: Iso2011Record = { format: "iso-19794-2-2011", certificationFlag, views };
  if (declaredLength !== undefined) record.declaredLength = declaredLength;
  return record;
}

function readRepresentation(reader: ByteReader, i: number, hasCertifications: boolean): Iso2011View {
  const captured: CaptureDateTime = {
    year: reader.u16(`representation ${i} capture year`),
    month: reader.u8(`representation ${i} capture month`),
    day: reader.u8(`representation ${i} capture day`),
    hour: reader.u8(`representation ${i} capture hour`),
    minute: reader.u8(`representation ${i} capture minute`),
    second: reader.u8(`representation ${i} capture second`),
    millisecond: reader.u16(`representation ${i} capture millisecond`),
  };
  const captureTechnology = reader.u8(`representation ${i} capture device technology`);
  const equipmentVendorId = reader.u16(`representation ${i} capture device vendor`);
  const equipmentId = reader.u16(`representation ${i} capture device type`);
  const qualities = [];
  for (let q = reader.u8(`representation ${i} number of quality blocks`); q > 0; q--)
    qualities.push({
      quality: reader.u8(`representation ${i} quality score`),
      vendorId: reader.u16(`representation ${i} quality algorithm vendor`),
      algorithmId: reader.u16(`representation ${i} quality algorithm`),
    });
  const certifications = [];
  if (hasCertifications)
    for (let c = reader.u8(`representation ${i} number of certification blocks`); c > 0; c--)
      certifications.push({
        authorityId: reader.u16(`representation ${i} certification authority`),
        schemeId: reader.u8(`representation ${i} certification scheme`),
      });
  const position = reader.u8(`representation ${i} finger position`);
  const viewNumber = reader.u8(`representation ${i} view number`);
  const resolutionX = reader.u16(`representation ${i} horizontal resolution`);
  const resolutionY = reader.u16(`representation ${i} vertical resolution`);
  const impressionType = reader.u8(`representation ${i} impression type`);
  const width = reader.u16(`representation ${i} image width`);
  const height = reader.u16(`representation ${i} image height`);
  const flagsAt = reader.offset;
  const flags = reader.u8(`representation ${i} minutia field length and ridge ending type`);
  const minutiaSize = flags >> 4;
  if (minutiaSize !== 5 && minutiaSize !== 6)
    reader.fail(`representation ${i} minutia field length must be 5 or 6 bytes, got ${minutiaSize}`, flagsAt);
  const minutiae = readMinutiae(
    reader,
    reader.u8(`representation ${i} number of minutiae`),
    minutiaSize === 6,
  );
  const extensions = readExtensionArea(reader, RULES);
  return {
    captured,
    captureTechnology,
    equipmentVendorId,
    equipmentId,
    qualities,
    certifications,
    position,
    viewNumber,
    resolutionX,
    resolutionY,
    impressionType,
    width,
    height,
    minutiaSize,
    ridgeEndingType: flags & 0x0f,
    minutiae,
    extensions,
  };
}

export function writeIso2011(record: Iso2011Record): Uint8Array {
  const writer = new ByteWriter().bytes(Uint8Array.from(ISO_2011_MAGIC));
  writer
    .u32(0, "record length")
    .u16(record.views.length, "number of finger representations")
    .u8(record.certificationFlag, "certification flag");
  if (record.certificationFlag > 1) writer.fail("certification flag must be 0 or 1");
  for (const [i, view] of record.views.entries()) {
    const start = writer.offset;
    writer.u32(0, `representation ${i} length`);
    writeRepresentation(writer, view, i, record.certificationFlag === 1);
    writer.patchU32(start, writer.offset - start, `representation ${i} length`);
  }
  writer.patchU32(8, record.declaredLength ?? writer.offset, "record length");
  return writer.result();
}

function writeRepresentation(
  writer: ByteWriter,
  view: Iso2011View,
  i: number,
  hasCertifications: boolean,
): void {
  const t = view.captured;
  writer
    .u16(t.year, "capture year")
    .u8(t.month, "capture month")
    .u8(t.day, "capture day")
    .u8(t.hour, "capture hour")
    .u8(t.minute, "capture minute")
    .u8(t.second, "capture second")
    .u16(t.millisecond, "capture millisecond")
    .u8(view.captureTechnology, "capture device technology")
    .u16(view.equipmentVendorId, "capture device vendor")
    .u16(view.equipmentId, "capture device type")
    .u8(view.qualities.length, "number of quality blocks");
  for (const q of view.qualities)
    writer
      .u8(q.quality, "quality score")
      .u16(q.vendorId, "quality vendor")
      .u16(q.algorithmId, "quality algorithm");
  if (hasCertifications) {
    writer.u8(view.certifications.length, "number of certification blocks");
    for (const c of view.certifications)
      writer.u16(c.authorityId, "certification authority").u8(c.schemeId, "certification scheme");
  } else if (view.certifications.length > 0)
    writer.fail(`representation ${i} has certifications but the header's certification flag is 0`);
  if (view.ridgeEndingType > 0xf) writer.fail(`representation ${i} ridge ending type must fit 4 bits`);
  writer
    .u8(view.position, "finger position")
    .u8(view.viewNumber, "view number")
    .u16(view.resolutionX, "horizontal resolution")
    .u16(view.resolutionY, "vertical resolution")
    .u8(view.impressionType, "impression type")
    .u16(view.width, "image width")
    .u16(view.height, "image height")
    .u8((view.minutiaSize << 4) | view.ridgeEndingType, "minutia field length and ridge ending type")
    .u8(view.minutiae.length, "number of minutiae");
  writeMinutiae(writer, view.minutiae, view.minutiaSize === 6);
  writeExtensionArea(writer, view.extensions, RULES);
}
