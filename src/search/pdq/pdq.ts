/**
 * PDQ perceptual hash (Meta, 2019) from decoded pixels. Pure computation: no I/O, no decoder.
 * Pipeline: luminance -> tent-filter downsample to 64x64 -> 16x16 DCT -> median threshold.
 */
import { dct64To16, hashFromDct, pdqQuality } from "./dct.ts";
import { type DihedralVariant, dihedralFromDct } from "./dihedral.ts";
import { downsampleRgbTo64 } from "./downsample.ts";
import { formatPdqHex, type PdqHash } from "./hash.ts";

export interface PdqResult {
  /** 32 bytes in reference hex order. */
  hash: PdqHash;
  /** 64 lowercase hex digits, as the reference prints it. */
  hex: string;
  /** 0..100; below 50 the hash should not be used for matching. */
  quality: number;
}

export interface PdqDihedralResult {
  quality: number;
  /** The hash of each of the eight rotations/reflections of the image. */
  hashes: Record<DihedralVariant, PdqHash>;
}

/** Checks the raw pixel buffer's shape before any work; a mismatch is a caller bug, not bad data. */
function checkPixels(pixels: Uint8Array, width: number, height: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`PDQ needs a positive integer width and height (got ${width}x${height}).`);
  }
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw new RangeError(`PDQ needs 1 to 4 channels per pixel (got ${channels}).`);
  }
  if (pixels.length !== width * height * channels) {
    throw new RangeError(`Pixel buffer has ${pixels.length} bytes, expected ${width}x${height}x${channels}.`);
  }
}

/** The 64x64 filtered luminance image and its 16x16 DCT: shared by the plain and dihedral hashes. */
function analyse(pixels: Uint8Array, width: number, height: number, channels: number) {
  checkPixels(pixels, width, height, channels);
  const small = downsampleRgbTo64(pixels, width, height, channels);
  return { quality: pdqQuality(small), dct: dct64To16(small) };
}

/**
 * PDQ hash of interleaved 8-bit pixels (RGB, RGBA, grey or grey+alpha; alpha is ignored as in the
 * reference). Use decode.ts to get pixels from an image file.
 */
export function pdqFromRgb(pixels: Uint8Array, width: number, height: number, channels = 3): PdqResult {
  const { quality, dct } = analyse(pixels, width, height, channels);
  const hash = hashFromDct(dct);
  return { hash, hex: formatPdqHex(hash), quality };
}

/**
 * The hashes of all eight dihedral transforms from one pass over the pixels: the DCT of a rotated or
 * mirrored image is a signed transpose of the original DCT, so no second downsample is needed.
 */
export function pdqDihedralFromRgb(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels = 3,
): PdqDihedralResult {
  const { quality, dct } = analyse(pixels, width, height, channels);
  const variants = dihedralFromDct(dct);
  const hashes = {} as Record<DihedralVariant, PdqHash>;
  for (const [name, coefficients] of Object.entries(variants) as [DihedralVariant, Float32Array][]) {
    hashes[name] = hashFromDct(coefficients);
  }
  return { quality, hashes };
}
