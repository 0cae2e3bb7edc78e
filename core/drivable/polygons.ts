import ClipperLib from 'clipper-lib';
import type { XY } from '../geometry/local-frame.js';

/**
 * Polygon types and clipper-lib helpers in local metres. Clipper works on integers, so every
 * coordinate is scaled to whole millimetres (`MM_PER_M`): offsets and booleans are then exact to
 * the millimetre (scene-format.md, "Measurement conventions").
 */

/** A closed ring (first position repeated last), local metres. */
export type RingXY = XY[];
/** A polygon: outer ring (counter-clockwise) then holes (clockwise), like GeoJSON. */
export type PolygonXY = RingXY[];
/** Several polygons, like GeoJSON MultiPolygon coordinates. */
export type MultiPolygonXY = PolygonXY[];

export const MM_PER_M = 1000;
/** Largest gap between a true arc and its chords when clipper rounds a corner: 5 mm. */
export const ARC_TOLERANCE_M = 0.005;

type Path = ClipperLib.Path;
type Paths = ClipperLib.Paths;

export function toPath(ring: readonly (readonly number[])[]): Path {
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  const out: Path = [];
  for (let i = 0; i < n; i++) out.push({ X: Math.round(ring[i][0] * MM_PER_M), Y: Math.round(ring[i][1] * MM_PER_M) });
  return out;
}

export function toOpenPath(line: readonly (readonly number[])[]): Path {
  return line.map((p) => ({ X: Math.round(p[0] * MM_PER_M), Y: Math.round(p[1] * MM_PER_M) }));
}

/** Outer rings turned counter-clockwise and holes clockwise, so non-zero filling reads them right. */
export function multiPolygonToPaths(mp: MultiPolygonXY): Paths {
  const out: Paths = [];
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      const path = toPath(ring);
      if (path.length < 3) return;
      if (ClipperLib.Clipper.Orientation(path) !== (i === 0)) path.reverse();
      out.push(path);
    });
  }
  return out;
}

function pathToRing(path: Path): RingXY {
  const ring: RingXY = path.map((p) => [p.X / MM_PER_M, p.Y / MM_PER_M]);
  if (ring.length > 0) ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Clipper's tree of outers and holes → polygons with GeoJSON orientation, in a stable order. */
export function polyTreeToMultiPolygon(tree: ClipperLib.PolyTree): MultiPolygonXY {
  return exPolygonsToMultiPolygon(ClipperLib.JS.PolyTreeToExPolygons(tree) as ExPath[]);
}

/** An outer path with its holes, in clipper millimetres (either orientation). */
export interface ExPath {
  outer: Path;
  holes: Path[];
}

/** Outer/holes paths → polygons with GeoJSON orientation, in the given order. */
export function exPolygonsToMultiPolygon(ex: readonly ExPath[]): MultiPolygonXY {
  const out: MultiPolygonXY = [];
  for (const e of ex) {
    if (e.outer.length < 3) continue;
    const outer = e.outer.slice();
    if (!ClipperLib.Clipper.Orientation(outer)) outer.reverse();
    const holes = e.holes.filter((h) => h.length >= 3).map((h) => {
      const hole = h.slice();
      if (ClipperLib.Clipper.Orientation(hole)) hole.reverse();
      return pathToRing(hole);
    });
    out.push([pathToRing(outer), ...holes]);
  }
  return out;
}

function executeTree(clipType: ClipperLib.ClipType, subject: Paths, clip: Paths): ClipperLib.PolyTree {
  const c = new ClipperLib.Clipper();
  c.AddPaths(subject, ClipperLib.PolyType.ptSubject, true);
  if (clip.length > 0) c.AddPaths(clip, ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(clipType, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return tree;
}

function executePaths(clipType: ClipperLib.ClipType, subject: Paths, clip: Paths): Paths {
  const c = new ClipperLib.Clipper();
  c.AddPaths(subject, ClipperLib.PolyType.ptSubject, true);
  if (clip.length > 0) c.AddPaths(clip, ClipperLib.PolyType.ptClip, true);
  const out: Paths = [];
  c.Execute(clipType, out, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return out;
}

export function unionPaths(paths: Paths): Paths {
  return executePaths(ClipperLib.ClipType.ctUnion, paths, []);
}

export function differenceTree(subject: Paths, clip: Paths): ClipperLib.PolyTree {
  return executeTree(ClipperLib.ClipType.ctDifference, subject, clip);
}

export function intersectionPaths(subject: Paths, clip: Paths): Paths {
  return executePaths(ClipperLib.ClipType.ctIntersection, subject, clip);
}

/**
 * Grows closed polygons and open lines by `deltaM` with round joins and round line ends: the
 * Minkowski sum with a disc, i.e. every point within `deltaM` of the input.
 */
export function growPaths(closed: Paths, open: Paths, deltaM: number): Paths {
  const co = new ClipperLib.ClipperOffset(2, ARC_TOLERANCE_M * MM_PER_M);
  if (closed.length > 0) co.AddPaths(closed, ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
  if (open.length > 0) co.AddPaths(open, ClipperLib.JoinType.jtRound, ClipperLib.EndType.etOpenRound);
  const out: Paths = [];
  co.Execute(out, deltaM * MM_PER_M);
  return out;
}

/**
 * Grows each group separately and returns the pieces side by side (overlapping, to be read with
 * non-zero filling). Offsetting everything at once makes clipper union thousands of pieces in
 * one sweep, which is far slower than letting the following boolean do it.
 */
export function growGroups(groups: { closed: Paths; open: Paths; deltaM: number }[]): Paths {
  const out: Paths = [];
  for (const g of groups) for (const item of growPaths(g.closed, g.open, g.deltaM)) out.push(item);
  return out;
}

export function growTree(paths: Paths, deltaM: number): ClipperLib.PolyTree {
  const co = new ClipperLib.ClipperOffset(2, ARC_TOLERANCE_M * MM_PER_M);
  co.AddPaths(paths, ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
  const tree = new ClipperLib.PolyTree();
  co.Execute(tree, deltaM * MM_PER_M);
  return tree;
}

/** Ray-crossing test with holes; points on an edge count as inside. */
export function pointInPolygon(p: readonly number[], poly: PolygonXY): boolean {
  if (!pointInRing(p, poly[0])) return false;
  for (let i = 1; i < poly.length; i++) if (pointInRing(p, poly[i]) && !pointOnRing(p, poly[i])) return false;
  return true;
}

export function pointInMultiPolygon(p: readonly number[], mp: MultiPolygonXY): boolean {
  return mp.some((poly) => pointInPolygon(p, poly));
}

function pointOnRing(p: readonly number[], ring: RingXY): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i], b = ring[i + 1];
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (Math.abs(cross) > 1e-9 * Math.max(1, Math.hypot(b[0] - a[0], b[1] - a[1]))) continue;
    if (p[0] >= Math.min(a[0], b[0]) - 1e-9 && p[0] <= Math.max(a[0], b[0]) + 1e-9 && p[1] >= Math.min(a[1], b[1]) - 1e-9 && p[1] <= Math.max(a[1], b[1]) + 1e-9) return true;
  }
  return false;
}

function pointInRing(p: readonly number[], ring: RingXY): boolean {
  if (pointOnRing(p, ring)) return true;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i], b = ring[j];
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Area of polygons in m² (holes subtracted). */
export function multiPolygonAreaM2(mp: MultiPolygonXY): number {
  let a = 0;
  for (const poly of mp) for (const ring of poly) a += ringSignedArea(ring);
  return a;
}

function ringSignedArea(ring: RingXY): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** The rings of a clipper tree as plain paths (outers and holes, orientation kept). */
export function polyTreeToPaths(tree: ClipperLib.PolyTree): Paths {
  return ClipperLib.Clipper.PolyTreeToPaths(tree);
}
