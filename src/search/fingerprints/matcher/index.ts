/**
 * Fingerprint minutiae matching: Minutia Cylinder-Code (bit cylinders, LSS-R) for 1:1, and an
 * in-memory gallery (cylinder hashing + re-scoring) for 1:N. Design note: docs/fingerprint-matching.md.
 */
export {
  compareTemplates,
  dpiFromPixelsPerCm,
  prepareMinutiae,
  prepareTemplate,
  viewMinutiae,
} from "./compare.ts";
export type { CylinderTemplate, MinutiaPoint } from "./cylinders.ts";
export {
  type Candidate,
  DEFAULT_GALLERY_OPTIONS,
  FingerprintGallery,
  type GalleryEntry,
  type GalleryOptions,
} from "./gallery.ts";
export { MCC_500_DPI, type MccParams, mccParamsFor } from "./params.ts";
export { AUTOMATIC_HIT_SCORE } from "./threshold.ts";
