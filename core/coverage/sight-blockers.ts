import Flatbush from 'flatbush';
import type { LocalFrame } from '../geometry/local-frame.js';
import { booleanProperty, numberProperty } from '../scene/properties.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { discPolygon } from './disc-polygon.js';
import { MM_PER_M, type Path } from './polygon-ops.js';
import { splitCrossingSegments } from './visibility-polygon.js';

/** A sight-blocking area (building, obstacle) in whole millimetres of the local frame. */
export interface BlockerPolygon {
  id: string;
  /** Rings of every polygon part; a point is inside by the even-odd rule over all of them. */
  rings: Path[];
}

export interface SightBlockers {
  /** Every sight-blocking segment, [x1, y1, x2, y2, …] in mm, crossings split. */
  segments: Float64Array;
  segmentIndex: Flatbush | null;
  polygons: BlockerPolygon[];
  polygonIndex: Flatbush | null;
  /** Features that could not be used, with the reason (e.g. a point obstacle without radius). */
  skipped: { featureId: string; message: string }[];
}

/** Point obstacles are polygonised coarser than view arcs: they only cast shadows. */
const OBSTACLE_ARC_TOLERANCE_M = 0.01;

/**
 * What blocks sight in a scene, as scene-format.md defines it: buildings; barriers with
 * `blocks_sight` (walls by default) as lines; obstacles with `blocks_sight` as polygons, or as
 * circles of `radius_m` when drawn as points. Everything blocks at full height (2D model).
 */
export function sightBlockers(scene: Scene, frame: LocalFrame): SightBlockers {
  const raw: number[] = [];
  const polygons: BlockerPolygon[] = [];
  const skipped: SightBlockers['skipped'] = [];
  const mm = (lonLat: readonly number[]): [number, number] => {
    const p = frame.toLocal(lonLat);
    return [Math.round(p[0] * MM_PER_M), Math.round(p[1] * MM_PER_M)];
  };
  const addRing = (ring: [number, number][]) => {
    for (let i = 0; i + 1 < ring.length; i++) raw.push(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
    const last = ring[ring.length - 1];
    if (last[0] !== ring[0][0] || last[1] !== ring[0][1]) raw.push(last[0], last[1], ring[0][0], ring[0][1]);
  };
  const addPolygon = (f: SceneFeature, rings: [number, number][][]) => {
    rings.forEach(addRing);
    polygons.push({ id: f.id, rings: rings.map((r) => r.map(([X, Y]) => ({ X, Y }))) });
  };
  for (const f of scene.features) {
    const kind = f.properties.kind;
    const g = f.geometry;
    if (kind === 'building') {
      if (g.type === 'Polygon') addPolygon(f, g.coordinates.map((r) => r.map(mm)));
      else if (g.type === 'MultiPolygon') addPolygon(f, g.coordinates.flat().map((r) => r.map(mm)));
    } else if (kind === 'barrier' && booleanProperty('barrier', f.properties, 'blocks_sight')) {
      if (g.type === 'LineString') {
        const pts = g.coordinates.map(mm);
        for (let i = 0; i + 1 < pts.length; i++) raw.push(pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]);
      }
    } else if (kind === 'obstacle' && booleanProperty('obstacle', f.properties, 'blocks_sight')) {
      if (g.type === 'Polygon') addPolygon(f, g.coordinates.map((r) => r.map(mm)));
      else if (g.type === 'MultiPolygon') addPolygon(f, g.coordinates.flat().map((r) => r.map(mm)));
      else if (g.type === 'Point') {
        const radius = numberProperty('obstacle', f.properties, 'radius_m');
        if (radius === undefined || !(radius > 0)) {
          skipped.push({ featureId: f.id, message: 'point obstacle with blocks_sight has no radius_m; it blocks nothing' });
          continue;
        }
        const c = frame.toLocal(g.coordinates);
        const ring = discPolygon(c, radius, OBSTACLE_ARC_TOLERANCE_M).map((p) => [Math.round(p[0] * MM_PER_M), Math.round(p[1] * MM_PER_M)] as [number, number]);
        addPolygon(f, [ring]);
      }
    }
  }
  const firstIndex = segmentBoxes(raw);
  const segments = Float64Array.from(firstIndex ? splitCrossingSegments(raw, (i) => boxQuery(firstIndex, raw, i)) : raw);
  const segmentIndex = segmentBoxes(segments);
  let polygonIndex: Flatbush | null = null;
  if (polygons.length) {
    polygonIndex = new Flatbush(polygons.length);
    for (const p of polygons) {
      const b = pathsBox(p.rings);
      polygonIndex.add(b[0], b[1], b[2], b[3]);
    }
    polygonIndex.finish();
  }
  return { segments, segmentIndex, polygons, polygonIndex, skipped };
}

function segmentBoxes(c: ArrayLike<number>): Flatbush | null {
  const n = c.length / 4;
  if (n === 0) return null;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const k = 4 * i;
    index.add(Math.min(c[k], c[k + 2]), Math.min(c[k + 1], c[k + 3]), Math.max(c[k], c[k + 2]), Math.max(c[k + 1], c[k + 3]));
  }
  index.finish();
  return index;
}

function boxQuery(index: Flatbush, c: ArrayLike<number>, i: number): number[] {
  const k = 4 * i;
  return index.search(Math.min(c[k], c[k + 2]), Math.min(c[k + 1], c[k + 3]), Math.max(c[k], c[k + 2]), Math.max(c[k + 1], c[k + 3]));
}

export function pathsBox(paths: Path[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of paths) {
    for (const q of p) {
      if (q.X < minX) minX = q.X;
      if (q.Y < minY) minY = q.Y;
      if (q.X > maxX) maxX = q.X;
      if (q.Y > maxY) maxY = q.Y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * How far inside a building a camera may sit and still count as mounted on its façade, mm: a
 * camera snapped to an outline in WGS 84 lands a fraction of a millimetre either side of it once
 * projected and rounded, and a few centimetres is drawing error, not a camera inside a building.
 */
export const FACADE_SNAP_MM = 50;

export interface ObserverPlace {
  /** The observer actually used (mm): the input, or moved onto the façade it was just inside. */
  x: number;
  y: number;
  inside?: BlockerPolygon;
  onOutline: BlockerPolygon[];
}

/**
 * Where a point (mm) stands relative to the sight-blocking polygons: strictly inside one, on the
 * outline of some (exact integer tests), or free. A point less than FACADE_SNAP_MM inside a
 * polygon is moved to the nearest point of its outline (then rounded outward) first.
 */
export function observerPlace(blockers: SightBlockers, x: number, y: number): ObserverPlace {
  const first = placeAt(blockers, x, y);
  if (!first.inside) return first;
  const near = nearestOutlinePoint(first.inside, x, y);
  if (near.distance > FACADE_SNAP_MM) return first;
  // Round away from the inside so the snapped point is on or just outside the outline.
  const dx = near.x - x;
  const dy = near.y - y;
  const sx = near.x + (dx === 0 ? 0 : Math.sign(dx) * 0.5);
  const sy = near.y + (dy === 0 ? 0 : Math.sign(dy) * 0.5);
  const snapped = placeAt(blockers, Math.round(sx), Math.round(sy));
  return snapped.inside ? first : snapped;
}

function placeAt(blockers: SightBlockers, x: number, y: number): ObserverPlace {
  const onOutline: BlockerPolygon[] = [];
  if (!blockers.polygonIndex) return { x, y, onOutline };
  for (const i of blockers.polygonIndex.search(x, y, x, y)) {
    const poly = blockers.polygons[i];
    let inside = false;
    let boundary = false;
    for (const ring of poly.rings) {
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        const p = ring[a];
        const q = ring[b];
        const cross = (q.X - p.X) * (y - p.Y) - (q.Y - p.Y) * (x - p.X);
        if (cross === 0 && x >= Math.min(p.X, q.X) && x <= Math.max(p.X, q.X) && y >= Math.min(p.Y, q.Y) && y <= Math.max(p.Y, q.Y)) boundary = true;
        if (p.Y > y !== q.Y > y && x < ((q.X - p.X) * (y - p.Y)) / (q.Y - p.Y) + p.X) inside = !inside;
      }
    }
    if (boundary) onOutline.push(poly);
    else if (inside) return { x, y, inside: poly, onOutline };
  }
  return { x, y, onOutline };
}

function nearestOutlinePoint(poly: BlockerPolygon, x: number, y: number): { x: number; y: number; distance: number } {
  let best = { x, y, distance: Infinity };
  for (const ring of poly.rings) {
    for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
      const p = ring[b];
      const q = ring[a];
      const ex = q.X - p.X;
      const ey = q.Y - p.Y;
      const l2 = ex * ex + ey * ey;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - p.X) * ex + (y - p.Y) * ey) / l2));
      const nx = p.X + t * ex;
      const ny = p.Y + t * ey;
      const d = Math.hypot(nx - x, ny - y);
      if (d < best.distance) best = { x: nx, y: ny, distance: d };
    }
  }
  return best;
}
