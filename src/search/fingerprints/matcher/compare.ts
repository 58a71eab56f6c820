import type { FingerprintTemplate, FingerprintView } from "../formats/index.ts";
import { buildCylinders, type CylinderTemplate, type MinutiaPoint } from "./cylinders.ts";
import { MCC_500_DPI, type MccParams } from "./params.ts";
import { consolidateLssR, localSimilarities } from "./similarity.ts";

/** Pixels per centimetre to dots per inch (ISO and ANSI store the former). */
export const dpiFromPixelsPerCm = (ppcm: number) => ppcm * 2.54;

/**
 * Prepares minutiae for matching (builds the cylinders once). `angle` is in radians in the same
 * frame as x and y. Coordinates are rescaled to 500 dpi so that the published parameters apply
 * and templates of different resolutions compare (the relaxation compares distances across the
 * two templates, so scaling the parameters alone would not do).
 */
export function prepareMinutiae(
  minutiae: ReadonlyArray<MinutiaPoint>,
  dpi = 500,
  params: MccParams = MCC_500_DPI,
): CylinderTemplate {
  const k = dpi > 0 ? 500 / dpi : 1;
  const scaled = k === 1 ? minutiae : minutiae.map((m) => ({ x: m.x * k, y: m.y * k, angle: m.angle }));
  return buildCylinders(scaled, params);
}

/**
 * The matcher's minutiae for one view of a decoded template. The standards measure angles
 * counter-clockwise as seen on the image, whose y axis points down; in the x/y frame of the
 * coordinates that is a clockwise angle, so the sign flips. (It matters: cylinders are built in the
 * minutia's own frame, which must turn with the finger.)
 */
export function viewMinutiae(view: FingerprintView): MinutiaPoint[] {
  return view.minutiae.map((m) => ({ x: m.x, y: m.y, angle: -m.angle }));
}

/**
 * Prepares one view (default the first) of a decoded template. The resolution comes from the
 * header, except that a header saying 0 means 500 dpi.
 */
export function prepareTemplate(
  template: FingerprintTemplate,
  viewIndex = 0,
  base?: MccParams,
): CylinderTemplate {
  const view = template.views[viewIndex];
  if (!view) return prepareMinutiae([], 500, base);
  const ppcm = view.resolutionX > 0 ? view.resolutionX : 197;
  return prepareMinutiae(viewMinutiae(view), dpiFromPixelsPerCm(ppcm), base);
}

/** Scratch buffer reused across comparisons (the local similarity matrix). */
let scratch = new Float32Array(64 * 64);

/**
 * MCC similarity of two prepared templates in [0, 1] (bit cylinders, LSS-R). Nearly symmetric (tie
 * breaks and the nP rule follow the pairs chosen). Impressions rotated by more than deltaTheta (90°)
 * against each other do not match, by design: live-scan fingers are placed roughly upright.
 */
export function compareTemplates(a: CylinderTemplate, b: CylinderTemplate): number {
  if (a.count === 0 || b.count === 0) return 0;
  if (scratch.length < a.count * b.count) scratch = new Float32Array(a.count * b.count * 2);
  const matrix = localSimilarities(a, b, scratch);
  return consolidateLssR(a, b, matrix);
}
