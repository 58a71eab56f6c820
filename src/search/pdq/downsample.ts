/**
 * Image-domain steps of PDQ: RGB -> luminance, Jarosz tent filter, decimation to 64x64.
 *
 * The reference implementations (C++, Java, Rust) compute in 32-bit floats. Bits near the median
 * flip if we round differently, so every arithmetic step is rounded with Math.fround (or by storing
 * into a Float32Array). For + - * / on float operands, computing in double and rounding once to
 * float gives exactly the IEEE single-precision result, so this reproduces the references bit for bit.
 */
const f32 = Math.fround;

// PDQ's luminance coefficients (ITU-R BT.601), as 32-bit floats like the reference.
const LUMA_R = f32(0.299);
const LUMA_G = f32(0.587);
const LUMA_B = f32(0.114);

/** PDQ downsamples to 64x64 before the DCT. */
export const PDQ_DOWNSAMPLE = 64;
// The reference applies the box filter twice per axis: two box passes make a tent (Jarosz) filter.
const JAROSZ_PASSES = 2;

/**
 * Luminance of each pixel. 1-channel (grey) input is treated as R=G=B, which is what the reference
 * decoders hand PDQ for grey images; a 2nd/4th channel (alpha) is ignored, as the reference does.
 */
export function lumaFromPixels(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  const n = width * height;
  const luma = new Float32Array(n);
  if (channels < 3) {
    for (let p = 0, o = 0; p < n; p++, o += channels) {
      const grey = pixels[o] as number;
      luma[p] = lumaOf(grey, grey, grey);
    }
  } else {
    for (let p = 0, o = 0; p < n; p++, o += channels) {
      luma[p] = lumaOf(pixels[o] as number, pixels[o + 1] as number, pixels[o + 2] as number);
    }
  }
  return luma;
}

function lumaOf(r: number, g: number, b: number): number {
  return f32(f32(f32(LUMA_R * r) + f32(LUMA_G * g)) + f32(LUMA_B * b));
}

/**
 * Window size of one box pass so that two passes cover about one output cell:
 * ceil(old / (2 * new)), written with integer arithmetic exactly as the reference computes it.
 */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * The reference's box filter has four phases along a vector of `length` samples: fill the first
 * half window without output, then output while the window grows, slide at full size, and shrink
 * at the far edge. Near the edges the mean is over the samples actually present.
 */
function boxPhases(length: number, window: number) {
  const half = Math.floor((window + 2) / 2);
  return { fill: half - 1, grow: window - half + 1, slide: length - window, shrink: half - 1 };
}

/** One box pass along each row of a rows x cols image. */
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

/**
 * One box pass down each column. Same arithmetic, per column, as the reference's strided loop, but
 * swept row by row with one running sum per column so memory is read sequentially (the strided
 * version was cache-bound on large images). Storing into a Float32Array rounds like a float sum.
 */
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

/** Tent filter in place on `a` (rows x cols), using `tmp` as scratch of the same size. */
function jaroszFilter(a: Float32Array, tmp: Float32Array, rows: number, cols: number): void {
  const windowAlongRows = jaroszWindowSize(cols, PDQ_DOWNSAMPLE);
  const windowAlongCols = jaroszWindowSize(rows, PDQ_DOWNSAMPLE);
  for (let pass = 0; pass < JAROSZ_PASSES; pass++) {
    boxRows(a, tmp, rows, cols, windowAlongRows);
    boxCols(tmp, a, rows, cols, windowAlongCols);
  }
}

/** Samples the filtered image at the centre of each of the 64x64 output cells. */
function decimate(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(PDQ_DOWNSAMPLE * PDQ_DOWNSAMPLE);
  for (let i = 0; i < PDQ_DOWNSAMPLE; i++) {
    const ini = Math.floor(((i + 0.5) * rows) / PDQ_DOWNSAMPLE);
    for (let j = 0; j < PDQ_DOWNSAMPLE; j++) {
      const inj = Math.floor(((j + 0.5) * cols) / PDQ_DOWNSAMPLE);
      out[i * PDQ_DOWNSAMPLE + j] = a[ini * cols + inj] as number;
    }
  }
  return out;
}

/** Luminance image (consumed: filtered in place) -> 64x64 row-major Float32Array. */
export function downsampleTo64(luma: Float32Array, width: number, height: number): Float32Array {
  const tmp = new Float32Array(luma.length);
  jaroszFilter(luma, tmp, height, width);
  return decimate(luma, height, width);
}
