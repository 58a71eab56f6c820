/**
 * RGB -> luminance, the first step of PDQ, in 32-bit float arithmetic like the reference (see
 * downsample.ts). Y = 0.299 R + 0.587 G + 0.114 B with float coefficients, summed R + G first.
 */
const f32 = Math.fround;

// PDQ's luminance coefficients (ITU-R BT.601), as 32-bit floats like the reference.
const LUMA_R = f32(0.299);
const LUMA_G = f32(0.587);
const LUMA_B = f32(0.114);

/** f32(coefficient * v) for each 8-bit v, once: the float products the reference computes per pixel. */
function productTable(coefficient: number): Float64Array {
  return Float64Array.from({ length: 256 }, (_, v) => f32(coefficient * v));
}
const TIMES_R = productTable(LUMA_R);
const TIMES_G = productTable(LUMA_G);
const TIMES_B = productTable(LUMA_B);

/** Luminance of one pixel, summed in the reference's order (R + G first, then B). */
export function lumaOf(r: number, g: number, b: number): number {
  return f32(f32((TIMES_R[r] as number) + (TIMES_G[g] as number)) + (TIMES_B[b] as number));
}
/** A grey sample v is hashed as R = G = B = v: 256 possible values. */
const GREY_LUMA = Float64Array.from({ length: 256 }, (_, v) => lumaOf(v, v, v));

/**
 * Luminance of `count` pixels starting at pixel `first`, into `out` from index 0. 1-channel (grey)
 * input is treated as R=G=B, which is what the reference decoders hand PDQ for grey images; a 2nd/4th
 * channel (alpha) is ignored, as the reference does.
 */
export function lumaRun(
  pixels: Uint8Array,
  channels: number,
  first: number,
  count: number,
  out: Float32Array,
): void {
  const done = channels === 3 ? lumaRgbWords(pixels, first, count, out) : 0;
  let o = (first + done) * channels;
  if (channels < 3) {
    for (let p = done; p < count; p++, o += channels) out[p] = GREY_LUMA[pixels[o] as number] as number;
    return;
  }
  for (let p = done; p < count; p++, o += channels) {
    const rg = f32((TIMES_R[pixels[o] as number] as number) + (TIMES_G[pixels[o + 1] as number] as number));
    out[p] = rg + (TIMES_B[pixels[o + 2] as number] as number); // the Float32Array store rounds
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The RGB case of lumaRun four pixels (three 32-bit words) at a time: a quarter of the loads of the
 * byte loop, which made luminance the slowest step. Needs a little-endian machine and 4-byte aligned
 * input; returns how many pixels it did (a multiple of 4, or 0), the byte loop does the rest.
 */
function lumaRgbWords(pixels: Uint8Array, first: number, count: number, out: Float32Array): number {
  const start = pixels.byteOffset + first * 3;
  if (!LITTLE_ENDIAN || start % 4 !== 0) return 0;
  const whole = count - (count % 4);
  const words = new Uint32Array(pixels.buffer, start, (whole / 4) * 3);
  // Little-endian words: w0 = R0 G0 B0 R1, w1 = G1 B1 R2 G2, w2 = B2 R3 G3 B3 (low byte first).
  for (let p = 0, w = 0; p < whole; p += 4, w += 3) {
    const w0 = words[w] as number;
    const w1 = words[w + 1] as number;
    const w2 = words[w + 2] as number;
    out[p] = luma3(w0 & 255, (w0 >>> 8) & 255, (w0 >>> 16) & 255);
    out[p + 1] = luma3(w0 >>> 24, w1 & 255, (w1 >>> 8) & 255);
    out[p + 2] = luma3((w1 >>> 16) & 255, w1 >>> 24, w2 & 255);
    out[p + 3] = luma3((w2 >>> 8) & 255, (w2 >>> 16) & 255, w2 >>> 24);
  }
  return whole;
}

/** lumaOf without the final rounding, for callers that store into a Float32Array (which rounds). */
function luma3(r: number, g: number, b: number): number {
  return f32((TIMES_R[r] as number) + (TIMES_G[g] as number)) + (TIMES_B[b] as number);
}

/** Luminance of each pixel as a width x height Float32Array (see lumaRun for the channel rules). */
export function lumaFromPixels(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  const luma = new Float32Array(width * height);
  lumaRun(pixels, channels, 0, width * height, luma);
  return luma;
}
