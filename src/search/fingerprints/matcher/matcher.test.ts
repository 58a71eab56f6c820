import { describe, expect, it } from "vitest";
import { compareTemplates, prepareMinutiae } from "./compare.ts";
import { errorRates } from "./error-rates.ts";
import { FingerprintGallery } from "./gallery.ts";
import { MCC_500_DPI, mccParamsFor } from "./params.ts";
import { perturbMinutiae, randomMinutiae, seededRandom } from "./synthetic.ts";

const random = seededRandom(42);
const finger = randomMinutiae(40, random);
const base = prepareMinutiae(finger);
const unrelated = Array.from({ length: 10 }, () => prepareMinutiae(randomMinutiae(40, random)));
const maxUnrelated = Math.max(...unrelated.map((u) => compareTemplates(base, u)));

describe("MCC 1:1", () => {
  it("scores a template against itself far above unrelated templates", () => {
    const self = compareTemplates(base, base);
    expect(self).toBeGreaterThan(0.3);
    expect(self).toBeGreaterThan(4 * maxUnrelated);
  });

  it("is invariant to translation and to rotation within deltaTheta (90°)", () => {
    for (const rotate of [0.4, -0.9, 1.4]) {
      const moved = prepareMinutiae(perturbMinutiae(finger, { rotate, dx: 35, dy: -20 }, random));
      expect(compareTemplates(base, moved)).toBeGreaterThan(0.8 * compareTemplates(base, base));
    }
  });

  it("does not match an upside-down copy (rotation beyond deltaTheta, by design)", () => {
    const flipped = prepareMinutiae(perturbMinutiae(finger, { rotate: Math.PI }, random));
    expect(compareTemplates(base, flipped)).toBeLessThan(0.1);
  });

  it("still matches a noisy partial impression (cropped, minutiae lost and added)", () => {
    const partial = prepareMinutiae(
      perturbMinutiae(
        finger,
        { rotate: 0.3, dx: 10, cropRight: 0.65, drop: 0.15, add: 0.1, jitter: 2, angleJitter: 0.05 },
        random,
      ),
    );
    expect(compareTemplates(base, partial)).toBeGreaterThan(2 * maxUnrelated);
  });

  it("is close to symmetric", () => {
    const other = prepareMinutiae(perturbMinutiae(finger, { rotate: 0.2, drop: 0.2, jitter: 2 }, random));
    const ab = compareTemplates(base, other);
    const ba = compareTemplates(other, base);
    expect(Math.abs(ab - ba)).toBeLessThan(0.1 * Math.max(ab, ba));
  });

  it("handles empty and tiny templates with a score of 0", () => {
    const empty = prepareMinutiae([]);
    expect(empty.count).toBe(0);
    expect(compareTemplates(empty, base)).toBe(0);
    expect(compareTemplates(base, empty)).toBe(0);
    const one = prepareMinutiae([{ x: 100, y: 100, angle: 1 }]);
    expect(one.count).toBe(0); // a cylinder needs neighbours
    const three = prepareMinutiae(finger.slice(0, 3));
    expect(compareTemplates(three, three)).toBeGreaterThanOrEqual(0);
    expect(compareTemplates(three, base)).toBeLessThanOrEqual(1);
  });

  it("averages a template with fewer cylinders than minPairs over minPairs (no near-empty wolves)", () => {
    // Three minutiae make three cylinders (each has the two others as neighbours). Even against
    // itself such a template may only reach 3 / minPairs: were nP capped by the cylinder count, it
    // would score a perfect match, and in 1:N outrank real mates against any query it resembles.
    const centre = finger[0] as (typeof finger)[number];
    const nearest = finger
      .slice()
      .sort(
        (p, q) => Math.hypot(p.x - centre.x, p.y - centre.y) - Math.hypot(q.x - centre.x, q.y - centre.y),
      );
    const three = prepareMinutiae(nearest.slice(0, 3));
    expect(three.count).toBe(3);
    expect(compareTemplates(three, three)).toBeLessThanOrEqual(3 / MCC_500_DPI.minPairs + 1e-6);
    expect(compareTemplates(three, three)).toBeGreaterThan(0.5);
  });

  it("scales lengths with resolution, so a 1000 dpi copy matches the 500 dpi original", () => {
    expect(mccParamsFor(1000).radius).toBe(140); // the equivalent parameters in 1000 dpi pixels
    const doubled = prepareMinutiae(
      finger.map((m) => ({ x: m.x * 2, y: m.y * 2, angle: m.angle })),
      1000,
    );
    expect(compareTemplates(base, doubled)).toBeGreaterThan(0.8 * compareTemplates(base, base));
  });
});

describe("1:N gallery", () => {
  it("ranks the mate of a perturbed query first among unrelated templates", () => {
    const mates = Array.from({ length: 5 }, () => randomMinutiae(40, random));
    const entries = [
      ...mates.map((m, i) => ({ id: `mate-${i}`, template: prepareMinutiae(m) })),
      ...Array.from({ length: 200 }, (_, i) => ({
        id: `other-${i}`,
        template: prepareMinutiae(randomMinutiae(40, random)),
      })),
    ];
    const gallery = new FingerprintGallery(entries);
    mates.forEach((m, i) => {
      const query = prepareMinutiae(
        perturbMinutiae(m, { rotate: 0.5, dx: 20, drop: 0.1, jitter: 1.5 }, random),
      );
      const result = gallery.search(query, 5);
      expect(result[0]?.id).toBe(`mate-${i}`);
      expect(result.length).toBeLessThanOrEqual(5);
      for (let k = 1; k < result.length; k++)
        expect(result[k - 1]?.score).toBeGreaterThanOrEqual(result[k]?.score ?? 0);
      expect(gallery.searchExhaustive(query, 1)[0]?.id).toBe(`mate-${i}`);
    });
    expect(gallery.search(prepareMinutiae([]), 5)).toEqual([]);
  });
});

describe("error rates", () => {
  it("computes EER and FNMR at a target FMR", () => {
    const r = errorRates({ genuine: [0.9, 0.8, 0.7, 0.2], impostor: [0.1, 0.2, 0.3, 0.05] });
    expect(r.eer).toBeCloseTo(0.25);
    expect(r.fnmrAtFmr1).toBe(0.25); // 0.2 is rejected at the first threshold with no false match
    expect(r.thresholdAtFmr1).toBeCloseTo(0.7);
    expect(r.fmrAt(0.2)).toBe(0.5);
    expect(r.fnmrAt(0.75)).toBe(0.5);
  });
});
