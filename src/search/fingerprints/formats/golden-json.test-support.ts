/**
 * Maps this module's records onto the JSON shape of the golden samples (the decoded form written by
 * the Java library the samples come from: its field names and enum constant names), so that a test
 * can compare every field at once. Test support only.
 */
import type {
  Ansi2004Record,
  Ansi2009Record,
  CoreDelta,
  ExtensionBlock,
  Iso2005Record,
  Iso2011Record,
  RawMinutia,
  TemplateRecord,
} from "./records.ts";

const FINGERS = [
  "UNKNOWN",
  "RIGHT_THUMB",
  "RIGHT_INDEX",
  "RIGHT_MIDDLE",
  "RIGHT_RING",
  "RIGHT_LITTLE",
  "LEFT_THUMB",
  "LEFT_INDEX",
  "LEFT_MIDDLE",
  "LEFT_RING",
  "LEFT_LITTLE",
];
const SCAN_TYPES: Record<number, string> = {
  0: "LIVE_PLAIN",
  1: "LIVE_ROLLED",
  2: "NONLIVE_PLAIN",
  3: "NONLIVE_ROLLED",
  8: "SWIPE",
};
const COUNT_METHODS = ["CUSTOM", "QUADRANTS", "OCTANTS"];
const ENDING_TYPES = ["VALLEY_SKELETON_BIFURCATION", "RIDGE_SKELETON_ENDPOINT"];
const SENSOR_TYPES = ["UNKNOWN"];

const name = (table: Record<number, string> | string[], code: number) =>
  (table as Record<number, string>)[code] ?? `code ${code}`;

function minutia(m: RawMinutia, ansi2009: boolean) {
  const types = [ansi2009 ? "EITHER" : "OTHER", "ENDING", "BIFURCATION"];
  return {
    type: name(types, m.typeCode),
    positionX: m.x,
    positionY: m.y,
    angle: m.angle,
    quality: m.quality,
  };
}

function coreDelta(value: CoreDelta) {
  return {
    cores: value.cores.map((c) => ({ positionX: c.x, positionY: c.y, angle: c.angles[0] ?? null })),
    deltas: value.deltas.map((d) => ({
      positionX: d.x,
      positionY: d.y,
      angles: d.angles.length ? d.angles : null,
    })),
  };
}

/** counts / coredelta / zones / other extensions, as the library splits the extended data. */
function extensionFields(blocks: ExtensionBlock[], iso: boolean) {
  const counts = blocks.find((b) => b.ridgeCounts);
  const cores = blocks.find((b) => b.coreDelta);
  const zonal = iso ? blocks.find((b) => b.type === 3) : undefined;
  const fields: Record<string, unknown> = {
    counts: counts?.ridgeCounts
      ? { type: name(COUNT_METHODS, counts.ridgeCounts.method), edges: counts.ridgeCounts.edges }
      : null,
    coredelta: cores?.coreDelta ? coreDelta(cores.coreDelta) : null,
  };
  if (iso) fields.zones = zonal ? { undecoded: Buffer.from(zonal.data).toString("base64") } : null;
  fields.extensions = blocks
    .filter((b) => b !== counts && b !== cores && b !== zonal)
    .map((b) => ({ type: b.type, data: Buffer.from(b.data).toString("base64") }));
  return fields;
}

function legacy(record: Iso2005Record | Ansi2004Record) {
  const iso = record.format === "iso-19794-2-2005";
  return {
    ...(iso ? {} : { vendorId: record.vendorId, subformat: record.subformat }),
    sensorCertified: (record.equipmentCompliance & 0x8) !== 0,
    sensorId: record.equipmentId,
    width: record.width,
    height: record.height,
    resolutionX: record.resolutionX,
    resolutionY: record.resolutionY,
    fingerprints: record.views.map((v) => ({
      position: name(FINGERS, v.position),
      view: v.viewNumber,
      scanType: name(SCAN_TYPES, v.impressionType),
      quality: v.quality,
      minutiae: v.minutiae.map((m) => minutia(m, false)),
      ...extensionFields(v.extensions, iso),
    })),
  };
}

function ansi2009(record: Ansi2009Record) {
  return {
    vendorId: record.vendorId,
    subformat: record.subformat,
    sensorCertified: (record.equipmentCompliance & 0x80) !== 0,
    sensorId: record.equipmentId,
    fingerprints: record.views.map((v) => ({
      position: name(FINGERS, v.position),
      view: v.viewNumber,
      scanType: name(SCAN_TYPES, v.impressionType),
      quality: v.quality,
      qualityVendorId: v.qualityVendorId,
      qualityAlgorithmId: v.qualityAlgorithmId,
      width: v.width,
      height: v.height,
      resolutionX: v.resolutionX,
      resolutionY: v.resolutionY,
      minutiae: v.minutiae.map((m) => minutia(m, true)),
      ...extensionFields(v.extensions, false),
    })),
  };
}

function iso2011(record: Iso2011Record) {
  return {
    fingerprints: record.views.map((v) => ({
      datetime: v.captured,
      sensorType: name(SENSOR_TYPES, v.captureTechnology),
      sensorVendor: v.equipmentVendorId,
      sensorId: v.equipmentId,
      qrecords: v.qualities.map((q) => ({
        quality: q.quality,
        vendor: q.vendorId,
        algorithm: q.algorithmId,
      })),
      certificates: v.certifications.map((c) => ({ authority: c.authorityId, scheme: c.schemeId })),
      position: name(FINGERS, v.position),
      view: v.viewNumber,
      resolutionX: v.resolutionX,
      resolutionY: v.resolutionY,
      scanType: name(SCAN_TYPES, v.impressionType),
      width: v.width,
      height: v.height,
      endingType: name(ENDING_TYPES, v.ridgeEndingType),
      minutiae: v.minutiae.map((m) => minutia(m, false)),
      ...extensionFields(v.extensions, true),
    })),
  };
}

export function asGoldenJson(record: TemplateRecord): unknown {
  switch (record.format) {
    case "iso-19794-2-2005":
    case "ansi-378-2004":
      return legacy(record);
    case "ansi-378-2009":
    case "ansi-378-2009-am1":
      return ansi2009(record);
    case "iso-19794-2-2011":
      return iso2011(record);
  }
}
