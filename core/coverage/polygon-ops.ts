import ClipperLib from 'clipper-lib';
import type { XY } from '../geometry/local-frame.js';

/**
 * Polygon set operations with Clipper (Vatti clipping on integers): coordinates in whole
 * millimetres of the local frame, the 1 mm snap that keeps unions and differences robust where
 * floating-point clippers fail on near-duplicate vertices (cctv.md §4, turf issues 2549/1980).
 */
export type Path = ClipperLib.IntPoint[];
export type Paths = Path[];

export const MM_PER_M = 1000;

export function ringToPath(ring: readonly (readonly number[])[], scale = MM_PER_M): Path {
  return ring.map((p) => ({ X: Math.round(p[0] * scale), Y: Math.round(p[1] * scale) }));
}

/** A flat [x0, y0, x1, y1, …] ring already in millimetres. */
export function flatToPath(flat: readonly number[]): Path {
  const out: Path = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ X: Math.round(flat[i]), Y: Math.round(flat[i + 1]) });
  return out;
}

function run(op: ClipperLib.ClipType, subject: Paths, clip: Paths, subjectFill: ClipperLib.PolyFillType, clipFill: ClipperLib.PolyFillType): Paths {
  const c = new ClipperLib.Clipper();
  c.AddPaths(subject, ClipperLib.PolyType.ptSubject, true);
  if (clip.length) c.AddPaths(clip, ClipperLib.PolyType.ptClip, true);
  const out: Paths = [];
  c.Execute(op, out, subjectFill, clipFill);
  return out;
}

const NZ = ClipperLib.PolyFillType.pftNonZero;

/** (∪ subject) ∩ (∪ clip), non-zero fill (overlapping parts of either side allowed). */
export function intersectPaths(subject: Paths, clip: Paths): Paths {
  if (!subject.length || !clip.length) return [];
  return run(ClipperLib.ClipType.ctIntersection, subject, clip, NZ, NZ);
}

export function unionPaths(subject: Paths): Paths {
  if (!subject.length) return [];
  return run(ClipperLib.ClipType.ctUnion, subject, [], NZ, NZ);
}

export function differencePaths(subject: Paths, clip: Paths): Paths {
  if (!subject.length) return [];
  if (!clip.length) return unionPaths(subject);
  return run(ClipperLib.ClipType.ctDifference, subject, clip, NZ, NZ);
}

/** Signed shoelace area of a path in mm² (counter-clockwise positive, y north). */
export function pathAreaMm2(p: Path): number {
  let s = 0;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) s += (p[j].X + p[i].X) * (p[i].Y - p[j].Y);
  return s / 2;
}

/** Net area in m² of a Clipper solution (outer rings and holes have opposite signs). */
export function pathsAreaM2(paths: Paths): number {
  let s = 0;
  for (const p of paths) s += pathAreaMm2(p);
  return Math.abs(s) / (MM_PER_M * MM_PER_M);
}

/**
 * The region covered by at least two of `regions` (each a non-self-overlapping Clipper solution),
 * intersected with `zone`: every region is made counter-clockwise-positive, one big clockwise
 * square lowers every winding number by one, and the positive fill keeps winding ≥ 1, i.e. the
 * original count ≥ 2 (Murray et al.'s backup coverage, cctv.md §5).
 */
export function atLeastTwoPaths(regions: Paths[], zone: Paths): Paths {
  if (regions.length < 2 || !zone.length) return [];
  const subject: Paths = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of regions) {
    for (const p of r) {
      subject.push(p);
      for (const q of p) {
        if (q.X < minX) minX = q.X;
        if (q.X > maxX) maxX = q.X;
        if (q.Y < minY) minY = q.Y;
        if (q.Y > maxY) maxY = q.Y;
      }
    }
  }
  if (!subject.length) return [];
  // Align the big square against the regions' outer rings, whatever orientation they carry.
  const outerSign = Math.sign(pathAreaMm2(largestPath(subject)));
  const square: Path = [
    { X: minX - 1, Y: minY - 1 },
    { X: maxX + 1, Y: minY - 1 },
    { X: maxX + 1, Y: maxY + 1 },
    { X: minX - 1, Y: maxY + 1 },
  ];
  if (outerSign > 0) square.reverse();
  const fill = outerSign > 0 ? ClipperLib.PolyFillType.pftPositive : ClipperLib.PolyFillType.pftNegative;
  return run(ClipperLib.ClipType.ctIntersection, [...subject, square], zone, fill, NZ);
}

function largestPath(paths: Paths): Path {
  let best = paths[0];
  let bestA = 0;
  for (const p of paths) {
    const a = Math.abs(pathAreaMm2(p));
    if (a > bestA) {
      bestA = a;
      best = p;
    }
  }
  return best;
}

/** Length in metres of the parts of open polylines `lines` inside the union of `regions`. */
export function lengthInsideM(lines: Paths, regions: Paths): number {
  if (!lines.length || !regions.length) return 0;
  const c = new ClipperLib.Clipper();
  for (const l of lines) c.AddPath(l, ClipperLib.PolyType.ptSubject, false);
  c.AddPaths(regions, ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctIntersection, tree, NZ, NZ);
  let mm = 0;
  for (const p of ClipperLib.Clipper.OpenPathsFromPolyTree(tree)) {
    for (let i = 1; i < p.length; i++) mm += Math.hypot(p[i].X - p[i - 1].X, p[i].Y - p[i - 1].Y);
  }
  return mm / MM_PER_M;
}

export function pathLengthM(p: Path, closed: boolean): number {
  let mm = 0;
  for (let i = 1; i < p.length; i++) mm += Math.hypot(p[i].X - p[i - 1].X, p[i].Y - p[i - 1].Y);
  if (closed && p.length > 1) mm += Math.hypot(p[0].X - p[p.length - 1].X, p[0].Y - p[p.length - 1].Y);
  return mm / MM_PER_M;
}

/**
 * Paths → polygons (outer ring + holes, metres, rings closed, outer counter-clockwise and holes
 * clockwise as RFC 7946 asks), sorted largest first, then by first vertex, for stable output.
 */
export function pathsToPolygons(paths: Paths): XY[][][] {
  if (!paths.length) return [];
  const c = new ClipperLib.Clipper();
  c.AddPaths(paths, ClipperLib.PolyType.ptSubject, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctUnion, tree, NZ, NZ);
  const polys: { area: number; rings: XY[][] }[] = [];
  const toRing = (p: Path, wantPositive: boolean): XY[] => {
    const positive = pathAreaMm2(p) > 0;
    const pts = p.map((q) => [q.X / MM_PER_M, q.Y / MM_PER_M] as XY);
    if (positive !== wantPositive) pts.reverse();
    pts.push([pts[0][0], pts[0][1]]);
    return pts;
  };
  const visit = (node: ClipperLib.PolyNode) => {
    for (const outer of node.Childs()) {
      const rings = [toRing(outer.Contour(), true)];
      let area = Math.abs(pathAreaMm2(outer.Contour()));
      for (const hole of outer.Childs()) {
        rings.push(toRing(hole.Contour(), false));
        area -= Math.abs(pathAreaMm2(hole.Contour()));
        visit(hole);
      }
      polys.push({ area, rings });
    }
  };
  visit(tree);
  polys.sort((a, b) => b.area - a.area || a.rings[0][0][0] - b.rings[0][0][0] || a.rings[0][0][1] - b.rings[0][0][1]);
  return polys.map((p) => p.rings);
}
