import ClipperLib from 'clipper-lib';
import Flatbush from 'flatbush';
import type { XY } from '../geometry/local-frame.js';

/**
 * Polygon booleans and offsets in the local frame, via clipper-lib on integer millimetres
 * (scene-format.md: exact to the millimetre at district scale). A polygon is its outer ring
 * followed by its holes, in metres; a region is a list of polygons.
 */
export type LocalPolygon = XY[][];
export type Region = LocalPolygon[];

/** Clipper works on integers: 1 unit = 1 mm. */
const MM_PER_M = 1000;

/**
 * Round joins are polylines; their chord error (arc tolerance) relative to the offset distance
 * bounds the area error of a circle at 4/3 of it (inscribed n-gon: 1 − A/πr² ≈ θ²/6 with the
 * sagitta s = r·θ²/8), so 5e-4·r gives ≈0.07 % — the brief asks for < 0.5 %.
 */
export const ARC_TOLERANCE_RATIO = 5e-4;

type Path = ClipperLib.Path;
type Paths = ClipperLib.Paths;

function toPath(ring: readonly XY[]): Path {
  const path: Path = [];
  const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) path.push({ X: Math.round(ring[i][0] * MM_PER_M), Y: Math.round(ring[i][1] * MM_PER_M) });
  return path;
}

function toRing(path: Path): XY[] {
  const ring: XY[] = path.map((p) => [p.X / MM_PER_M, p.Y / MM_PER_M] as XY);
  if (ring.length > 0) ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

function regionToPaths(region: Region): Paths {
  const paths: Paths = [];
  for (const polygon of region) for (const ring of polygon) if (ring.length >= 3) paths.push(toPath(ring));
  return paths;
}

function treeToRegion(tree: ClipperLib.PolyTree): Region {
  return ClipperLib.JS.PolyTreeToExPolygons(tree).map((ex) => [toRing(ex.outer), ...ex.holes.map(toRing)]);
}

/** The union of regions, outer rings counter-clockwise, holes clockwise, closed. */
export function union(...regions: Region[]): Region {
  const c = new ClipperLib.Clipper();
  for (const r of regions) c.AddPaths(regionToPaths(r), ClipperLib.PolyType.ptSubject, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctUnion, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return treeToRegion(tree);
}

function boolean(type: ClipperLib.ClipType, a: Region, b: Region): Region {
  const c = new ClipperLib.Clipper();
  c.AddPaths(regionToPaths(a), ClipperLib.PolyType.ptSubject, true);
  c.AddPaths(regionToPaths(b), ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(type, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return treeToRegion(tree);
}

export const intersection = (a: Region, b: Region): Region => boolean(ClipperLib.ClipType.ctIntersection, a, b);
export const difference = (a: Region, b: Region): Region => boolean(ClipperLib.ClipType.ctDifference, a, b);

/**
 * A region grown (distance > 0) or shrunk (< 0) by `distanceM`, round joins: the Minkowski sum with
 * a disc, i.e. every point within the distance (a polygon buffer). Arcs deviate from the true circle
 * by `arcToleranceM` at most (default: ARC_TOLERANCE_RATIO of the distance, at least 1 mm).
 */
export function offsetRegion(region: Region, distanceM: number, arcToleranceM?: number): Region {
  if (distanceM === 0) return union(region);
  const toleranceMm = arcToleranceM !== undefined ? arcToleranceM * MM_PER_M : Math.abs(distanceM) * MM_PER_M * ARC_TOLERANCE_RATIO;
  const o = new ClipperLib.ClipperOffset(2, Math.max(1, toleranceMm));
  // Clean orientation first so holes shrink when the outline grows.
  o.AddPaths(regionToPaths(union(region)), ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
  const tree = new ClipperLib.PolyTree();
  o.Execute(tree, distanceM * MM_PER_M);
  return treeToRegion(tree);
}

/** Every point within `distanceM` of a polyline (round caps and joins). */
export function bufferLine(line: readonly XY[], distanceM: number, arcToleranceM?: number): Region {
  if (!(distanceM > 0)) throw new Error(`line buffer distance must be positive, got ${distanceM}`);
  const toleranceMm = arcToleranceM !== undefined ? arcToleranceM * MM_PER_M : distanceM * MM_PER_M * ARC_TOLERANCE_RATIO;
  const o = new ClipperLib.ClipperOffset(2, Math.max(1, toleranceMm));
  const path = line.map((p) => ({ X: Math.round(p[0] * MM_PER_M), Y: Math.round(p[1] * MM_PER_M) }));
  o.AddPath(path, ClipperLib.JoinType.jtRound, ClipperLib.EndType.etOpenRound);
  const tree = new ClipperLib.PolyTree();
  o.Execute(tree, distanceM * MM_PER_M);
  return treeToRegion(tree);
}

/** A disc of radius `radiusM` around a point, with the same arc tolerance as the offsets. */
export function disc(centre: XY, radiusM: number): Region {
  return bufferLine([centre, centre], radiusM);
}

/** Signed area of a ring, m² (positive counter-clockwise; shoelace). */
export function ringAreaM2(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Area of a region, m² (holes subtracted). */
export function regionAreaM2(region: Region): number {
  let s = 0;
  for (const polygon of region) polygon.forEach((ring, i) => (s += i === 0 ? Math.abs(ringAreaM2(ring)) : -Math.abs(ringAreaM2(ring))));
  return s;
}

/** True when a point lies inside a polygon (outer ring minus holes); points on an edge count as inside. */
export function pointInPolygon(point: XY, polygon: LocalPolygon): boolean {
  const pt = { X: Math.round(point[0] * MM_PER_M), Y: Math.round(point[1] * MM_PER_M) };
  const paths = polygonPaths(polygon);
  if (ClipperLib.Clipper.PointInPolygon(pt, paths[0]) === 0) return false;
  const holes = holeIndex(polygon);
  if (holes) {
    for (const i of holes.search(pt.X, pt.Y, pt.X, pt.Y)) if (ClipperLib.Clipper.PointInPolygon(pt, paths[i + 1]) === 1) return false;
    return true;
  }
  for (let i = 1; i < paths.length; i++) if (ClipperLib.Clipper.PointInPolygon(pt, paths[i]) === 1) return false;
  return true;
}

/** Boxes of a polygon's holes (millimetres), indexed once, for polygons with many holes. */
const holeIndexes = new WeakMap<LocalPolygon, Flatbush>();
const INDEX_HOLES = 16;
function holeIndex(polygon: LocalPolygon): Flatbush | null {
  if (polygon.length - 1 < INDEX_HOLES) return null;
  let index = holeIndexes.get(polygon);
  if (!index) {
    const paths = polygonPaths(polygon);
    index = new Flatbush(paths.length - 1);
    for (let i = 1; i < paths.length; i++) {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const q of paths[i]) {
        if (q.X < minX) minX = q.X;
        if (q.X > maxX) maxX = q.X;
        if (q.Y < minY) minY = q.Y;
        if (q.Y > maxY) maxY = q.Y;
      }
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
    holeIndexes.set(polygon, index);
  }
  return index;
}

/** Clipper paths of a polygon, converted once per polygon (a district space has 5,000 holes). */
const pathCache = new WeakMap<LocalPolygon, Path[]>();
function polygonPaths(polygon: LocalPolygon): Path[] {
  let paths = pathCache.get(polygon);
  if (!paths) {
    paths = polygon.map(toPath);
    pathCache.set(polygon, paths);
  }
  return paths;
}

export const pointInRegion = (point: XY, region: Region): boolean => region.some((p) => pointInPolygon(point, p));

/** [minX, minY, maxX, maxY] of rings. */
export function ringsBounds(rings: readonly (readonly XY[])[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of rings) {
    for (const p of r) {
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  return [minX, minY, maxX, maxY];
}

const overlaps = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The part of a region that can matter inside a window: polygons whose outline meets the window's
 * bounds, each with only the holes that meet them. Intersecting with the window gives the same
 * result as the whole region, at the cost of the few rings near it (a district's reachable space
 * has thousands of building holes).
 */
export function regionNear(region: Region, window: Region): Region {
  const w = ringsBounds(window.map((p) => p[0]));
  const out: Region = [];
  for (const polygon of region) {
    if (!overlaps(ringsBounds([polygon[0]]), w)) continue;
    out.push([polygon[0], ...polygon.slice(1).filter((hole) => overlaps(ringsBounds([hole]), w))]);
  }
  return out;
}

/**
 * The union of many clean regions that mostly do not touch (a district's buildings): only groups
 * whose bounding boxes overlap go through clipper, the rest pass as they are. One clipper union of
 * thousands of separate polygons is far slower than thousands of tiny ones.
 */
export function unionMostlyDisjoint(parts: readonly Region[]): Region {
  const polygons = parts.flat();
  const n = polygons.length;
  if (n === 0) return [];
  const boxes = polygons.map((p) => ringsBounds([p[0]]));
  const index = new Flatbush(n);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  const parent = polygons.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++) {
    for (const j of index.search(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3])) {
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, LocalPolygon[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(polygons[i]);
    else groups.set(root, [polygons[i]]);
  }
  const out: Region = [];
  for (const g of groups.values()) for (const item of (g.length === 1 ? g : union(g))) out.push(item);
  return out;
}
