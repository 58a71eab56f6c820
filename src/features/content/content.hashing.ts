import { ImageDecodeError, md5Hex, pdqFromImage, sha256Hex } from "../../search/pdq/index.ts";
import { AppError } from "../../shared/errors.ts";

/** What the CLI and the match endpoint compute for an image: PDQ plus the exact file digests. */
export type ImageHashes = { pdq: string; quality: number; md5: string; sha256: string };

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Hashes an image file. A file sharp cannot decode (not an image, truncated, corrupt, too large)
 * becomes an `unprocessable` AppError with the decoder's plain-language reason.
 */
export async function hashImage(bytes: Uint8Array): Promise<ImageHashes> {
  try {
    const r = await pdqFromImage(bytes, { maxPixels: MAX_IMAGE_PIXELS });
    return { pdq: r.hex, quality: r.quality, md5: md5Hex(bytes), sha256: sha256Hex(bytes) };
  } catch (e) {
    if (e instanceof ImageDecodeError) throw new AppError("unprocessable", e.message);
    throw e;
  }
}
