import { type AngleFamily, angleFamily, toCommonTemplate } from "./common.ts";
import {
  CORE_DELTA_BLOCK,
  encodeCoreDelta,
  encodeRidgeCounts,
  RIDGE_COUNT_BLOCK,
  type SingularPointEncoding,
} from "./extensions.ts";
import type {
  CoreDelta,
  ExtensionBlock,
  Iso2011View,
  RawMinutia,
  RidgeCounts,
  TemplateRecord,
} from "./records.ts";
import type { TemplateFormatId } from "./types.ts";

/** A record cannot be expressed in the target format (not a damaged template: see TemplateFormatError). */
export class TemplateConversionError extends Error {
  override readonly name = "TemplateConversionError";
}

export type ConversionOptions = {
  /** ANSI headers name a CBEFF product owner and type; ISO has none. Default 0 (not given). */
  vendorId?: number;
  subformat?: number;
};

export type Conversion = {
  record: TemplateRecord;
  /** What could not be carried over (vendor-defined or zonal-quality blocks, whose meaning is format-specific). */
  dropped: string[];
};

/** What every format can say about one finger view, angles already in the target's units. */
type NeutralView = {
  position: number;
  viewNumber: number;
  impressionType: number;
  /** 0..100, or undefined when the source gives none. */
  quality: number | undefined;
  qualityVendorId: number;
  qualityAlgorithmId: number;
  width: number;
  height: number;
  resolutionX: number;
  resolutionY: number;
  minutiae: RawMinutia[];
  ridgeCounts?: RidgeCounts;
  coreDelta?: CoreDelta;
};

export function convertAngle(raw: number, from: AngleFamily, to: AngleFamily): number {
  if (from === to) return raw;
  const fromUnits = from === "iso" ? 256 : 180;
  const toUnits = to === "iso" ? 256 : 180;
  return Math.round(((raw % fromUnits) * toUnits) / fromUnits) % toUnits;
}

/**
 * Converts between any two of the five formats: same minutiae, angles rescaled between ISO's 256
 * and ANSI's 180 units per circle, ridge counts and cores/deltas re-encoded. Minutia quality "not
 * reported" is 0 in the 2004/2005 editions and 254 in 2009/2011, and is mapped accordingly.
 */
export function convertRecord(
  record: TemplateRecord,
  target: TemplateFormatId,
  options: ConversionOptions = {},
): Conversion {
  const dropped: string[] = [];
  const from = angleFamily(record.format);
  const to = angleFamily(target);
  const legacySource = record.format === "iso-19794-2-2005" || record.format === "ansi-378-2004";
  const legacyTarget = target === "iso-19794-2-2005" || target === "ansi-378-2004";
  const common = toCommonTemplate(record);
  const views: NeutralView[] = record.views.map((view, i) => {
    const geometry = common.views[i];
    const iso2011 = "qualities" in view ? (view as Iso2011View) : undefined;
    const firstQuality = iso2011?.qualities[0];
    const quality = iso2011 ? firstQuality?.quality : (view as { quality: number }).quality;
    const neutral: NeutralView = {
      position: view.position,
      viewNumber: view.viewNumber,
      impressionType: view.impressionType,
      quality: quality === 254 || quality === 255 ? undefined : quality,
      qualityVendorId: firstQuality?.vendorId ?? ("qualityVendorId" in view ? view.qualityVendorId : 0),
      qualityAlgorithmId:
        firstQuality?.algorithmId ?? ("qualityAlgorithmId" in view ? view.qualityAlgorithmId : 0),
      width: geometry?.width ?? 0,
      height: geometry?.height ?? 0,
      resolutionX: geometry?.resolutionX ?? 0,
      resolutionY: geometry?.resolutionY ?? 0,
      minutiae: view.minutiae.map((m) => ({
        ...m,
        angle: convertAngle(m.angle, from, to),
        quality: convertMinutiaQuality(m.quality, legacySource, legacyTarget),
      })),
    };
    for (const block of view.extensions) {
      if (block.type === RIDGE_COUNT_BLOCK && block.ridgeCounts && !neutral.ridgeCounts)
        neutral.ridgeCounts = block.ridgeCounts;
      else if (block.type === CORE_DELTA_BLOCK && block.coreDelta && !neutral.coreDelta)
        neutral.coreDelta = convertCoreDelta(block.coreDelta, from, to);
      else dropped.push(`view ${i}: extended data block type 0x${block.type.toString(16).padStart(4, "0")}`);
    }
    return neutral;
  });
  return { record: build(views, target, options), dropped };
}

function convertMinutiaQuality(quality: number, legacySource: boolean, legacyTarget: boolean): number {
  if (legacySource === legacyTarget) return quality;
  if (legacyTarget) return quality > 100 ? 0 : quality;
  return quality === 0 ? 254 : quality;
}

function convertCoreDelta(value: CoreDelta, from: AngleFamily, to: AngleFamily): CoreDelta {
  const points = (list: CoreDelta["cores"]) =>
    list.map((p) => ({
      x: p.x,
      y: p.y,
      angles: p.angles.map((a) => convertAngle(a, from, to)),
      infoBits: to === "iso" ? (p.angles.length > 0 ? 1 : 0) : 0,
    }));
  const cores = points(value.cores);
  const deltas = points(value.deltas);
  if (to === "iso") return { cores, deltas, coreFlags: 0, deltaFlags: 0 };
  // ANSI flags angles once per list, so a list must have angles on every point or on none.
  const flag = (list: CoreDelta["cores"], what: string) => {
    const withAngles = list.filter((p) => p.angles.length > 0).length;
    if (withAngles > 0 && withAngles < list.length)
      throw new TemplateConversionError(`ANSI stores angles for all ${what} or for none`);
    return withAngles > 0 ? 0x40 : 0;
  };
  return { cores, deltas, coreFlags: flag(cores, "cores"), deltaFlags: flag(deltas, "deltas") };
}

function blocks(view: NeutralView, points: SingularPointEncoding): ExtensionBlock[] {
  const result: ExtensionBlock[] = [];
  if (view.ridgeCounts)
    result.push({
      type: RIDGE_COUNT_BLOCK,
      data: encodeRidgeCounts(view.ridgeCounts),
      ridgeCounts: view.ridgeCounts,
    });
  if (view.coreDelta)
    result.push({
      type: CORE_DELTA_BLOCK,
      data: encodeCoreDelta(view.coreDelta, points),
      coreDelta: view.coreDelta,
    });
  return result;
}

function build(views: NeutralView[], target: TemplateFormatId, options: ConversionOptions): TemplateRecord {
  const points: SingularPointEncoding = angleFamily(target);
  if (target === "iso-19794-2-2005" || target === "ansi-378-2004") {
    const first = views[0];
    const size = (v: NeutralView) => `${v.width}x${v.height}@${v.resolutionX}x${v.resolutionY}`;
    if (first && views.some((v) => size(v) !== size(first)))
      throw new TemplateConversionError(
        `${target} has one image size and resolution for all views; these differ`,
      );
    const header = {
      version: " 20" as const,
      equipmentCompliance: 0,
      equipmentId: 0,
      width: first?.width ?? 0,
      height: first?.height ?? 0,
      resolutionX: first?.resolutionX ?? 0,
      resolutionY: first?.resolutionY ?? 0,
      reserved: 0,
      views: views.map((v) => ({
        position: v.position,
        viewNumber: v.viewNumber,
        impressionType: v.impressionType,
        quality: v.quality ?? 0,
        minutiae: v.minutiae,
        extensions: blocks(v, points),
      })),
    };
    if (target === "iso-19794-2-2005") return { format: target, ...header };
    return {
      format: target,
      vendorId: options.vendorId ?? 0,
      subformat: options.subformat ?? 0,
      longLength: false,
      ...header,
    };
  }
  if (target === "iso-19794-2-2011")
    return {
      format: target,
      certificationFlag: 0,
      views: views.map((v) => ({
        captured: {
          year: 0xffff,
          month: 0xff,
          day: 0xff,
          hour: 0xff,
          minute: 0xff,
          second: 0xff,
          millisecond: 0xffff,
        },
        captureTechnology: 0,
        equipmentVendorId: 0,
        equipmentId: 0,
        qualities:
          v.quality === undefined
            ? []
            : [{ quality: v.quality, vendorId: v.qualityVendorId, algorithmId: v.qualityAlgorithmId }],
        certifications: [],
        position: v.position,
        viewNumber: v.viewNumber,
        resolutionX: v.resolutionX,
        resolutionY: v.resolutionY,
        impressionType: v.impressionType,
        width: v.width,
        height: v.height,
        minutiaSize: 6,
        ridgeEndingType: 0,
        minutiae: v.minutiae,
        extensions: blocks(v, points),
      })),
    };
  return {
    format: target,
    vendorId: options.vendorId ?? 0,
    subformat: options.subformat ?? 0,
    equipmentCompliance: 0,
    equipmentId: 0,
    reserved: 0,
    views: views.map((v) => ({
      position: v.position,
      viewNumber: v.viewNumber,
      impressionType: v.impressionType,
      quality: v.quality ?? 254,
      qualityVendorId: v.qualityVendorId,
      qualityAlgorithmId: v.qualityAlgorithmId,
      width: v.width,
      height: v.height,
      resolutionX: v.resolutionX,
      resolutionY: v.resolutionY,
      minutiae: v.minutiae,
      extensions: blocks(v, points),
    })),
  };
}
