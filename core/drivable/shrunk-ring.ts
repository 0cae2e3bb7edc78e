import ClipperLib from 'clipper-lib';
import type { XY } from '../geometry/local-frame.js';
import { MM_PER_M, polyTreeToMultiPolygon, toPath, type MultiPolygonXY } from './polygons.js';

/**
 * The points of a ring's inside at least `radiusM` from its edge (the ring shrunk by r). A convex
 * ring — most holes: a building, or a barrier ring, grown by half a vehicle's width — shrinks to
 * the intersection of its edges' half-planes moved in by r, exactly and with no arcs (an inward
 * offset of a convex polygon has none); any other ring goes through clipper's round offset.
 */
export function shrunkRing(ring: readonly XY[], radiusM: number, arcToleranceM: number): MultiPolygonXY {
  const convex = convexCounterClockwise(ring);
  if (!convex) {
    // Clipper's round offset wants the ring counter-clockwise to shrink it.
    const path = toPath(ring);
    if (!ClipperLib.Clipper.Orientation(path)) path.reverse();
    const o = new ClipperLib.ClipperOffset(2, Math.max(1, arcToleranceM * MM_PER_M));
    o.AddPath(path, ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
    const tree = new ClipperLib.PolyTree();
    o.Execute(tree, -radiusM * MM_PER_M);
    return polyTreeToMultiPolygon(tree);
  }
  let poly: XY[] = convex;
  const n = convex.length;
  for (let i = 0; i < n && poly.length > 0; i++) {
    const a = convex[i], b = convex[(i + 1) % n];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    // Inside of a counter-clockwise ring is on the left: keep n·(p − a) ≥ r, n the left normal.
    const nx = -(b[1] - a[1]) / len, ny = (b[0] - a[0]) / len;
    poly = clipHalfPlane(poly, (p) => nx * (p[0] - a[0]) + ny * (p[1] - a[1]) - radiusM);
  }
  if (poly.length < 3) return [];
  return [[[...poly, [poly[0][0], poly[0][1]]]]];
}

/** Sutherland–Hodgman: the part of a convex polygon (open ring) where `side(p) ≥ 0`. */
function clipHalfPlane(poly: readonly XY[], side: (p: XY) => number): XY[] {
  const out: XY[] = [];
  for (let i = 0, n = poly.length; i < n; i++) {
    const p = poly[i], q = poly[(i + 1) % n];
    const sp = side(p), sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * The ring as an open counter-clockwise list of vertices when it is convex (collinear vertices
 * allowed), else null. Tested on whole millimetres, as clipper left them, so the signs are exact.
 */
function convexCounterClockwise(ring: readonly XY[]): XY[] | null {
  const closed = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  const pts = closed ? ring.slice(0, -1) : ring.slice();
  const n = pts.length;
  if (n < 3) return null;
  const mm = pts.map((p) => [Math.round(p[0] * 1000), Math.round(p[1] * 1000)]);
  let sign = 0;
  for (let i = 0; i < n; i++) {
    const a = mm[i], b = mm[(i + 1) % n], c = mm[(i + 2) % n];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return null;
  }
  if (sign === 0) return null;
  // Turning one way at every vertex is not enough (a star turns one way too): the edges must go round once.
  let turn = 0;
  for (let i = 0; i < n; i++) {
    const a = mm[i], b = mm[(i + 1) % n], c = mm[(i + 2) % n];
    turn += Math.atan2((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]), (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]));
  }
  if (Math.abs(Math.abs(turn) - 2 * Math.PI) > 1e-6) return null;
  return sign > 0 ? pts : pts.reverse();
}
