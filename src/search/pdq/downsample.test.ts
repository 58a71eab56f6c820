import { describe, expect, it } from "vitest";
import { kthSmallest } from "./dct.ts";
import { downsampleRgbTo64, downsampleTo64, lumaFromPixels } from "./downsample.ts";
import { pdqDihedralFromRgb, pdqFromRgb } from "./pdq.ts";
import { referenceDownsample, referencePdqFromRgb } from "./reference.ts";

/** A photo-like test image: smooth gradients, an edge and noise, from a fixed seed. */
function syntheticImage(width: number, height: number, channels: number, seed: number): Uint8Array {
  const pixels = new Uint8Array(width * height * channels);
  let state = seed >>> 0 || 1;
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++, o++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const smooth = 128 + 90 * Math.sin((x * (c + 1)) / 17 + seed) * Math.cos(y / 23);
        const edge = x > width / 3 && y < (2 * height) / 3 ? 40 : 0;
        pixels[o] = Math.max(0, Math.min(255, Math.round(smooth + edge + ((state >>> 0) % 41) - 20)));
      }
    }
  }
  return pixels;
}

// Window sizes 1..10 along each axis, sizes below, at and above 64, odd and even, rows not a
// multiple of the 4-row blocks.
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 9],
  [9, 1],
  [3, 5],
  [63, 64],
  [64, 63],
  [65, 66],
  [127, 129],
  [200, 31],
  [257, 130],
  [640, 481],
];
// Large enough for many full 4-row blocks and a long sliding phase; RGB only, to keep the test short.
const LARGE: [number, number, number] = [1279, 722, 3];

describe("fast downsampling equals the direct reference bit for bit", () => {
  it.each([...SHAPES.flatMap(([w, h]) => [1, 2, 3, 4].map((c) => [w, h, c] as const)), LARGE])(
    "%ix%i with %i channel(s)",
    (width, height, channels) => {
      const pixels = syntheticImage(width, height, channels, width * 31 + height * 7 + channels);
      const expected = referenceDownsample(pixels, width, height, channels);
      expect(downsampleRgbTo64(pixels, width, height, channels)).toEqual(expected);
      const luma = lumaFromPixels(pixels, width, height, channels);
      expect(downsampleTo64(luma, width, height)).toEqual(expected);
      const fast = pdqFromRgb(pixels, width, height, channels);
      const direct = referencePdqFromRgb(pixels, width, height, channels);
      expect([fast.hex, fast.quality]).toEqual([direct.hex, direct.quality]);
    },
  );

  it("reads pixels at any byte offset (the word-at-a-time path needs 4-byte alignment)", () => {
    const [width, height] = [101, 67];
    const pixels = syntheticImage(width, height, 3, 5);
    const expected = referenceDownsample(pixels, width, height, 3);
    for (let shift = 0; shift < 4; shift++) {
      const moved = new Uint8Array(pixels.length + 4).subarray(shift, shift + pixels.length);
      moved.set(pixels);
      expect(downsampleRgbTo64(moved, width, height, 3)).toEqual(expected);
    }
  });

  it("gives the plain hash as the original dihedral variant", () => {
    const pixels = syntheticImage(300, 200, 3, 9);
    expect(pdqDihedralFromRgb(pixels, 300, 200).hashes.original).toEqual(pdqFromRgb(pixels, 300, 200).hash);
  });
});

describe("median selection", () => {
  it("equals sorting and indexing, with ties and signed zeros", () => {
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    for (let trial = 0; trial < 200; trial++) {
      const spread = [2, 10, 1000][trial % 3] as number;
      const v = Float32Array.from({ length: 256 }, () => (next() % spread) - spread / 2);
      if (trial % 5 === 0) v[next() % 256] = -0;
      const k = trial % 7 === 0 ? next() % 256 : 127;
      const sorted = Float32Array.from(v).sort();
      // === rather than toBe: -0 and +0 are the same threshold.
      expect(kthSmallest(v, k) === sorted[k]).toBe(true);
    }
  });
});
