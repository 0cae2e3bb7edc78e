import ClipperLib from 'clipper-lib';
import Flatbush from 'flatbush';
import type { XY } from '../geometry/local-frame.js';
import { shrunkRing } from '../drivable/shrunk-ring.js';
import { difference, intersection, offsetRegion, ringAreaM2, ringsBounds, union, type Region } from './polygon-ops.js';

type Box = [number, number, number, number];

interface Component {
  outer: XY[];
  box: Box;
  grown?: Region;
}

interface Hole {
  component: number;
  ring: XY[];
  shrunk?: Region;
}

/** A centre space split into outer rings and holes, each grown or shrunk once, when first needed. */
interface BodyIndex {
  components: Component[];
  holes: Hole[];
  holeIndex: Flatbush | null;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Per centre region and radius: the reachable space of a class is shared by every target and threat. */
const indexes = new WeakMap<Region, Map<number, BodyIndex>>();

function bodyIndex(centre: Region, radiusM: number): BodyIndex {
  let byRadius = indexes.get(centre);
  if (!byRadius) indexes.set(centre, (byRadius = new Map()));
  let found = byRadius.get(radiusM);
  if (found) return found;
  const components: Component[] = centre.map((p) => ({ outer: p[0], box: ringsBounds([p[0]]) }));
  const holes: Hole[] = [];
  centre.forEach((p, k) => { for (let i = 1; i < p.length; i++) holes.push({ component: k, ring: p[i] }); });
  let holeIndex: Flatbush | null = null;
  if (holes.length > 0) {
    holeIndex = new Flatbush(holes.length);
    for (const h of holes) {
      const b = ringsBounds([h.ring]);
      holeIndex.add(b[0], b[1], b[2], b[3]);
    }
    holeIndex.finish();
  }
  found = { components, holes, holeIndex };
  byRadius.set(radiusM, found);
  return found;
}

/**
 * The part inside `zone` of `centre` grown by `radiusM` (the Minkowski sum with a disc: where a
 * vehicle's body can be when its centre can be anywhere in `centre`), without growing the whole
 * space. A polygon grown by r is its outer ring grown by r minus each hole shrunk by r: exact,
 * since every point of a hole within r of the hole's edge is within r of the polygon, and every
 * point outside the outer ring is nearest to that ring (core/drivable `growMultiPolygon`). Each ring is
 * grown or shrunk once per space and radius and kept; per zone only the outer rings and holes whose
 * boxes meet it go through clipper. Round joins deviate from the true arc by `arcToleranceM` at most.
 */
export function bodyWithin(centre: Region, radiusM: number, zone: Region, arcToleranceM: number): Region {
  if (!(radiusM > 0)) throw new Error(`body radius must be positive, got ${radiusM}`);
  if (centre.length === 0 || zone.length === 0) return [];
  const index = bodyIndex(centre, radiusM);
  const zb = ringsBounds(zone.map((p) => p[0]));
  const reach: Box = [zb[0] - radiusM, zb[1] - radiusM, zb[2] + radiusM, zb[3] + radiusM];
  const nearHoles = new Map<number, Region>();
  // A shrunk hole lies inside its hole: only holes whose boxes meet the zone can cut it.
  for (const i of index.holeIndex?.search(zb[0], zb[1], zb[2], zb[3]) ?? []) {
    const h = index.holes[i];
    h.shrunk ??= shrunkRing(h.ring, radiusM, arcToleranceM);
    if (h.shrunk.length === 0) continue;
    const list = nearHoles.get(h.component);
    if (list) list.push(...h.shrunk);
    else nearHoles.set(h.component, [...h.shrunk]);
  }
  const pieces: Region[] = [];
  index.components.forEach((c, k) => {
    if (!overlaps(c.box, reach)) return;
    c.grown ??= offsetRegion([[c.outer]], radiusM, arcToleranceM);
    const clipped = intersection(c.grown, zone);
    if (clipped.length === 0) return;
    const cut = nearHoles.get(k);
    const piece = cut ? cutHoles(clipped, cut) : clipped;
    if (piece.length > 0) pieces.push(piece);
  });
  return pieces.length === 1 ? pieces[0] : pieces.length === 0 ? [] : union(...pieces);
}

/**
 * `clipped` minus `holes` (disjoint simple polygons). Holes well inside a lone polygon — no edge of
 * it near their box — are appended as its holes as they are (on whole millimetres, as clipper
 * would leave them); only the few that meet its edge go through a clipper difference. On a
 * district most of the hundreds of buildings in a breach zone are well inside it.
 */
function cutHoles(clipped: Region, holes: Region): Region {
  if (clipped.length !== 1 || clipped[0].length !== 1) return difference(clipped, holes);
  const outer = clipped[0][0];
  const edges = new Flatbush(outer.length - 1);
  for (let i = 0; i + 1 < outer.length; i++) {
    const a = outer[i], b = outer[i + 1];
    edges.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  }
  edges.finish();
  const outerPath = outer.slice(0, -1).map((p) => ({ X: Math.round(p[0] * MM_PER_M), Y: Math.round(p[1] * MM_PER_M) }));
  const inside: XY[][] = [];
  const crossing: Region = [];
  for (const polygon of holes) {
    const ring = polygon[0].map((p) => [Math.round(p[0] * MM_PER_M) / MM_PER_M, Math.round(p[1] * MM_PER_M) / MM_PER_M] as XY);
    const b = ringsBounds([ring]);
    // 2 mm of slack covers the rounding of either ring to whole millimetres.
    const near = edges.search(b[0] - 0.002, b[1] - 0.002, b[2] + 0.002, b[3] + 0.002).length > 0;
    const pt = { X: Math.round(ring[0][0] * MM_PER_M), Y: Math.round(ring[0][1] * MM_PER_M) };
    if (near || polygon.length > 1) crossing.push(polygon);
    else if (Math.abs(ringAreaM2(ring)) < 1e-6) continue; // nothing left once on whole millimetres
    else if (ClipperLib.Clipper.PointInPolygon(pt, outerPath) === 1) inside.push(ringAreaM2(ring) > 0 ? ring.slice().reverse() : ring);
  }
  const base = crossing.length > 0 ? difference(clipped, crossing) : clipped.map((p) => [...p]);
  if (inside.length === 0) return base;
  const outers = base.map((p) => p[0].slice(0, -1).map((q) => ({ X: Math.round(q[0] * MM_PER_M), Y: Math.round(q[1] * MM_PER_M) })));
  for (const ring of inside) {
    const pt = { X: Math.round(ring[0][0] * MM_PER_M), Y: Math.round(ring[0][1] * MM_PER_M) };
    const j = base.length === 1 ? 0 : outers.findIndex((o) => ClipperLib.Clipper.PointInPolygon(pt, o) === 1);
    if (j >= 0) base[j].push(ring);
  }
  return base;
}

const MM_PER_M = 1000;
