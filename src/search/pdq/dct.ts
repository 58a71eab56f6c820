/**
 * Frequency-domain steps of PDQ: the 64x64 -> 16x16 DCT, the quality metric and the median
 * threshold. All in 32-bit float arithmetic like the reference (see downsample.ts for why).
 */
import { PDQ_HASH_BYTES, type PdqHash } from "./hash.ts";

const f32 = Math.fround;
const N = 64;
const K = 16;

/**
 * The 16 lowest non-constant DCT-II basis rows over 64 samples: row i is frequency i + 1.
 * PDQ skips frequency 0 (the mean brightness), which carries no structure.
 */
const DCT_MATRIX: Float32Array = (() => {
  const m = new Float32Array(K * N);
  const scale = Math.sqrt(2 / N);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < N; j++) m[i * N + j] = scale * Math.cos((Math.PI / 2 / N) * (i + 1) * (2 * j + 1));
  }
  return m;
})();

/**
 * B = D A D^T: 64x64 row-major input, 16x16 row-major output. Each coefficient is summed over k in
 * increasing order like the reference; the first product runs k outermost so both operands are read
 * along rows (same sums, same order, contiguous memory).
 */
export function dct64To16(a: Float32Array): Float32Array {
  const t = new Float32Array(K * N);
  for (let i = 0; i < K; i++) {
    const row = i * N;
    for (let k = 0; k < N; k++) {
      const d = DCT_MATRIX[row + k] as number;
      const ak = k * N;
      for (let j = 0; j < N; j++) t[row + j] = (t[row + j] as number) + f32(d * (a[ak + j] as number));
    }
  }
  const b = new Float32Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      let sum = 0;
      for (let k = 0; k < N; k++)
        sum = f32(sum + f32((t[i * N + k] as number) * (DCT_MATRIX[j * N + k] as number)));
      b[i * K + j] = sum;
    }
  }
  return b;
}

/**
 * Quality 0..100 from the summed luminance gradients of the 64x64 image: flat or nearly blank
 * images have little structure, their hashes are unstable, and the reference says not to match
 * on quality below 50. Per-pair steps are truncated to integers as in the reference.
 */
export function pdqQuality(a: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < N - 1; i++) {
    for (let j = 0; j < N; j++)
      gradientSum += gradientStep(a[i * N + j] as number, a[(i + 1) * N + j] as number);
  }
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N - 1; j++)
      gradientSum += gradientStep(a[i * N + j] as number, a[i * N + j + 1] as number);
  }
  return Math.min(100, Math.floor(gradientSum / 90));
}

function gradientStep(u: number, v: number): number {
  return Math.abs(Math.trunc(f32(f32(f32(u - v) * 100) / 255)));
}

/**
 * Bit i*16 + j is set when coefficient (i, j) is above the median of the 256 coefficients, so about
 * half the bits are set whatever the image's contrast. The reference's median (Torben's algorithm,
 * n = 256) returns the 128th smallest value, which is what sorting gives.
 * Bit k lives in 16-bit word k >> 4, and the reference prints word 15 first: that fixes the byte.
 */
export function hashFromDct(b: Float32Array): PdqHash {
  const median = kthSmallest(Float32Array.from(b), (K * K) / 2 - 1);
  const hash = new Uint8Array(PDQ_HASH_BYTES);
  for (let k = 0; k < K * K; k++) {
    if ((b[k] as number) > median) {
      const word = k >> 4;
      const bit = k & 15;
      const byte = 2 * (15 - word) + (bit < 8 ? 1 : 0);
      hash[byte] = (hash[byte] as number) | (1 << (bit & 7));
    }
  }
  return hash;
}

/**
 * The k-th smallest (0-based) of `v`, reordering `v` in place: Hoare's selection, linear on average
 * instead of a full sort. Equal to sorting and indexing (a -0/+0 tie may return either zero, which
 * compares the same against every coefficient).
 */
export function kthSmallest(v: Float32Array, k: number): number {
  let lo = 0;
  let hi = v.length - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((v[i] as number) < pivot) i++;
      while ((v[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = v[i] as number;
        v[i++] = v[j] as number;
        v[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return v[k] as number;
  }
  return v[k] as number;
}
