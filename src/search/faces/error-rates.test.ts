import { describe, expect, it } from "vitest";
import {
  equalErrorRate,
  falseMatchRate,
  falseNonMatchRate,
  scorePairs,
  thresholdForFmr,
} from "./error-rates.ts";

describe("error rates", () => {
  it("computes FMR, FNMR, the threshold for a target FMR and the EER", () => {
    const items = [
      { who: "a", v: 0.9 },
      { who: "a", v: 0.8 },
      { who: "b", v: 0.1 },
      { who: "c", v: 0.2 },
    ];
    const pairs = scorePairs(
      items,
      (x) => x.who,
      (x, y) => x.v * y.v,
    );
    expect(pairs.genuine).toEqual([0.9 * 0.8]);
    expect(pairs.impostor).toHaveLength(5);
    expect(falseMatchRate(pairs.impostor, 0.15)).toBeCloseTo(2 / 5);
    expect(falseNonMatchRate(pairs.genuine, 0.8)).toBe(1);
    const t = thresholdForFmr(pairs.impostor, 0);
    expect(falseMatchRate(pairs.impostor, t)).toBe(0);
    expect(t).toBeGreaterThan(0.9 * 0.2);
    expect(equalErrorRate(pairs).eer).toBe(0);
  });
});
