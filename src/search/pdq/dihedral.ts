/**
 * The eight dihedral transforms (rotations and mirrors) of an image, applied to its 16x16 DCT.
 *
 * Mirroring an image along an axis multiplies DCT basis k by (-1)^k along that axis; a transpose
 * (mirror about the main diagonal) transposes the coefficients. PDQ's matrix holds frequencies
 * 1..16, so row/column index i is frequency i + 1: even indices change sign under a mirror.
 * Names follow the reference: flipX mirrors top/bottom, flipY left/right, flipPlusOne is the
 * transpose, flipMinusOne the anti-transpose.
 */
export const DIHEDRAL_VARIANTS = [
  "original",
  "rot90",
  "rot180",
  "rot270",
  "flipX",
  "flipY",
  "flipPlusOne",
  "flipMinusOne",
] as const;

export type DihedralVariant = (typeof DIHEDRAL_VARIANTS)[number];

interface Transform {
  /** Output (j, i) instead of (i, j). */
  transpose: boolean;
  /** Negate coefficient (i, j) of the original when this returns true. */
  negate: (i: number, j: number) => boolean;
}

const even = (n: number) => (n & 1) === 0;

const TRANSFORMS: Record<DihedralVariant, Transform> = {
  original: { transpose: false, negate: () => false },
  rot90: { transpose: true, negate: (_i, j) => even(j) },
  rot180: { transpose: false, negate: (i, j) => !even(i + j) },
  rot270: { transpose: true, negate: (i) => even(i) },
  flipX: { transpose: false, negate: (i) => even(i) },
  flipY: { transpose: false, negate: (_i, j) => even(j) },
  flipPlusOne: { transpose: true, negate: () => false },
  flipMinusOne: { transpose: true, negate: (i, j) => !even(i + j) },
};

function applyTransform(dct: Float32Array, t: Transform): Float32Array {
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = dct[i * 16 + j] as number;
      out[t.transpose ? j * 16 + i : i * 16 + j] = t.negate(i, j) ? -v : v;
    }
  }
  return out;
}

/** The 16x16 DCT of each dihedral transform of the image whose DCT is `dct`. */
export function dihedralFromDct(dct: Float32Array): Record<DihedralVariant, Float32Array> {
  const out = {} as Record<DihedralVariant, Float32Array>;
  for (const name of DIHEDRAL_VARIANTS) out[name] = applyTransform(dct, TRANSFORMS[name]);
  return out;
}
