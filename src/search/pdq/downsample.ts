/**
 * Image-domain steps of PDQ: RGB -> luminance, Jarosz tent filter, decimation to 64x64.
 *
 * The reference implementations (C++, Java, Rust) compute in 32-bit floats. Bits near the median
 * flip if we round differently, so every arithmetic step is rounded with Math.fround (or by storing
 * into a Float32Array). For + - * / on float operands, computing in double and rounding once to
 * float gives exactly the IEEE single-precision result, so this reproduces the references bit for bit.
 *
 * The reference filters the whole luminance image four times (rows, columns, rows, columns), then
 * samples 64x64 cell centres. This computes the same sums in the same order, but:
 * - it streams: luminance and the first row pass run on blocks of ROW_BLOCK rows into a ring just deep
 *   enough for the column pass, whose output rows go straight to the second row pass. No whole-image
 *   float buffer is allocated (on a 1600x1004 photo those cost more in cache misses and page faults
 *   than the arithmetic); the working set is a few hundred kilobytes;
 * - the second row pass keeps only the 64 sampled columns, and the second column pass runs on those.
 * reference.ts keeps the direct version, which the tests compare with this one bit for bit.
 */
import { allPositions, boxColumns, boxRows, positions, type RowOffset } from "./box-filter.ts";
import { lumaRun } from "./luma.ts";

export { boxPhases } from "./box-filter.ts";
export { lumaFromPixels, lumaOf } from "./luma.ts";

/** PDQ downsamples to 64x64 before the DCT. */
export const PDQ_DOWNSAMPLE = 64;
/** Rows streamed together through the row passes (a multiple of the 4 rows boxRows interleaves). */
const ROW_BLOCK = 4;

/**
 * Window size of one box pass so that two passes cover about one output cell:
 * ceil(old / (2 * new)), written with integer arithmetic exactly as the reference computes it.
 */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/** Where the 64 output cells are sampled along an axis of `length` samples (the cell centres). */
export function decimationIndices(length: number): Int32Array {
  return Int32Array.from({ length: PDQ_DOWNSAMPLE }, (_, i) =>
    Math.floor(((i + 0.5) * length) / PDQ_DOWNSAMPLE),
  );
}

/**
 * The filter after the first row pass (row r of which is at rows1[rowAt(r)]): the first column pass,
 * the second row pass on each ROW_BLOCK of its output rows (only the 64 sampled columns kept), then
 * the second column pass on those 64 columns, keeping the 64 sampled rows.
 */
function finishFilter(rows1: Float32Array, rowAt: RowOffset, width: number, height: number): Float32Array {
  const windowAlongRows = jaroszWindowSize(width, PDQ_DOWNSAMPLE);
  const windowAlongCols = jaroszWindowSize(height, PDQ_DOWNSAMPLE);
  const sampledCols = positions(decimationIndices(width));
  const cols1 = new Float32Array(ROW_BLOCK * width);
  const narrow = new Float32Array(height * PDQ_DOWNSAMPLE);
  const slot = (row: number) => (row % ROW_BLOCK) * width;
  boxColumns(rows1, rowAt, cols1, slot, height, width, windowAlongCols, (row) => {
    if ((row + 1) % ROW_BLOCK !== 0 && row + 1 < height) return;
    const first = row - (row % ROW_BLOCK);
    boxRows(cols1, 0, row - first + 1, width, windowAlongRows, sampledCols, narrow, first * PDQ_DOWNSAMPLE);
  });

  const out = new Float32Array(PDQ_DOWNSAMPLE * PDQ_DOWNSAMPLE);
  const line = new Float32Array(PDQ_DOWNSAMPLE);
  const sampledRows = decimationIndices(height);
  let cell = 0;
  const narrowRow = (row: number) => row * PDQ_DOWNSAMPLE;
  boxColumns(
    narrow,
    narrowRow,
    line,
    () => 0,
    height,
    PDQ_DOWNSAMPLE,
    windowAlongCols,
    (row) => {
      // Several cells share a row when the image is less than 64 rows high.
      while (cell < PDQ_DOWNSAMPLE && sampledRows[cell] === row) out.set(line, PDQ_DOWNSAMPLE * cell++);
    },
  );
  return out;
}

/** Interleaved 8-bit pixels (1 to 4 channels) -> the 64x64 row-major Float32Array PDQ's DCT takes. */
export function downsampleRgbTo64(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  const windowAlongRows = jaroszWindowSize(width, PDQ_DOWNSAMPLE);
  const windowAlongCols = jaroszWindowSize(height, PDQ_DOWNSAMPLE);
  const everyCol = allPositions(width);
  // When the column pass asks for row r it may drop row r - window next, and producing r fills its
  // whole block: the ring holds window + ROW_BLOCK rows, in whole blocks so that none wraps.
  const ringRows = ROW_BLOCK * Math.ceil((windowAlongCols + ROW_BLOCK) / ROW_BLOCK);
  const ring = new Float32Array(ringRows * width);
  const luma = new Float32Array(ROW_BLOCK * width);
  let produced = 0;
  const rowAt = (row: number): number => {
    while (produced <= row) {
      const count = Math.min(ROW_BLOCK, height - produced);
      lumaRun(pixels, channels, produced * width, count * width, luma);
      boxRows(luma, 0, count, width, windowAlongRows, everyCol, ring, (produced % ringRows) * width);
      produced += count;
    }
    return (row % ringRows) * width;
  };
  return finishFilter(ring, rowAt, width, height);
}

/** Luminance image (consumed: row-filtered in place) -> 64x64 row-major Float32Array. */
export function downsampleTo64(luma: Float32Array, width: number, height: number): Float32Array {
  const windowAlongRows = jaroszWindowSize(width, PDQ_DOWNSAMPLE);
  const everyCol = allPositions(width);
  const tmp = new Float32Array(ROW_BLOCK * width);
  for (let row = 0; row < height; row += ROW_BLOCK) {
    const count = Math.min(ROW_BLOCK, height - row);
    boxRows(luma, row * width, count, width, windowAlongRows, everyCol, tmp, 0);
    luma.set(tmp.subarray(0, count * width), row * width);
  }
  return finishFilter(luma, (row) => row * width, width, height);
}
