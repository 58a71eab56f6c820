import type { MinutiaPoint } from "./cylinders.ts";

/** A small seeded generator (xorshift32) so synthetic templates are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Random minutiae spread over a finger-sized area (no ridge structure: an unrelated finger). */
export function randomMinutiae(
  count: number,
  random: () => number,
  width = 300,
  height = 400,
): MinutiaPoint[] {
  return Array.from({ length: count }, () => ({
    x: 20 + random() * (width - 40),
    y: 20 + random() * (height - 40),
    angle: random() * 2 * Math.PI,
  }));
}

export type Perturbation = {
  /** Rotation in radians about the centroid, then translation in pixels. */
  rotate?: number;
  dx?: number;
  dy?: number;
  /** Fraction of minutiae dropped, spurious ones added (as a fraction of the count). */
  drop?: number;
  add?: number;
  /** Position jitter (pixels) and direction jitter (radians), uniform. */
  jitter?: number;
  angleJitter?: number;
  /** Keep only minutiae with x below this fraction of the spread (a partial impression). */
  cropRight?: number;
};

/**
 * Another impression of the same finger, roughly: the same minutiae moved rigidly, with noise,
 * some lost and some spurious. Angles are in the x/y frame, so a rotation adds to them.
 */
export function perturbMinutiae(
  source: ReadonlyArray<MinutiaPoint>,
  p: Perturbation,
  random: () => number,
): MinutiaPoint[] {
  if (source.length === 0) return [];
  const cx = source.reduce((s, m) => s + m.x, 0) / source.length;
  const cy = source.reduce((s, m) => s + m.y, 0) / source.length;
  const minX = Math.min(...source.map((m) => m.x));
  const maxX = Math.max(...source.map((m) => m.x));
  const cut = p.cropRight === undefined ? Number.POSITIVE_INFINITY : minX + p.cropRight * (maxX - minX);
  const cos = Math.cos(p.rotate ?? 0);
  const sin = Math.sin(p.rotate ?? 0);
  const jitter = p.jitter ?? 0;
  const angleJitter = p.angleJitter ?? 0;
  const out: MinutiaPoint[] = [];
  for (const m of source) {
    if (m.x > cut || random() < (p.drop ?? 0)) continue;
    const x = m.x - cx + (random() - 0.5) * 2 * jitter;
    const y = m.y - cy + (random() - 0.5) * 2 * jitter;
    out.push({
      x: cx + x * cos - y * sin + (p.dx ?? 0),
      y: cy + x * sin + y * cos + (p.dy ?? 0),
      angle:
        (((m.angle + (p.rotate ?? 0) + (random() - 0.5) * 2 * angleJitter) % (2 * Math.PI)) + 2 * Math.PI) %
        (2 * Math.PI),
    });
  }
  const spurious = Math.round((p.add ?? 0) * source.length);
  const xs = out.map((m) => m.x);
  const ys = out.map((m) => m.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let k = 0; k < spurious && out.length > 0; k++)
    out.push({ x: x0 + random() * (x1 - x0), y: y0 + random() * (y1 - y0), angle: random() * 2 * Math.PI });
  return out;
}
