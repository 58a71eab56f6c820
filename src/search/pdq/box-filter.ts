/**
 * The box filter of PDQ's Jarosz (tent) downsampling, in 32-bit float arithmetic like the reference
 * (see downsample.ts for why every step is rounded with Math.fround).
 *
 * Both kernels keep the reference's arithmetic for each running sum exactly; what they change is the
 * order in which independent sums are advanced, which does not change any bit:
 * - along rows, a running sum is a serial chain of rounded additions, so one row at a time the CPU
 *   waits on the chain: boxRows advances four rows together (four chains in registers);
 * - down columns, the sweep goes row by row with one sum per column (sequential memory), and input
 *   and output rows are located through callbacks so they can stream through small buffers.
 */
const f32 = Math.fround;

/**
 * The reference's box filter has four phases along a vector of `length` samples: fill the first
 * half window without output, then output while the window grows, slide at full size, and shrink
 * at the far edge. Near the edges the mean is over the samples actually present.
 */
export function boxPhases(length: number, window: number) {
  const half = Math.floor((window + 2) / 2);
  return { fill: half - 1, grow: window - half + 1, slide: length - window, shrink: half - 1 };
}

/**
 * Output positions of a row pass: ascending positions, possibly repeated, then a -1 sentinel (so the
 * kernels never read past the end). allPositions(n) keeps every output.
 */
export type Positions = Int32Array;

export function positions(list: ArrayLike<number>): Positions {
  const out = new Int32Array(list.length + 1);
  out.set(list);
  out[list.length] = -1;
  return out;
}

export function allPositions(length: number): Positions {
  const out = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) out[i] = i;
  out[length] = -1;
  return out;
}

/**
 * One box pass along `count` consecutive rows of `src` (`cols` wide, from offset `at`). Of each
 * output row only the positions in `keep` are written, as dst[to + r * (keep.length - 1) + k]: the
 * second row pass needs 64 of them, and skipping the division and store elsewhere saves a third.
 */
export function boxRows(
  src: Float32Array,
  at: number,
  count: number,
  cols: number,
  window: number,
  keep: Positions,
  dst: Float32Array,
  to: number,
): void {
  const outCols = keep.length - 1;
  let r = 0;
  for (; r + 4 <= count; r += 4) boxRows4(src, at + r * cols, cols, window, keep, dst, to + r * outCols);
  for (; r < count; r++) boxRow(src, at + r * cols, cols, window, keep, dst, to + r * outCols);
}

function boxRow(
  src: Float32Array,
  at: number,
  cols: number,
  window: number,
  keep: Positions,
  dst: Float32Array,
  to: number,
): void {
  const { fill, grow, slide, shrink } = boxPhases(cols, window);
  let ri = at;
  let li = at;
  let oi = 0;
  let k = 0;
  let want = keep[0] as number;
  let sum = 0;
  let size = 0;
  for (let i = 0; i < fill; i++, size++) sum = f32(sum + (src[ri++] as number));
  for (let i = 0; i < grow; i++, oi++) {
    sum = f32(sum + (src[ri++] as number));
    size++;
    for (; want === oi; want = keep[++k] as number) dst[to + k] = sum / size;
  }
  for (let i = 0; i < slide; i++, oi++) {
    sum = f32(f32(sum + (src[ri++] as number)) - (src[li++] as number));
    for (; want === oi; want = keep[++k] as number) dst[to + k] = sum / size;
  }
  for (let i = 0; i < shrink; i++, oi++) {
    sum = f32(sum - (src[li++] as number));
    size--;
    for (; want === oi; want = keep[++k] as number) dst[to + k] = sum / size;
  }
}

/** boxRow on four rows at once, the chains interleaved. */
function boxRows4(
  src: Float32Array,
  at: number,
  cols: number,
  window: number,
  keep: Positions,
  dst: Float32Array,
  to: number,
): void {
  const { fill, grow, slide, shrink } = boxPhases(cols, window);
  const outCols = keep.length - 1;
  const a1 = at + cols;
  const a2 = a1 + cols;
  const a3 = a2 + cols;
  const t1 = to + outCols;
  const t2 = t1 + outCols;
  const t3 = t2 + outCols;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let size = 0;
  let ri = 0;
  let li = 0;
  let oi = 0;
  let k = 0;
  let want = keep[0] as number;
  for (let i = 0; i < fill; i++, ri++, size++) {
    s0 = f32(s0 + (src[at + ri] as number));
    s1 = f32(s1 + (src[a1 + ri] as number));
    s2 = f32(s2 + (src[a2 + ri] as number));
    s3 = f32(s3 + (src[a3 + ri] as number));
  }
  for (let i = 0; i < grow; i++, ri++, oi++) {
    s0 = f32(s0 + (src[at + ri] as number));
    s1 = f32(s1 + (src[a1 + ri] as number));
    s2 = f32(s2 + (src[a2 + ri] as number));
    s3 = f32(s3 + (src[a3 + ri] as number));
    size++;
    for (; want === oi; want = keep[++k] as number) {
      dst[to + k] = s0 / size;
      dst[t1 + k] = s1 / size;
      dst[t2 + k] = s2 / size;
      dst[t3 + k] = s3 / size;
    }
  }
  for (let i = 0; i < slide; i++, ri++, li++, oi++) {
    s0 = f32(f32(s0 + (src[at + ri] as number)) - (src[at + li] as number));
    s1 = f32(f32(s1 + (src[a1 + ri] as number)) - (src[a1 + li] as number));
    s2 = f32(f32(s2 + (src[a2 + ri] as number)) - (src[a2 + li] as number));
    s3 = f32(f32(s3 + (src[a3 + ri] as number)) - (src[a3 + li] as number));
    for (; want === oi; want = keep[++k] as number) {
      dst[to + k] = s0 / size;
      dst[t1 + k] = s1 / size;
      dst[t2 + k] = s2 / size;
      dst[t3 + k] = s3 / size;
    }
  }
  for (let i = 0; i < shrink; i++, li++, oi++) {
    s0 = f32(s0 - (src[at + li] as number));
    s1 = f32(s1 - (src[a1 + li] as number));
    s2 = f32(s2 - (src[a2 + li] as number));
    s3 = f32(s3 - (src[a3 + li] as number));
    size--;
    for (; want === oi; want = keep[++k] as number) {
      dst[to + k] = s0 / size;
      dst[t1 + k] = s1 / size;
      dst[t2 + k] = s2 / size;
      dst[t3 + k] = s3 / size;
    }
  }
}

/** Offset of a row in a buffer: rows stream through small buffers, so it is computed. */
export type RowOffset = (row: number) => number;

/**
 * One box pass down the columns of a rows x cols image. Input row r is at `src[inAt(r)]`, output
 * row r goes to `dst[outAt(r)]`, and `done(r)` is called once output row r is final. inAt is asked for
 * row r before any row it may then drop (r - window), so it may produce rows on demand into a ring.
 */
export function boxColumns(
  src: Float32Array,
  inAt: RowOffset,
  dst: Float32Array,
  outAt: RowOffset,
  rows: number,
  cols: number,
  window: number,
  done: (row: number) => void,
): void {
  const { fill, grow, slide, shrink } = boxPhases(rows, window);
  const sums = new Float64Array(cols);
  let ri = 0;
  let li = 0;
  let oi = 0;
  let size = 0;
  for (let i = 0; i < fill; i++, size++) {
    const a = inAt(ri++);
    for (let j = 0; j < cols; j++) sums[j] = f32((sums[j] as number) + (src[a + j] as number));
  }
  for (let i = 0; i < grow; i++) {
    const a = inAt(ri++);
    const o = outAt(oi);
    size++;
    for (let j = 0; j < cols; j++) {
      const s = f32((sums[j] as number) + (src[a + j] as number));
      sums[j] = s;
      dst[o + j] = s / size;
    }
    done(oi++);
  }
  for (let i = 0; i < slide; i++) {
    const a = inAt(ri++);
    const l = inAt(li++);
    const o = outAt(oi);
    for (let j = 0; j < cols; j++) {
      const s = f32(f32((sums[j] as number) + (src[a + j] as number)) - (src[l + j] as number));
      sums[j] = s;
      dst[o + j] = s / size;
    }
    done(oi++);
  }
  for (let i = 0; i < shrink; i++) {
    const l = inAt(li++);
    const o = outAt(oi);
    size--;
    for (let j = 0; j < cols; j++) {
      const s = f32((sums[j] as number) - (src[l + j] as number));
      sums[j] = s;
      dst[o + j] = s / size;
    }
    done(oi++);
  }
}
