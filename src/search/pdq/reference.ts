/**
 * The previous, direct form of PDQ's image-domain steps: a full luminance image, four full box
 * passes (rows, columns, rows, columns) one running sum at a time, then decimation. Not used for
 * hashing and not exported by index.ts. It is the oracle the fast path in downsample.ts is tested
 * against, bit for bit on many shapes, and the baseline the benchmark measures it against.
 */
import { dct64To16, hashFromDct, pdqQuality } from "./dct.ts";
import { formatPdqHex } from "./hash.ts";
import type { PdqResult } from "./pdq.ts";

const f32 = Math.fround;
const PDQ_DOWNSAMPLE = 64;
const LUMA_R = f32(0.299);
const LUMA_G = f32(0.587);
const LUMA_B = f32(0.114);

function lumaOf(r: number, g: number, b: number): number {
  return f32(f32(f32(LUMA_R * r) + f32(LUMA_G * g)) + f32(LUMA_B * b));
}

function referenceLuma(pixels: Uint8Array, width: number, height: number, channels: number): Float32Array {
  const n = width * height;
  const luma = new Float32Array(n);
  for (let p = 0, o = 0; p < n; p++, o += channels) {
    const r = pixels[o] as number;
    luma[p] = channels < 3 ? lumaOf(r, r, r) : lumaOf(r, pixels[o + 1] as number, pixels[o + 2] as number);
  }
  return luma;
}

// Self-contained on purpose (no helper shared with downsample.ts), so that a slip in a shared helper
// cannot make both sides agree.
function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

function boxPhases(length: number, window: number) {
  const half = Math.floor((window + 2) / 2);
  return { fill: half - 1, grow: window - half + 1, slide: length - window, shrink: half - 1 };
}

/** One box pass along each row of a rows x cols image, one row (one running sum) at a time. */
function boxRows(src: Float32Array, dst: Float32Array, rows: number, cols: number, window: number): void {
  const { fill, grow, slide, shrink } = boxPhases(cols, window);
  for (let r = 0; r < rows; r++) {
    let li = r * cols;
    let ri = li;
    let oi = li;
    let sum = 0;
    let size = 0;
    for (let i = 0; i < fill; i++, size++) sum = f32(sum + (src[ri++] as number));
    for (let i = 0; i < grow; i++) {
      sum = f32(sum + (src[ri++] as number));
      dst[oi++] = sum / ++size;
    }
    for (let i = 0; i < slide; i++) {
      sum = f32(f32(sum + (src[ri++] as number)) - (src[li++] as number));
      dst[oi++] = sum / size;
    }
    for (let i = 0; i < shrink; i++) {
      sum = f32(sum - (src[li++] as number));
      dst[oi++] = sum / --size;
    }
  }
}

/** One box pass down each column, swept row by row with one running sum per column. */
function boxCols(src: Float32Array, dst: Float32Array, rows: number, cols: number, window: number): void {
  const { fill, grow, slide, shrink } = boxPhases(rows, window);
  const sums = new Float32Array(cols);
  let li = 0;
  let ri = 0;
  let oi = 0;
  let size = 0;
  for (let i = 0; i < fill; i++, size++, ri += cols) {
    for (let j = 0; j < cols; j++) sums[j] = (sums[j] as number) + (src[ri + j] as number);
  }
  for (let i = 0; i < grow; i++, ri += cols, oi += cols) {
    size++;
    for (let j = 0; j < cols; j++) {
      sums[j] = (sums[j] as number) + (src[ri + j] as number);
      dst[oi + j] = (sums[j] as number) / size;
    }
  }
  for (let i = 0; i < slide; i++, li += cols, ri += cols, oi += cols) {
    for (let j = 0; j < cols; j++) {
      sums[j] = f32((sums[j] as number) + (src[ri + j] as number)) - (src[li + j] as number);
      dst[oi + j] = (sums[j] as number) / size;
    }
  }
  for (let i = 0; i < shrink; i++, li += cols, oi += cols) {
    size--;
    for (let j = 0; j < cols; j++) {
      sums[j] = (sums[j] as number) - (src[li + j] as number);
      dst[oi + j] = (sums[j] as number) / size;
    }
  }
}

/** Pixels -> 64x64, the direct way. */
export function referenceDownsample(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  const a = referenceLuma(pixels, width, height, channels);
  const tmp = new Float32Array(a.length);
  const windowAlongRows = jaroszWindowSize(width, PDQ_DOWNSAMPLE);
  const windowAlongCols = jaroszWindowSize(height, PDQ_DOWNSAMPLE);
  for (let pass = 0; pass < 2; pass++) {
    boxRows(a, tmp, height, width, windowAlongRows);
    boxCols(tmp, a, height, width, windowAlongCols);
  }
  const out = new Float32Array(PDQ_DOWNSAMPLE * PDQ_DOWNSAMPLE);
  for (let i = 0; i < PDQ_DOWNSAMPLE; i++) {
    const ini = Math.floor(((i + 0.5) * height) / PDQ_DOWNSAMPLE);
    for (let j = 0; j < PDQ_DOWNSAMPLE; j++) {
      const inj = Math.floor(((j + 0.5) * width) / PDQ_DOWNSAMPLE);
      out[i * PDQ_DOWNSAMPLE + j] = a[ini * width + inj] as number;
    }
  }
  return out;
}

/** The whole hash with the direct image-domain steps (no input checks: for tests and benchmarks). */
export function referencePdqFromRgb(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels = 3,
): PdqResult {
  const small = referenceDownsample(pixels, width, height, channels);
  const hash = hashFromDct(dct64To16(small));
  return { hash, hex: formatPdqHex(hash), quality: pdqQuality(small) };
}
