import type { ObstacleEdges } from './obstacle-edges.js';

/**
 * Whether the fillet of radius `radiusM` at a bend keeps `clearanceM` (half the vehicle width)
 * from every obstacle edge and stays inside the area.
 *
 * The fillet is the circular arc tangent to both legs of the bend at P (incoming direction
 * dIn, outgoing dOut, deflection θ): its centre lies on the inner bisector at r / cos(θ/2) from P,
 * its tangent points at r·tan(θ/2) along each leg. The legs themselves are checked elsewhere (a
 * graph edge keeps h from every obstacle), so the discs of radius h around the tangent points are
 * already clear; what is left is the band r ± h inside the arc's angular wedge. A segment meets
 * that band exactly when, over the part of it inside the wedge, its distance to the centre ranges
 * across (r − h, r + h) (the distance is continuous along the segment).
 *
 * Exact (no sampling), so the answer can only turn from true to false when an obstacle is added:
 * this is what keeps the turn speed monotone in the scene.
 */
export function filletClear(
  edges: ObstacleEdges,
  areaSegments: readonly (readonly [number, number, number, number])[],
  px: number, py: number, dInX: number, dInY: number, dOutX: number, dOutY: number,
  radiusM: number, clearanceM: number,
): boolean {
  const cosT = dInX * dOutX + dInY * dOutY;
  const cosHalf = Math.sqrt(Math.max(0, (1 + cosT) / 2));
  const sinHalf = Math.sqrt(Math.max(0, (1 - cosT) / 2));
  if (cosHalf < 1e-9) return false;
  let bx = dOutX - dInX, by = dOutY - dInY;
  const bl = Math.hypot(bx, by);
  if (bl < 1e-12) return true;
  bx /= bl; by /= bl;
  const r = radiusM;
  const t = (r * sinHalf) / cosHalf;
  const cx = px + (bx * r) / cosHalf, cy = py + (by * r) / cosHalf;
  const t1x = px - dInX * t, t1y = py - dInY * t;
  const t2x = px + dOutX * t, t2y = py + dOutY * t;
  // Wedge: Q − C between (T1 − C) and (T2 − C), the short way.
  const e1x = t1x - cx, e1y = t1y - cy, e2x = t2x - cx, e2y = t2y - cy;
  const s = e1x * e2y - e1y * e2x > 0 ? 1 : -1;
  const h = clearanceM;
  const lo = Math.max(0, r - h + 1e-9), hi = r + h - 1e-9;
  const lo2 = lo * lo, hi2 = hi * hi;
  const blocked = (ax: number, ay: number, qx: number, qy: number, lo2b: number, hi2b: number): boolean => {
    // Clip the segment to the wedge: s·cross(e1, X − C) ≥ 0 and s·cross(X − C, e2) ≥ 0.
    let t0 = 0, t1 = 1;
    const dx = qx - ax, dy = qy - ay;
    const clip = (f0: number, df: number): boolean => {
      // f(t) = f0 + df·t ≥ 0
      if (df === 0) return f0 >= 0;
      const root = -f0 / df;
      if (df > 0) { if (root > t0) t0 = root; } else if (root < t1) t1 = root;
      return t0 <= t1;
    };
    if (!clip(s * (e1x * (ay - cy) - e1y * (ax - cx)), s * (e1x * dy - e1y * dx))) return false;
    if (!clip(s * ((ax - cx) * e2y - (ay - cy) * e2x), s * (dx * e2y - dy * e2x))) return false;
    const d2 = (tt: number) => { const x = ax + dx * tt - cx, y = ay + dy * tt - cy; return x * x + y * y; };
    const l2 = dx * dx + dy * dy;
    let tm = l2 === 0 ? t0 : -((ax - cx) * dx + (ay - cy) * dy) / l2;
    if (tm < t0) tm = t0; else if (tm > t1) tm = t1;
    const mn = d2(tm), mx = Math.max(d2(t0), d2(t1));
    return mn < hi2b && mx > lo2b;
  };
  if (edges.index) {
    const ext = h;
    const x0 = Math.min(px, t1x, t2x) - ext, x1 = Math.max(px, t1x, t2x) + ext;
    const y0 = Math.min(py, t1y, t2y) - ext, y1 = Math.max(py, t1y, t2y) + ext;
    const hits = candidateEdges(edges, px, py, dInX, dInY, dOutX, dOutY, r, h, x0, y0, x1, y1);
    for (let k = 0; k < hits.length; k++) {
      const i = hits[k];
      // A narrower rung's box is smaller than the one the list was drawn for.
      if (edges.bx[i] < x0 && edges.ax[i] < x0 || edges.bx[i] > x1 && edges.ax[i] > x1 || edges.by[i] < y0 && edges.ay[i] < y0 || edges.by[i] > y1 && edges.ay[i] > y1) continue;
      if (blocked(edges.ax[i], edges.ay[i], edges.bx[i], edges.by[i], lo2, hi2)) return false;
    }
  }
  // The centre path must not cross the area's edge: the band of width 0.
  const r2 = r * r;
  for (const a of areaSegments) if (blocked(a[0], a[1], a[2], a[3], r2 * (1 - 1e-12), r2 * (1 + 1e-12))) return false;
  return true;
}

/**
 * The obstacle edges in the box of the fillet, drawn once per bend: the rungs of one bend are tried
 * from the widest down, and a fillet's tangent points and box scale with its radius (same node,
 * same bisector), so the widest rung's box holds every narrower one's. The list is reused while the
 * bend and the edges are the same and the radius is not wider than the one it was drawn for.
 */
function candidateEdges(
  edges: ObstacleEdges, px: number, py: number, dInX: number, dInY: number, dOutX: number, dOutY: number,
  r: number, h: number, x0: number, y0: number, x1: number, y1: number,
): ArrayLike<number> {
  const m = memo;
  if (m.edges?.deref() === edges && m.px === px && m.py === py && m.inX === dInX && m.inY === dInY && m.outX === dOutX && m.outY === dOutY && m.h === h && r <= m.r) return m.hits;
  m.edges = new WeakRef(edges); m.px = px; m.py = py; m.inX = dInX; m.inY = dInY; m.outX = dOutX; m.outY = dOutY; m.h = h; m.r = r;
  m.hits = edges.index!.search(x0, y0, x1, y1);
  return m.hits;
}
// The edges are held weakly: a finished analysis keeps nothing alive.
const memo = { edges: undefined as WeakRef<ObstacleEdges> | undefined, px: NaN, py: NaN, inX: NaN, inY: NaN, outX: NaN, outY: NaN, h: NaN, r: NaN, hits: [] as ArrayLike<number> };
