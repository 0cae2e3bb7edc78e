import Flatbush from 'flatbush';
import type { XY } from '../geometry/local-frame.js';
import { pointInRegion, type Region } from './polygon-ops.js';

/** Segments as flat arrays: x1, y1, x2, y2 per segment. */
function segmentsOf(rings: readonly (readonly XY[])[]): Float64Array {
  let n = 0;
  for (const r of rings) n += Math.max(0, r.length - 1);
  const out = new Float64Array(n * 4);
  let k = 0;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      out[k++] = r[i][0];
      out[k++] = r[i][1];
      out[k++] = r[i + 1][0];
      out[k++] = r[i + 1][1];
    }
  }
  return out;
}

function pointSegmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function segmentsCross(s: Float64Array, i: number, t: Float64Array, j: number): boolean {
  const [ax, ay, bx, by] = [s[i], s[i + 1], s[i + 2], s[i + 3]];
  const [cx, cy, dx, dy] = [t[j], t[j + 1], t[j + 2], t[j + 3]];
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Exact distance between two segments: 0 when they cross, else the least endpoint-to-segment distance. */
function segmentDistance(s: Float64Array, i: number, t: Float64Array, j: number): number {
  if (segmentsCross(s, i, t, j)) return 0;
  return Math.sqrt(
    Math.min(
      pointSegmentDistance2(s[i], s[i + 1], t[j], t[j + 1], t[j + 2], t[j + 3]),
      pointSegmentDistance2(s[i + 2], s[i + 3], t[j], t[j + 1], t[j + 2], t[j + 3]),
      pointSegmentDistance2(t[j], t[j + 1], s[i], s[i + 1], s[i + 2], s[i + 3]),
      pointSegmentDistance2(t[j + 2], t[j + 3], s[i], s[i + 1], s[i + 2], s[i + 3]),
    ),
  );
}

/** The rings of a region (outer rings and holes alike: distance is between boundaries). */
const ringsOf = (region: Region): XY[][] => region.flat();

/**
 * The least distance, m, between two sets of polylines (closed rings repeat their first point):
 * exact segment-to-segment, not vertex-to-vertex. Infinity when either is empty. A flatbush index
 * on the larger set keeps it near O(n log n) for a district's worth of edges.
 */
export function polylineDistanceM(a: readonly (readonly XY[])[], b: readonly (readonly XY[])[]): number {
  const sa = segmentsOf(a);
  const sb = segmentsOf(b);
  if (sa.length === 0 || sb.length === 0) return Infinity;
  return sa.length > sb.length ? indexedDistance(indexSegments(sa), sb) : indexedDistance(indexSegments(sb), sa);
}

interface IndexedSegments {
  segments: Float64Array;
  index: Flatbush;
}

function indexSegments(sb: Float64Array): IndexedSegments {
  const index = new Flatbush(sb.length / 4);
  for (let j = 0; j < sb.length; j += 4) {
    index.add(Math.min(sb[j], sb[j + 2]), Math.min(sb[j + 1], sb[j + 3]), Math.max(sb[j], sb[j + 2]), Math.max(sb[j + 1], sb[j + 3]));
  }
  index.finish();
  return { segments: sb, index };
}

/**
 * A region's segments indexed once and kept while the region lives: the reachable space of a
 * district is measured against every target, and indexing its 100,000 edges dominates otherwise.
 */
const regionIndexes = new WeakMap<Region, IndexedSegments>();
function regionIndex(region: Region): IndexedSegments {
  let found = regionIndexes.get(region);
  if (!found) {
    found = indexSegments(segmentsOf(ringsOf(region)));
    regionIndexes.set(region, found);
  }
  return found;
}

/** Regions with more segments than this are indexed once and cached. */
const CACHE_SEGMENTS = 2000;

function indexedDistance(indexed: IndexedSegments, sa: Float64Array): number {
  const { segments: sb, index } = indexed;
  if (sb.length === 0 || sa.length === 0) return Infinity;
  // Start from the nearest box to one vertex: a finite bound prunes every later window search.
  let best = Infinity;
  for (const j of index.neighbors(sa[0], sa[1], 1)) best = Math.min(best, segmentDistance(sa, 0, sb, j * 4));
  for (let i = 0; i < sa.length && best > 0; i += 4) {
    const ids = index.search(
      Math.min(sa[i], sa[i + 2]) - best,
      Math.min(sa[i + 1], sa[i + 3]) - best,
      Math.max(sa[i], sa[i + 2]) + best,
      Math.max(sa[i + 1], sa[i + 3]) + best,
    );
    for (const j of ids) {
      const d = segmentDistance(sa, i, sb, j * 4);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * The least distance, m, between two regions: 0 where they touch or overlap (one inside the
 * other included), else the exact distance between their boundaries. Infinity when either is empty.
 */
export function regionDistanceM(a: Region, b: Region): number {
  if (a.length === 0 || b.length === 0) return Infinity;
  for (const p of a) if (pointInRegion(p[0][0], b)) return 0;
  for (const p of b) if (pointInRegion(p[0][0], a)) return 0;
  return regionBoundaryDistance(a, ringsOf(b));
}

function regionBoundaryDistance(region: Region, lines: readonly (readonly XY[])[]): number {
  const other = segmentsOf(lines);
  const mine = regionIndexes.get(region);
  if (mine) return indexedDistance(mine, other);
  const count = region.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  if (count > CACHE_SEGMENTS && count > other.length / 4) return indexedDistance(regionIndex(region), other);
  return polylineDistanceM(ringsOf(region), lines);
}

/** Distance, m, from a region to polylines: 0 where a line enters the region. */
export function regionLineDistanceM(region: Region, lines: readonly (readonly XY[])[]): number {
  if (region.length === 0 || lines.length === 0) return Infinity;
  for (const l of lines) if (l.length > 0 && pointInRegion(l[0], region)) return 0;
  return regionBoundaryDistance(region, lines);
}
