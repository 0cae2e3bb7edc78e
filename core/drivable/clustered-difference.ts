import ClipperLib from 'clipper-lib';
import Flatbush from 'flatbush';
import { exPolygonsToMultiPolygon, type ExPath, type MultiPolygonXY } from './polygons.js';

type Path = ClipperLib.Path;
type Paths = ClipperLib.Paths;
type Box = [number, number, number, number];

function pathsBox(paths: Paths): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of paths) {
    for (const q of p) {
      if (q.X < minX) minX = q.X;
      if (q.X > maxX) maxX = q.X;
      if (q.Y < minY) minY = q.Y;
      if (q.Y > maxY) maxY = q.Y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Groups whose boxes overlap or touch, transitively: pieces of different clusters cannot meet. */
export function overlapClusters(boxes: readonly (readonly [number, number, number, number])[]): number[][] {
  const n = boxes.length;
  const index = new Flatbush(n);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  const parent = boxes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < n; i++) {
    for (const j of index.search(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3])) {
      const a = find(i), b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = byRoot.get(r);
    if (g) g.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()];
}

function unionTree(paths: Paths): ClipperLib.PolyTree {
  const c = new ClipperLib.Clipper();
  c.AddPaths(paths, ClipperLib.PolyType.ptSubject, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctUnion, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return tree;
}

function differenceTree(subject: Paths, clip: Paths): ClipperLib.PolyTree {
  const c = new ClipperLib.Clipper();
  c.AddPaths(subject, ClipperLib.PolyType.ptSubject, true);
  if (clip.length > 0) c.AddPaths(clip, ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctDifference, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return tree;
}

/**
 * `area` minus the union of `groups` (clipper paths in millimetres, each read with non-zero
 * filling; a group of one counter-clockwise path must be simple, as clipper's outputs are), as polygons: the same point set as one clipper difference of everything, computed
 * cluster by cluster.
 *
 * Why: clipper's sweep keeps every edge that crosses the current scan line active, so one boolean
 * over a district (5,000 buildings, ~70 across any scan line) costs about (vertices × buildings
 * across): 1–2 s per vehicle width. Obstacles whose boxes do not overlap cannot meet, so each
 * cluster of overlapping boxes is unioned alone; a cluster whose box meets no edge of the area is
 * wholly inside or wholly outside it, so its outlines become holes of the free polygon around it
 * (innermost containing outline; a cluster's own holes are free islands, nested obstacles their
 * holes). Only clusters near the area's edge go through one (small) difference with the area.
 * Polygons come out in a fixed order (deterministic), not in clipper's sweep order.
 */
export function clusteredDifference(area: Paths, groups: readonly Paths[]): MultiPolygonXY {
  const live = groups.filter((g) => g.some((p) => p.length >= 3));
  const boxes = live.map(pathsBox);
  const areaSegments: Box[] = [];
  const areaEdges: Box[] = [];
  for (const p of area) for (let i = 0; i < p.length; i++) {
    const a = p[i], b = p[(i + 1) % p.length];
    areaSegments.push([Math.min(a.X, b.X), Math.min(a.Y, b.Y), Math.max(a.X, b.X), Math.max(a.Y, b.Y)]);
    areaEdges.push([a.X, a.Y, b.X, b.Y]);
  }
  if (areaSegments.length === 0) return [];
  const edgeIndex = new Flatbush(areaSegments.length);
  for (const s of areaSegments) edgeIndex.add(s[0], s[1], s[2], s[3]);
  edgeIndex.finish();

  const boundary: Paths = [];
  const inner: Path[] = [];
  const free: ExPath[] = [];
  for (const members of live.length > 0 ? overlapClusters(boxes) : []) {
    const paths = members.flatMap((i) => live[i]);
    const box = members.map((i) => boxes[i]).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    if (edgeIndex.search(box[0], box[1], box[2], box[3], (i) => segmentMeetsBox(areaEdges[i], box)).length > 0) {
      boundary.push(...paths);
      continue;
    }
    // Off the area's edges: one vertex tells whether the whole cluster is inside the area.
    if (!insideNonZero(paths[0][0], area)) continue;
    // One counter-clockwise path (a grown building, say) is already its own clean union.
    if (paths.length === 1 && ClipperLib.Clipper.Orientation(paths[0])) {
      inner.push(paths[0]);
      continue;
    }
    for (const blob of unionTree(paths).Childs()) {
      inner.push(blob.Contour());
      collectIslands(blob, free);
    }
  }
  const base = ClipperLib.JS.PolyTreeToExPolygons(differenceTree(area, boundary)) as ExPath[];
  const all = [...base, ...free];

  // Each obstacle outline becomes a hole of the innermost free polygon around it.
  if (inner.length > 0 && all.length > 0) {
    const outerBoxes = all.map((e) => pathsBox([e.outer]));
    const index = new Flatbush(all.length);
    for (const b of outerBoxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
    const areas = all.map((e) => Math.abs(ClipperLib.Clipper.Area(e.outer)));
    for (const blob of inner) {
      const pt = blob[0];
      let best = -1;
      for (const j of index.search(pt.X, pt.Y, pt.X, pt.Y)) {
        if (ClipperLib.Clipper.PointInPolygon(pt, all[j].outer) === 0) continue;
        if (best < 0 || areas[j] < areas[best] || (areas[j] === areas[best] && j < best)) best = j;
      }
      if (best >= 0) all[best].holes.push(blob);
    }
  }
  return exPolygonsToMultiPolygon(all);
}

/**
 * Whether segment (x1, y1)–(x2, y2) meets a closed box: a long diagonal edge of a turned analysis
 * area has a box covering half the area, but passes by most clusters in it.
 */
function segmentMeetsBox(s: Box, box: Box): boolean {
  const [x1, y1, x2, y2] = s;
  // Liang–Barsky: clip the segment's parameter range to each slab of the box.
  let t0 = 0, t1 = 1;
  const dx = x2 - x1, dy = y2 - y1;
  const slabs: [number, number][] = [[-dx, x1 - box[0]], [dx, box[2] - x1], [-dy, y1 - box[1]], [dy, box[3] - y1]];
  for (const [p, q] of slabs) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** A blob's holes are free ground: each is a polygon whose holes are the blobs nested in it. */
function collectIslands(blob: ClipperLib.PolyNode, out: ExPath[]): void {
  for (const hole of blob.Childs()) {
    out.push({ outer: hole.Contour(), holes: hole.Childs().map((c) => c.Contour()) });
    for (const nested of hole.Childs()) collectIslands(nested, out);
  }
}

/** Inside paths read with non-zero filling (outers counter-clockwise, holes clockwise). */
function insideNonZero(pt: ClipperLib.IntPoint, paths: Paths): boolean {
  let winding = 0;
  for (const p of paths) if (ClipperLib.Clipper.PointInPolygon(pt, p) !== 0) winding += ClipperLib.Clipper.Orientation(p) ? 1 : -1;
  return winding !== 0;
}
