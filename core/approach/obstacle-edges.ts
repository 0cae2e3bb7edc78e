import Flatbush from 'flatbush';
import type { XY } from '../geometry/local-frame.js';
import type { BlockedObstacle } from '../drivable/blocked-obstacles.js';
import type { MultiPolygonXY } from '../drivable/polygons.js';

/**
 * Every blocking obstacle as straight edges in local metres, indexed with flatbush, for exact
 * clearance tests of straight path pieces (no rasterising, no clipper rounding). Polygon rings
 * are oriented so the obstacle lies on the left of each edge; lines have no inside; a disc is its
 * circumscribed polygon (so it never blocks less than the disc).
 */
export interface ObstacleEdges {
  readonly count: number;
  readonly ax: Float64Array;
  readonly ay: Float64Array;
  readonly bx: Float64Array;
  readonly by: Float64Array;
  /** Index of the ring (or line) the edge belongs to. */
  readonly ring: Int32Array;
  /** Index into `obstacles` of the scene obstacle the edge belongs to. */
  readonly owner: Int32Array;
  readonly index: Flatbush | undefined;
  /** Boxes of the rings/lines, for point-in-obstacle tests. */
  readonly ringIndex: Flatbush | undefined;
  /** Uniform bucket grid of the edges, for straight-piece tests that stop at the first hit. */
  readonly grid: EdgeGrid | undefined;
  /** Rings/lines: points (closed rings repeat the first), whether closed, whether convex. */
  readonly rings: { points: XY[]; closed: boolean; convex: boolean; owner: number; building: boolean }[];
}

/** Sides of the polygon standing in for a disc obstacle. */
export const DISC_SIDES = 12;

function ringArea(r: XY[]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
}

function isConvexRing(r: XY[]): boolean {
  const n = r.length - 1;
  for (let i = 0; i < n; i++) {
    const a = r[(i + n - 1) % n], b = r[i], c = r[(i + 1) % n];
    if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) < -1e-12) return false;
  }
  return true;
}

/** Closed ring without repeated consecutive points, oriented counter-clockwise when `ccw`. */
function cleanRing(ring: readonly XY[], ccw: boolean): XY[] {
  const pts: XY[] = [];
  for (const p of ring) if (pts.length === 0 || pts[pts.length - 1][0] !== p[0] || pts[pts.length - 1][1] !== p[1]) pts.push([p[0], p[1]]);
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  if (pts.length < 3) return [];
  const closed = [...pts, pts[0]];
  if (ringArea(closed) > 0 !== ccw) closed.reverse();
  return closed;
}

export function discPolygon(centre: XY, radiusM: number): XY[] {
  const r = Math.max(radiusM, 1e-3) / Math.cos(Math.PI / DISC_SIDES);
  const ring: XY[] = [];
  for (let i = 0; i < DISC_SIDES; i++) {
    const a = (2 * Math.PI * (i + 0.5)) / DISC_SIDES;
    ring.push([centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

export function obstacleEdges(obstacles: readonly BlockedObstacle[]): ObstacleEdges {
  const rings: ObstacleEdges['rings'] = [];
  obstacles.forEach((o, owner) => {
    if (o.shape === 'polygon') {
      for (const poly of o.polygons) {
        poly.forEach((ring, i) => {
          // Obstacle on the left: outer rings counter-clockwise, holes clockwise.
          const r = cleanRing(ring, i === 0);
          if (r.length >= 4) rings.push({ points: r, closed: true, convex: i === 0 && isConvexRing(r), owner, building: o.kind === 'building' });
        });
      }
    } else if (o.shape === 'circle') {
      rings.push({ points: discPolygon(o.centre, o.radiusM), closed: true, convex: true, owner, building: false });
    } else {
      const pts: XY[] = [];
      for (const p of o.line) if (pts.length === 0 || pts[pts.length - 1][0] !== p[0] || pts[pts.length - 1][1] !== p[1]) pts.push([p[0], p[1]]);
      if (pts.length >= 2) rings.push({ points: pts, closed: false, convex: pts.length === 2, owner, building: false });
    }
  });
  let count = 0;
  for (const r of rings) count += r.points.length - 1;
  const ax = new Float64Array(count), ay = new Float64Array(count), bx = new Float64Array(count), by = new Float64Array(count);
  const ring = new Int32Array(count), ownerOf = new Int32Array(count);
  let k = 0;
  rings.forEach((r, ri) => {
    for (let i = 0; i + 1 < r.points.length; i++, k++) {
      ax[k] = r.points[i][0]; ay[k] = r.points[i][1]; bx[k] = r.points[i + 1][0]; by[k] = r.points[i + 1][1];
      ring[k] = ri; ownerOf[k] = r.owner;
    }
  });
  let index: Flatbush | undefined;
  if (count > 0) {
    index = new Flatbush(count);
    for (let i = 0; i < count; i++) index.add(Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]), Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
    index.finish();
  }
  const grid = count > 0 ? edgeGrid(ax, ay, bx, by, count) : undefined;
  let ringIndex: Flatbush | undefined;
  if (rings.length > 0) {
    ringIndex = new Flatbush(rings.length);
    for (const r of rings) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const p of r.points) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
      ringIndex.add(x0, y0, x1, y1);
    }
    ringIndex.finish();
  }
  return { count, ax, ay, bx, by, ring, owner: ownerOf, index, ringIndex, rings, grid };
}

export interface EdgeGrid {
  minX: number; minY: number; cell: number; nx: number; ny: number;
  start: Int32Array; items: Int32Array; stamp: Int32Array; tick: { n: number };
}

/** A bucket grid of the edges with buckets of at least `minCellM` (every edge in each bucket its box meets). */
export function edgeGridOf(edges: ObstacleEdges, minCellM: number): EdgeGrid | undefined {
  return edges.count > 0 ? edgeGrid(edges.ax, edges.ay, edges.bx, edges.by, edges.count, minCellM) : undefined;
}

function edgeGrid(ax: Float64Array, ay: Float64Array, bx: Float64Array, by: Float64Array, count: number, minCellM = 8): EdgeGrid {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    minX = Math.min(minX, ax[i], bx[i]); maxX = Math.max(maxX, ax[i], bx[i]);
    minY = Math.min(minY, ay[i], by[i]); maxY = Math.max(maxY, ay[i], by[i]);
  }
  // 8 m buckets (by default), coarser when the extent is huge (at most ~1M buckets).
  const cell = Math.max(minCellM, Math.sqrt(((maxX - minX + 1) * (maxY - minY + 1)) / 1e6));
  const nx = Math.floor((maxX - minX) / cell) + 1, ny = Math.floor((maxY - minY) / cell) + 1;
  const each = (i: number, f: (k: number) => void) => {
    const x0 = Math.floor((Math.min(ax[i], bx[i]) - minX) / cell), x1 = Math.floor((Math.max(ax[i], bx[i]) - minX) / cell);
    const y0 = Math.floor((Math.min(ay[i], by[i]) - minY) / cell), y1 = Math.floor((Math.max(ay[i], by[i]) - minY) / cell);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) f(y * nx + x);
  };
  const { start, items } = bucketItems(count, nx * ny, each);
  return { minX, minY, cell, nx, ny, start, items, stamp: new Int32Array(count), tick: { n: 0 } };
}

/**
 * Items 0 … n − 1 sorted into `buckets` buckets, each item in every bucket `bucketsOf` names for it
 * (ascending within a bucket): bucket k holds items[start[k]] … items[start[k + 1] − 1].
 */
export function bucketItems(n: number, buckets: number, bucketsOf: (i: number, f: (k: number) => void) => void): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) bucketsOf(i, (k) => start[k + 1]++);
  for (let k = 0; k < buckets; k++) start[k + 1] += start[k];
  const fill = start.slice(0, buckets);
  const items = new Int32Array(start[buckets]);
  for (let i = 0; i < n; i++) bucketsOf(i, (k) => { items[fill[k]++] = i; });
  return { start, items };
}

/** Distance from point (px, py) to segment (ax, ay)–(bx, by). */
export function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  return Math.sqrt(pointSegmentDistance2(px, py, ax, ay, bx, by));
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether two segments cross or touch. */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return false;
}

/** Shortest distance between two segments. */
export function segmentSegmentDistance(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  // √ is monotone and correctly rounded, so √(min d²) equals min √(d²) bit for bit.
  return Math.sqrt(segmentSegmentDistance2(ax, ay, bx, by, cx, cy, dx, dy));
}

/**
 * Whether the straight piece a→b keeps at least `clearanceM` from every obstacle edge (and so,
 * as obstacles are closed rings or lines, from every obstacle: a piece cannot enter a ring
 * without coming within 0 of an edge unless it starts inside, which `pointClear` rules out).
 * `skipOwner` leaves out one scene obstacle (the target barrier itself).
 */
export function segmentClear(edges: ObstacleEdges, ax: number, ay: number, bx: number, by: number, clearanceM: number, skipOwner = -1): boolean {
  const g = edges.grid;
  if (!g) return true;
  const c = clearanceM;
  const tol = 1e-9;
  const lim = (c - tol) * (c - tol);
  const buckets = bucketsNear(g, ax, ay, bx, by, c);
  const n = bucketCount;
  // Cheap pass before the exact distance: an edge lying wholly on one side of the leg's line, at
  // least c + SIDE_MARGIN_M from it, or wholly beyond one end of the leg by that much, is farther
  // than c from every point of the leg (distance to a line is linear along a segment on one side of
  // it), so the exact test would pass it: skipping it cannot change the answer. The margin
  // (1e-6 m) is far above the rounding of these sums (~1e-13 m at district coordinates).
  const L = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  const side = c - tol > 0 && L > 1e-6;
  const ux = side ? (bx - ax) / L : 0, uy = side ? (by - ay) / L : 0;
  const far = c + SIDE_MARGIN_M, farEnd = L + far;
  const eax = edges.ax, eay = edges.ay, ebx = edges.bx, eby = edges.by;
  // The answer is the same whatever buckets are visited first: each edge gets the same exact test.
  const tick = ++g.tick.n;
  for (let q = 0; q < n; q++) {
    const k = buckets[q];
    for (let p = g.start[k]; p < g.start[k + 1]; p++) {
      const i = g.items[p];
      if (g.stamp[i] === tick) continue;
      g.stamp[i] = tick;
      if (edges.owner[i] === skipOwner) continue;
      if (side) {
        const pdx = eax[i] - ax, pdy = eay[i] - ay, qdx = ebx[i] - ax, qdy = eby[i] - ay;
        const sp = pdx * -uy + pdy * ux, sq = qdx * -uy + qdy * ux;
        if ((sp >= far && sq >= far) || (sp <= -far && sq <= -far)) continue;
        const tp = pdx * ux + pdy * uy, tq = qdx * ux + qdy * uy;
        if ((tp >= farEnd && tq >= farEnd) || (tp <= -far && tq <= -far)) continue;
      }
      if (c - tol <= 0 ? segmentsIntersect(ax, ay, bx, by, eax[i], eay[i], ebx[i], eby[i]) : segmentSegmentDistance2(ax, ay, bx, by, eax[i], eay[i], ebx[i], eby[i]) < lim) return false;
    }
  }
  return true;
}

/** Slack of `segmentClear`'s cheap side test, m. */
const SIDE_MARGIN_M = 1e-6;

let nearBuckets = new Int32Array(256);
/** How many buckets the last `bucketsNear` listed. */
export let bucketCount = 0;

/**
 * The grid buckets that can hold an edge within `reach` of the piece a→b, row by row: per row, only
 * the columns the piece clipped to the row's band grown by reach, its x-extent grown by reach, can
 * touch (a superset of the buckets holding such an edge; 1e-6 m of slack covers rounding). Returns a
 * shared array (valid until the next call), its length in `bucketCount`.
 */
export function bucketsNear(g: EdgeGrid, ax: number, ay: number, bx: number, by: number, reach: number): Int32Array {
  bucketCount = 0;
  const cell = g.cell;
  const x0 = Math.max(0, Math.floor((Math.min(ax, bx) - reach - g.minX) / cell)), x1 = Math.min(g.nx - 1, Math.floor((Math.max(ax, bx) + reach - g.minX) / cell));
  const y0 = Math.max(0, Math.floor((Math.min(ay, by) - reach - g.minY) / cell)), y1 = Math.min(g.ny - 1, Math.floor((Math.max(ay, by) + reach - g.minY) / cell));
  if (x0 > x1 || y0 > y1) return nearBuckets;
  const grow = reach + 1e-6;
  const dx = bx - ax, dy = by - ay;
  for (let y = y0; y <= y1; y++) {
    const lo = g.minY + y * cell - grow, hi = g.minY + (y + 1) * cell + grow;
    let tx0: number, tx1: number;
    if (dy === 0) {
      if (ay < lo || ay > hi) continue;
      tx0 = Math.min(ax, bx); tx1 = Math.max(ax, bx);
    } else {
      let t0 = (lo - ay) / dy, t1 = (hi - ay) / dy;
      if (t0 > t1) { const t = t0; t0 = t1; t1 = t; }
      if (t0 < 0) t0 = 0;
      if (t1 > 1) t1 = 1;
      if (t0 > t1) continue;
      const xa = ax + t0 * dx, xb = ax + t1 * dx;
      tx0 = Math.min(xa, xb); tx1 = Math.max(xa, xb);
    }
    const cx0 = Math.max(x0, Math.floor((tx0 - grow - g.minX) / cell)), cx1 = Math.min(x1, Math.floor((tx1 + grow - g.minX) / cell));
    if (bucketCount + cx1 - cx0 + 1 > nearBuckets.length) {
      const b = new Int32Array(Math.max(2 * nearBuckets.length, bucketCount + cx1 - cx0 + 1));
      b.set(nearBuckets.subarray(0, bucketCount));
      nearBuckets = b;
    }
    for (let x = cx0; x <= cx1; x++) nearBuckets[bucketCount++] = y * g.nx + x;
  }
  return nearBuckets;
}

function pointSegmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / l2;
  if (t < 0) t = 0; else if (t > 1) t = 1;
  const ex = px - ax - t * dx, ey = py - ay - t * dy;
  return ex * ex + ey * ey;
}

/** Squared shortest distance between two segments. */
export function segmentSegmentDistance2(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) return 0;
  return Math.min(
    pointSegmentDistance2(ax, ay, cx, cy, dx, dy),
    pointSegmentDistance2(bx, by, cx, cy, dx, dy),
    pointSegmentDistance2(cx, cy, ax, ay, bx, by),
    pointSegmentDistance2(dx, dy, ax, ay, bx, by),
  );
}

/** Whether a→b keeps `clearanceM` from the edges of one ring (a cheap first test before the index). */
export function segmentClearOfRing(edges: ObstacleEdges, ring: number, ax: number, ay: number, bx: number, by: number, clearanceM: number): boolean {
  const pts = edges.rings[ring].points;
  const lim = (clearanceM - 1e-9) * (clearanceM - 1e-9);
  for (let i = 0; i + 1 < pts.length; i++) {
    if (segmentSegmentDistance2(ax, ay, bx, by, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]) < lim) return false;
  }
  return true;
}

/**
 * Distance from a point to the nearest obstacle edge, leaving out edges for which `skip` is true;
 * capped at `maxM`: min(maxM, min over the other edges of √(point–segment distance²)), a minimum
 * that does not depend on the order edges are met. Found from the edge grid in rings of buckets
 * round the point's bucket: a point in a bucket m rings out is at least (m − 1)·cell away, so once
 * that exceeds the best so far by 1e-9 m (far above rounding) no edge left can be nearer.
 */
export function nearestEdgeDistance(edges: ObstacleEdges, px: number, py: number, maxM: number, skip: (edge: number) => boolean): number {
  const g = edges.grid;
  if (!g) return maxM;
  let best = maxM;
  const pi = Math.floor((px - g.minX) / g.cell), pj = Math.floor((py - g.minY) / g.cell);
  const rings = Math.max(pi, g.nx - 1 - pi, pj, g.ny - 1 - pj);
  const tick = ++g.tick.n;
  const visit = (c: number) => {
    for (let q = g.start[c]; q < g.start[c + 1]; q++) {
      const e = g.items[q];
      if (g.stamp[e] === tick) continue;
      g.stamp[e] = tick;
      if (skip(e)) continue;
      const d = pointSegmentDistance(px, py, edges.ax[e], edges.ay[e], edges.bx[e], edges.by[e]);
      if (d < best) best = d;
    }
  };
  for (let m = 0; m <= rings; m++) {
    if (m >= 1 && best + 1e-9 <= (m - 1) * g.cell) break;
    visitBucketRing(g, pi, pj, m, 0, g.nx - 1, 0, g.ny - 1, visit);
  }
  return best;
}

/**
 * Visits the buckets of ring m round bucket (pi, pj) — rows pj ± m in full, then columns pi ± m
 * between them; m = 0 is that bucket alone — clipped to columns i0 … i1 and rows j0 … j1. (pi, pj)
 * may lie outside the grid; a point in ring m is at least (m − 1)·cell from any point of bucket
 * (pi, pj), which is what lets callers stop early.
 */
export function visitBucketRing(g: EdgeGrid, pi: number, pj: number, m: number, i0: number, i1: number, j0: number, j1: number, visit: (bucket: number) => void): void {
  for (let side = 0; side < (m === 0 ? 1 : 2); side++) {
    const j = side === 0 ? pj - m : pj + m;
    if (j < j0 || j > j1) continue;
    for (let i = Math.max(i0, pi - m); i <= Math.min(i1, pi + m); i++) visit(j * g.nx + i);
  }
  if (m === 0) return;
  for (let side = 0; side < 2; side++) {
    const i = side === 0 ? pi - m : pi + m;
    if (i < i0 || i > i1) continue;
    for (let j = Math.max(j0, pj - m + 1); j <= Math.min(j1, pj + m - 1); j++) visit(j * g.nx + i);
  }
}

/** Whether a point lies inside a closed obstacle (lines have no inside). */
export function pointInsideObstacle(edges: ObstacleEdges, px: number, py: number): boolean {
  if (!edges.ringIndex) return false;
  // Parity per scene obstacle over the rings whose box holds the point (holes toggle back).
  const parity = new Map<number, number>();
  edges.ringIndex.search(px, py, px, py, (r) => {
    const ring = edges.rings[r];
    if (!ring.closed) return false;
    const pts = ring.points;
    let inside = false;
    for (let i = 0, j = pts.length - 2; i < pts.length - 1; j = i++) {
      const a = pts[i], b = pts[j];
      if (a[1] > py !== b[1] > py && px < ((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
    if (inside) parity.set(ring.owner, (parity.get(ring.owner) ?? 0) ^ 1);
    return false;
  });
  for (const v of parity.values()) if (v === 1) return true;
  return false;
}

/** The area's rings as plain edges, for "stays inside the area" tests. */
export function areaEdges(area: MultiPolygonXY): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const poly of area) for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) out.push([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]]);
  return out;
}
