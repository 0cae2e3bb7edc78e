import { bucketItems, type ObstacleEdges } from './obstacle-edges.js';

/**
 * Shadows of the obstacles seen from one node, for a fast exact *reject* of straight legs before
 * the exact clearance test (`segmentClear`), replacing per-leg raster walks: the directions around
 * the node are cut into SHADOW_BINS bins, and each bin keeps the squared distance beyond which a leg
 * in any direction of that bin surely touches an obstacle edge.
 *
 * Why it is exact (a refused leg is one `segmentClear` refuses too, so the graph cannot change):
 * - a single edge a–b seen from the node spans the directions between a and b (less than a half
 *   turn when the node is off its line); a ray strictly inside that span crosses the edge at a
 *   distance of at most max(|a|, |b|) (distance along a segment is convex: largest at an end);
 * - a convex closed ring with the node outside it: a ray strictly inside the ring's span enters the
 *   ring through an edge that does not face away from the node, so within the largest distance of
 *   those edges' ends (fewer than the ring's edges, and one fill per ring instead of one per edge);
 * a leg longer than that bound in such a direction touches an edge: distance 0 < h, which
 * `segmentClear` refuses for any clearance above 1e-9 m. Only bins lying wholly inside a span
 * (with SPAN_MARGIN of slack each side) are marked, and the bound is padded, so rounding (~1e-15
 * relative) cannot mark a bin a ray escapes through. Any subset of obstacles gives a sound table, so
 * obstacles farther than the legs reach are simply left out.
 *
 * Directions are measured by the "diamond angle" (0 … 4 for a full turn, exact quotients, no
 * trigonometry): monotone in the true angle, and half a turn adds 2, so spans map to intervals.
 */
export const SHADOW_BINS = 512;
/** Slack at both ends of each span, in diamond-angle units (4 = a full turn); ~1e-9 rad. */
const SPAN_MARGIN = 1e-9;
/** Bucket size of the ring grid, m. */
const RING_CELL_M = 32;

export interface LegShadows {
  /** Fills the table for legs from (px, py) up to `reachM` long (obstacles farther away are left out). */
  from(px: number, py: number): void;
  /** Whether the leg from the last `from` point by (dx, dy) surely touches an obstacle edge. */
  blocks(dx: number, dy: number): boolean;
}

/** Diamond angle of (dx, dy) ≠ (0, 0): 0 along +x, 1 along +y, 2 along −x, 3 along −y, in [0, 4). */
export function diamondAngle(dx: number, dy: number): number {
  if (dy >= 0) return dx >= 0 ? dy / (dx + dy) : 1 - dx / (dy - dx);
  return dx < 0 ? 2 - dy / (-dx - dy) : 3 + dx / (dx - dy);
}

export function legShadows(edges: ObstacleEdges, reachM: number): LegShadows {
  const K = SHADOW_BINS;
  const bins = new Float64Array(K);
  const rings = edges.rings;
  const nr = rings.length;
  // Per ring: its box, whether it is used as a convex ring (closed, convex, counter-clockwise as
  // obstacleEdges orients outer rings) or edge by edge.
  const box = new Float64Array(4 * nr);
  const convex = new Uint8Array(nr);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let r = 0; r < nr; r++) {
    const ring = rings[r];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, area2 = 0;
    const p = ring.points;
    for (let i = 0; i < p.length; i++) {
      x0 = Math.min(x0, p[i][0]); y0 = Math.min(y0, p[i][1]); x1 = Math.max(x1, p[i][0]); y1 = Math.max(y1, p[i][1]);
      if (i + 1 < p.length) area2 += p[i][0] * p[i + 1][1] - p[i + 1][0] * p[i][1];
    }
    box[4 * r] = x0; box[4 * r + 1] = y0; box[4 * r + 2] = x1; box[4 * r + 3] = y1;
    convex[r] = ring.closed && ring.convex && area2 > 0 ? 1 : 0;
    minX = Math.min(minX, x0); minY = Math.min(minY, y0); maxX = Math.max(maxX, x1); maxY = Math.max(maxY, y1);
  }
  // Ring buckets (a ring in every bucket its box touches).
  const cell = Math.max(RING_CELL_M, Math.sqrt(((maxX - minX + 1) * (maxY - minY + 1)) / 1e6));
  const nx = nr === 0 ? 0 : Math.floor((maxX - minX) / cell) + 1, ny = nr === 0 ? 0 : Math.floor((maxY - minY) / cell) + 1;
  const { start, items } = bucketItems(nr, nx * ny, (r, f) => {
    const i0 = Math.floor((box[4 * r] - minX) / cell), i1 = Math.floor((box[4 * r + 2] - minX) / cell);
    const j0 = Math.floor((box[4 * r + 1] - minY) / cell), j1 = Math.floor((box[4 * r + 3] - minY) / cell);
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) f(j * nx + i);
  });
  const stamp = new Int32Array(nr);
  let tick = 0;
  // Ring points flattened (ring r: points first[r] .. first[r + 1] - 1, closed rings repeat the first).
  const first = new Int32Array(nr + 1);
  for (let r = 0; r < nr; r++) first[r + 1] = first[r] + rings[r].points.length;
  const vx = new Float64Array(first[nr]), vy = new Float64Array(first[nr]);
  for (let r = 0; r < nr; r++) rings[r].points.forEach((q, k) => { vx[first[r] + k] = q[0]; vy[first[r] + k] = q[1]; });
  const reach2 = reachM * reachM;

  /** Marks the bins wholly inside the diamond-angle interval [lo, hi] (hi − lo < 2, lo may be < 0 or ≥ 4) with d2. */
  const mark = (lo: number, hi: number, d2: number) => {
    const b0 = Math.ceil(((lo + SPAN_MARGIN) * K) / 4), b1 = Math.floor(((hi - SPAN_MARGIN) * K) / 4) - 1;
    for (let b = b0; b <= b1; b++) {
      const k = b & (K - 1);
      if (d2 < bins[k]) bins[k] = d2;
    }
  };
  // Padding of the distance bound: relative 1e-9 and 1e-9 m², far above rounding.
  const pad = (d2: number) => d2 * (1 + 1e-9) + 1e-9;

  const edge = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    ax -= px; ay -= py; bx -= px; by -= py;
    const cr = ax * by - ay * bx;
    // On (or nearly on) the edge's line: its span is a point or half a turn; leave it out.
    if (!(Math.abs(cr) > 1e-9)) return;
    let pa = diamondAngle(ax, ay), pb = diamondAngle(bx, by);
    if (cr < 0) { const t = pa; pa = pb; pb = t; }
    if (pb < pa) pb += 4;
    mark(pa, pb, pad(Math.max(ax * ax + ay * ay, bx * bx + by * by)));
  };

  let ox = 0, oy = 0;
  return {
    from(px, py) {
      ox = px; oy = py;
      bins.fill(Infinity);
      if (nr === 0) return;
      const i0 = Math.max(0, Math.floor((px - reachM - minX) / cell)), i1 = Math.min(nx - 1, Math.floor((px + reachM - minX) / cell));
      const j0 = Math.max(0, Math.floor((py - reachM - minY) / cell)), j1 = Math.min(ny - 1, Math.floor((py + reachM - minY) / cell));
      tick++;
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const c = j * nx + i;
          for (let q = start[c]; q < start[c + 1]; q++) {
            const r = items[q];
            if (stamp[r] === tick) continue;
            stamp[r] = tick;
            // Box beyond the reach: nothing in it can shadow a leg that short.
            const gx = Math.max(box[4 * r] - px, 0, px - box[4 * r + 2]), gy = Math.max(box[4 * r + 1] - py, 0, py - box[4 * r + 3]);
            if (gx * gx + gy * gy > reach2) continue;
            if (convex[r] === 1 && convexRing(first[r], first[r + 1] - 1, px, py)) continue;
            for (let k = first[r]; k + 1 < first[r + 1]; k++) edge(px, py, vx[k], vy[k], vx[k + 1], vy[k + 1]);
          }
        }
      }
    },
    blocks(dx, dy) {
      const d2 = dx * dx + dy * dy;
      if (!(d2 > 0)) return false;
      let k = Math.floor((diamondAngle(dx, dy) * K) / 4);
      if (k >= K) k = K - 1;
      return d2 > bins[k];
    },
  };

  /**
   * One fill for a convex counter-clockwise ring seen from outside (see above); false when the
   * point is not clearly outside it (then the caller takes its edges one by one).
   */
  function convexRing(k0: number, k1: number, px: number, py: number): boolean {
    let outside = false, d2 = 0, lo = 0, hi = 0;
    let ax = vx[k0] - px, ay = vy[k0] - py;
    const p0 = diamondAngle(ax, ay);
    let a2 = ax * ax + ay * ay;
    for (let k = k0; k < k1; k++) {
      const bx = vx[k + 1] - px, by = vy[k + 1] - py, b2 = bx * bx + by * by;
      // Cross of (a − p, b − p): negative when the edge faces the point (the ring is on its left).
      const cr = ax * by - ay * bx;
      if (cr < -1e-9) outside = true;
      // The entry lies on an edge that does not face away (cross ≤ 0, with slack for rounding).
      if (cr <= 1e-9) d2 = Math.max(d2, a2, b2);
      if (k > k0) {
        let rel = diamondAngle(ax, ay) - p0;
        if (rel > 2) rel -= 4; else if (rel < -2) rel += 4;
        if (rel < lo) lo = rel;
        if (rel > hi) hi = rel;
      }
      ax = bx; ay = by; a2 = b2;
    }
    if (!outside || !(hi - lo < 2)) return false;
    mark(p0 + lo, p0 + hi, pad(d2));
    return true;
  }
}
