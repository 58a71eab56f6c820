import type { RawMinutia, TemplateRecord } from "./records.ts";
import type { FingerprintTemplate, FingerprintView, Minutia, MinutiaType } from "./types.ts";

/** ISO 19794-2 divides the circle into 256 units (1.40625° each). */
export const ISO_ANGLE_UNITS_PER_CIRCLE = 256;
/** ANSI 378 stores half the angle in degrees: 180 units of 2° each. */
export const ANSI_ANGLE_UNITS_PER_CIRCLE = 180;

export type AngleFamily = "iso" | "ansi";

export function angleFamily(format: TemplateRecord["format"]): AngleFamily {
  return format.startsWith("iso") ? "iso" : "ansi";
}

/**
 * Radians in [0, 2π). ANSI values above 179 are outside the standard but occur (the 2004 golden
 * sample carries ISO-scaled angles); they are taken modulo the circle rather than rejected.
 */
export function angleToRadians(raw: number, family: AngleFamily): number {
  const units = family === "iso" ? ISO_ANGLE_UNITS_PER_CIRCLE : ANSI_ANGLE_UNITS_PER_CIRCLE;
  return ((raw % units) / units) * 2 * Math.PI;
}

/** The nearest stored value for an angle in radians (any real number). */
export function radiansToAngle(radians: number, family: AngleFamily): number {
  const units = family === "iso" ? ISO_ANGLE_UNITS_PER_CIRCLE : ANSI_ANGLE_UNITS_PER_CIRCLE;
  const turns = radians / (2 * Math.PI);
  const value = Math.round((turns - Math.floor(turns)) * units);
  return value % units;
}

const TYPES: Record<number, MinutiaType> = { 0: "other", 1: "ending", 2: "bifurcation" };

function toMinutia(m: RawMinutia, family: AngleFamily): Minutia {
  return {
    x: m.x,
    y: m.y,
    angle: angleToRadians(m.angle, family),
    rawAngle: m.angle,
    type: TYPES[m.typeCode] ?? "other",
    quality: m.quality,
  };
}

/** No view quality recorded (ISO 2011 without a quality block): the "not reported" value of 2009/2011. */
const QUALITY_NOT_REPORTED = 254;

export function toCommonTemplate(record: TemplateRecord): FingerprintTemplate {
  const family = angleFamily(record.format);
  let views: FingerprintView[];
  if (record.format === "iso-19794-2-2005" || record.format === "ansi-378-2004") {
    views = record.views.map((v) => ({
      position: v.position,
      viewNumber: v.viewNumber,
      impressionType: v.impressionType,
      quality: v.quality,
      width: record.width,
      height: record.height,
      resolutionX: record.resolutionX,
      resolutionY: record.resolutionY,
      minutiae: v.minutiae.map((m) => toMinutia(m, family)),
    }));
  } else {
    views = record.views.map((v) => ({
      position: v.position,
      viewNumber: v.viewNumber,
      impressionType: v.impressionType,
      quality: "qualities" in v ? (v.qualities[0]?.quality ?? QUALITY_NOT_REPORTED) : v.quality,
      width: v.width,
      height: v.height,
      resolutionX: v.resolutionX,
      resolutionY: v.resolutionY,
      minutiae: v.minutiae.map((m) => toMinutia(m, family)),
    }));
  }
  return { format: record.format, views };
}
