/**
 * The format-neutral view of a minutiae template that the matcher works on. Every reader in this
 * folder produces it; the per-standard records (iso2005.ts, ansi2004.ts, ...) keep every field of
 * the file so that a template can be written back byte for byte.
 */

export type MinutiaType = "ending" | "bifurcation" | "other";

export type Minutia = {
  /** Pixels from the left edge of the image. */
  x: number;
  /** Pixels from the top edge of the image (y grows downwards, as in the standards). */
  y: number;
  /**
   * Direction in radians in [0, 2π), counter-clockwise from the positive x axis, as both families
   * define it; converted from the stored units (ISO: 360/256°, ANSI: 2°).
   */
  angle: number;
  /** The stored angle value, in the units of the file's standard. */
  rawAngle: number;
  type: MinutiaType;
  /** 0..100 (0 = not reported in the 2004/2005 formats; 254/255 have special meanings in 2009/2011). */
  quality: number;
};

export type TemplateFormatId =
  | "iso-19794-2-2005"
  | "iso-19794-2-2011"
  | "ansi-378-2004"
  | "ansi-378-2009"
  | "ansi-378-2009-am1";

export type FingerprintView = {
  /** Finger position code (0 unknown, 1 right thumb ... 10 left little). */
  position: number;
  /** View number of this finger (several impressions of one finger in one template). */
  viewNumber: number;
  /** Impression type code (0 live-scan plain, 1 live-scan rolled, ...). */
  impressionType: number;
  /** View quality 0..100 (the first quality record in the 2009/2011 formats). */
  quality: number;
  /** Image size in pixels. */
  width: number;
  height: number;
  /** Resolution in pixels per centimetre, as both families store it (197 ≈ 500 dpi). */
  resolutionX: number;
  resolutionY: number;
  minutiae: Minutia[];
};

export type FingerprintTemplate = {
  format: TemplateFormatId;
  views: FingerprintView[];
};

/** Every failure to read or write a template; `offset` is the byte where the problem was found. */
export class TemplateFormatError extends Error {
  override readonly name = "TemplateFormatError";
  constructor(
    /** What is wrong, without the offset or format. */
    readonly detail: string,
    readonly offset: number,
    /** The standard the bytes were read as, when known. */
    readonly format?: string,
  ) {
    super(`${format ? `${format} template: ` : ""}${detail} (at byte ${offset})`);
  }

  /** The same error, saying which standard the template was read as. */
  within(format: string): TemplateFormatError {
    return this.format ? this : new TemplateFormatError(this.detail, this.offset, format);
  }
}
