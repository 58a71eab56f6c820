/**
 * Photo bytes -> RGB pixels for face detection, with sharp. The size is read from the header first,
 * so a decompression bomb is refused before any pixel is decompressed (the header read has no limit); EXIF orientation is applied
 * (a phone photo stored sideways hides its face from an upright detector); large photos are scaled
 * down, because the detectors work on a few hundred pixels and the aligned crops on 112-160.
 */
import sharp from "sharp";
import { ImageTooLargeError, UndecodableImageError } from "./errors.ts";

/** Photos above this many pixels are refused (a 40 MP photo is larger than any enrolment camera's). */
export const DEFAULT_MAX_PIXELS = 40_000_000;
/** Longest side after scaling down: face crops of an ID or booking photo stay far above 160 px. */
export const WORKING_SIDE = 1600;

export type RgbImage = { pixels: Uint8Array; width: number; height: number };
/** The working image and its scale: working pixels per stored pixel (1 unless scaled down). */
export type DecodedPhoto = { image: RgbImage; scale: number };

export async function decodePhoto(bytes: Uint8Array, maxPixels = DEFAULT_MAX_PIXELS): Promise<DecodedPhoto> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new UndecodableImageError("it is empty");
  let width: number | undefined;
  let height: number | undefined;
  let orientation: number | undefined;
  try {
    ({ width, height, orientation } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch (err) {
    throw new UndecodableImageError(firstLine(err));
  }
  if (!width || !height) throw new UndecodableImageError("it has no pixel size");
  if (width * height > maxPixels) throw new ImageTooLargeError(width, height, maxPixels);
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: "error" })
      .rotate()
      .resize({ width: WORKING_SIDE, height: WORKING_SIDE, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    // EXIF orientations 5-8 turn the photo a quarter: its stored width becomes the height.
    const storedWidth = orientation !== undefined && orientation >= 5 ? height : width;
    return { image: { pixels, width: info.width, height: info.height }, scale: info.width / storedWidth };
  } catch (err) {
    throw new UndecodableImageError(firstLine(err));
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "unknown error";
}
