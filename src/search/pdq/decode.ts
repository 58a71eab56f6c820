/**
 * Image bytes -> 8-bit pixels for PDQ, with sharp (libvips + libjpeg-turbo family decoder, which
 * decodes the reference JPEGs exactly as the reference tools do).
 *
 * Choices that keep hashes equal to the reference: no EXIF auto-rotation (the reference hashes the
 * stored pixels), embedded ICC profiles ignored (the reference decoders do not apply them; applying
 * a Display P3 profile moved pen-and-coaster.png by 2 bits), alpha dropped rather than flattened,
 * 16-bit samples reduced to 8 bits.
 */
import sharp from "sharp";
import { type PdqDihedralResult, type PdqResult, pdqDihedralFromRgb, pdqFromRgb } from "./pdq.ts";

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const DEFAULT_MAX_PIXELS = 50_000_000;

/** The input is not an image we can decode: unknown format, corrupt, truncated, empty or too large. */
export class ImageDecodeError extends Error {
  override readonly name = "ImageDecodeError";
}

export interface DecodedImage {
  /** Interleaved 8-bit samples, `channels` per pixel, row-major. */
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

export interface DecodeOptions {
  maxPixels?: number;
}

/** Turns sharp/libvips messages into a sentence a content analyst can act on. */
function describe(err: unknown, maxPixels: number): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(msg)) return `Image is larger than the ${maxPixels / 1_000_000} megapixel limit.`;
  if (/unsupported image format/i.test(msg)) return "Not a supported image (unknown or unrecognised format).";
  if (/premature end|truncated|end of file|unexpected end/i.test(msg)) return "Image file is truncated.";
  return `Image could not be decoded (corrupt or unsupported): ${msg.split("\n")[0]}`;
}

/** Decodes an image file to sRGB 8-bit pixels (alpha removed). Throws ImageDecodeError. */
export async function decodeImage(input: Uint8Array, options: DecodeOptions = {}): Promise<DecodedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(input instanceof Uint8Array) || input.length === 0) throw new ImageDecodeError("Image is empty.");
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: maxPixels,
      failOn: "error",
      ignoreIcc: true,
    })
      .removeAlpha()
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return { pixels, width: info.width, height: info.height, channels: info.channels };
  } catch (err) {
    throw new ImageDecodeError(describe(err, maxPixels), { cause: err });
  }
}

/** Decode + PDQ hash in one call. */
export async function pdqFromImage(input: Uint8Array, options?: DecodeOptions): Promise<PdqResult> {
  const img = await decodeImage(input, options);
  return pdqFromRgb(img.pixels, img.width, img.height, img.channels);
}

/** Decode + the eight dihedral PDQ hashes in one call. */
export async function pdqDihedralFromImage(
  input: Uint8Array,
  options?: DecodeOptions,
): Promise<PdqDihedralResult> {
  const img = await decodeImage(input, options);
  return pdqDihedralFromRgb(img.pixels, img.width, img.height, img.channels);
}
