/**
 * The convex hull of a template's minutiae, enlarged by a margin: MCC treats cells outside it as
 * invalid (nothing is known there: background, or beyond the captured area), so that two
 * impressions are compared only where both saw the finger.
 */
export type Hull = {
  /** Hull vertices, counter-clockwise in a y-up sense (the sign of the cross product is what matters). */
  xs: Float64Array;
  ys: Float64Array;
  margin: number;
};

const cross = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number) =>
  (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);

/** Andrew's monotone chain. */
export function convexHull(points: ReadonlyArray<{ x: number; y: number }>, margin: number): Hull {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const chain: { x: number; y: number }[] = [];
  const build = (list: { x: number; y: number }[]) => {
    const start = chain.length;
    for (const p of list) {
      while (chain.length >= start + 2) {
        const a = chain[chain.length - 2] as { x: number; y: number };
        const b = chain[chain.length - 1] as { x: number; y: number };
        if (cross(a.x, a.y, b.x, b.y, p.x, p.y) > 0) break;
        chain.pop();
      }
      chain.push(p);
    }
    chain.pop(); // the last point starts the other half
  };
  build(sorted);
  build(sorted.slice().reverse());
  // Fewer than three distinct points: keep them, containment falls back to distances.
  const hullPoints = chain.length > 0 ? chain : sorted.slice(0, 1);
  return {
    xs: Float64Array.from(hullPoints, (p) => p.x),
    ys: Float64Array.from(hullPoints, (p) => p.y),
    margin,
  };
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Whether (px, py) lies inside the hull or within `margin` of it. */
export function insideEnlargedHull(hull: Hull, px: number, py: number): boolean {
  const n = hull.xs.length;
  if (n === 0) return false;
  let inside = n >= 3;
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const ax = hull.xs[i] as number;
    const ay = hull.ys[i] as number;
    const bx = hull.xs[j] as number;
    const by = hull.ys[j] as number;
    if (cross(ax, ay, bx, by, px, py) < 0) inside = false;
    nearest = Math.min(nearest, distanceToSegment(px, py, ax, ay, bx, by));
  }
  return inside || nearest <= hull.margin;
}

/**
 * The enlarged hull sampled on a grid of `step` pixels: building a template asks about hundreds of
 * cell centres per minutia, and a table lookup is far cheaper than a distance to every edge.
 * A centre is classed by its nearest grid point (error at most step/√2, small against the margin).
 */
export type HullRaster = {
  x0: number;
  y0: number;
  step: number;
  cols: number;
  rows: number;
  inside: Uint8Array;
};

export function rasteriseHull(hull: Hull, step: number): HullRaster {
  if (hull.xs.length === 0) return { x0: 0, y0: 0, step, cols: 0, rows: 0, inside: new Uint8Array(0) };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < hull.xs.length; i++) {
    minX = Math.min(minX, hull.xs[i] as number);
    maxX = Math.max(maxX, hull.xs[i] as number);
    minY = Math.min(minY, hull.ys[i] as number);
    maxY = Math.max(maxY, hull.ys[i] as number);
  }
  const x0 = minX - hull.margin;
  const y0 = minY - hull.margin;
  const cols = Math.ceil((maxX - minX + 2 * hull.margin) / step) + 1;
  const rows = Math.ceil((maxY - minY + 2 * hull.margin) / step) + 1;
  const inside = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      inside[r * cols + c] = insideEnlargedHull(hull, x0 + c * step, y0 + r * step) ? 1 : 0;
  return { x0, y0, step, cols, rows, inside };
}

export function insideRaster(raster: HullRaster, px: number, py: number): boolean {
  const c = Math.round((px - raster.x0) / raster.step);
  const r = Math.round((py - raster.y0) / raster.step);
  if (c < 0 || r < 0 || c >= raster.cols || r >= raster.rows) return false;
  return raster.inside[r * raster.cols + c] === 1;
}
