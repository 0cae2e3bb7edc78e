import ClipperLib from 'clipper-lib';
import { sceneFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import type { Scene } from '../scene/types.js';
import { analysisArea } from './analysis-area.js';
import { clusteredDifference, overlapClusters } from './clustered-difference.js';
import { shrunkRing } from './shrunk-ring.js';
import { blockedObstacles, type BlockedObstacle } from './blocked-obstacles.js';
import {
  ARC_TOLERANCE_M,
  differenceTree,
  exPolygonsToMultiPolygon,
  growTree,
  toPath,
  type ExPath,
  growGroups,
  growPaths,
  polyTreeToPaths,
  multiPolygonToPaths,
  pointInPolygon,
  polyTreeToMultiPolygon,
  toOpenPath,
  type MultiPolygonXY,
  type PolygonXY,
  type RingXY,
} from './polygons.js';

/** Where a hostile vehicle may start, at rest (scene-format.md, `vehicle_origin`, `analysis_area`). */
export type StartPlace =
  | { kind: 'origin'; featureId: string; at: XY }
  /** Anywhere on this outer ring of the analysis area (closed ring, local metres). */
  | { kind: 'edge'; ring: RingXY };

/**
 * The space a vehicle of one width can use, in local metres of `frame`. Stable API (used by the
 * approach and standoff analyses): fields are only ever added.
 */
export interface DrivableSpace {
  readonly frame: LocalFrame;
  readonly vehicleWidthM: number;
  /** The analysis area: the `analysis_area` polygons, or the bbox of all features grown by 100 m. */
  readonly areaM: MultiPolygonXY;
  /** What stops this vehicle: buildings, `stops_vehicles` obstacles, closed barrier lines. */
  readonly obstacles: readonly BlockedObstacle[];
  /** Where the vehicle's centre may be: area minus every obstacle grown by half the width. */
  readonly centreFree: MultiPolygonXY;
  /** Every `vehicle_origin`, else the outer edge of the analysis area. */
  readonly starts: readonly StartPlace[];
  /** Origins that lie inside an obstacle (or its half-width margin), so no vehicle starts there. */
  readonly blockedOriginIds: readonly string[];
  /** The parts (connected components) of `centreFree` that contain a start. */
  readonly reachableCentre: MultiPolygonXY;
  /**
   * Where the vehicle's body can be: the reachable centre space grown by half the width
   * (scene-format.md, "Measurement conventions"). Computed on first call, then kept.
   */
  reachableBody(): MultiPolygonXY;
}

/**
 * Polygons grown by `deltaM` (Minkowski sum with a disc). Each polygon is its outer ring grown
 * minus each hole shrunk, which is exact (a point within delta of a hole's edge is within delta of
 * the polygon) and far faster than offsetting one polygon with thousands of holes at once. A
 * shrunk hole lies inside its polygon's outline, clear of the grown outline's own holes, so it is
 * simply added as a hole (convex holes — grown buildings — shrink by half-planes, `shrunkRing`);
 * only polygons whose grown boxes overlap are unioned with clipper.
 */
export function growMultiPolygon(mp: MultiPolygonXY, deltaM: number): MultiPolygonXY {
  if (!(deltaM > 0)) throw new Error(`grow distance must be positive, got ${deltaM}`);
  const grown: ExPath[][] = mp.map((poly) => {
    const parts = ClipperLib.JS.PolyTreeToExPolygons(growTree(multiPolygonToPaths([[poly[0]]]), deltaM)) as ExPath[];
    for (let i = 1; i < poly.length; i++) {
      for (const piece of shrunkRing(poly[i], deltaM, ARC_TOLERANCE_M)) {
        const path = toPath(piece[0]);
        if (path.length < 3) continue;
        const owner = parts.length === 1 ? parts[0] : parts.find((p) => ClipperLib.Clipper.PointInPolygon(path[0], p.outer) !== 0);
        owner?.holes.push(path);
      }
    }
    return parts;
  });
  const boxes = grown.map((parts) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of parts) for (const q of p.outer) {
      if (q.X < minX) minX = q.X;
      if (q.X > maxX) maxX = q.X;
      if (q.Y < minY) minY = q.Y;
      if (q.Y > maxY) maxY = q.Y;
    }
    return [minX, minY, maxX, maxY] as const;
  });
  const out: ExPath[] = [];
  for (const members of grown.length > 0 ? overlapClusters(boxes) : []) {
    if (members.length === 1) {
      out.push(...grown[members[0]]);
      continue;
    }
    // Grown parts of different polygons may overlap: union them (holes with the right orientation).
    const paths: ClipperLib.Paths = [];
    for (const i of members) {
      for (const p of grown[i]) {
        const outer = p.outer.slice();
        if (!ClipperLib.Clipper.Orientation(outer)) outer.reverse();
        paths.push(outer);
        for (const h of p.holes) {
          const hole = h.slice();
          if (ClipperLib.Clipper.Orientation(hole)) hole.reverse();
          paths.push(hole);
        }
      }
    }
    for (const item of ClipperLib.JS.PolyTreeToExPolygons(differenceTree(paths, [])) as ExPath[]) out.push(item);
  }
  return exPolygonsToMultiPolygon(out);
}

/** A point within this distance of the area's edge counts as on it (clipper rounds to 1 mm). */
const EDGE_TOUCH_M = 0.002;

/**
 * Obstacles grown by `deltaM`: round joins, round line ends, circles as discs of radius + delta.
 * Returned as overlapping clipper paths (millimetres), to be read with non-zero filling.
 */
export function grownObstacles(obstacles: readonly BlockedObstacle[], deltaM: number): ClipperLib.Paths {
  return growGroups(
    obstacles.map((o) =>
      o.shape === 'polygon'
        ? { closed: multiPolygonToPaths(o.polygons), open: [], deltaM }
        : o.shape === 'line'
          ? { closed: [], open: [toOpenPath(o.line)], deltaM }
          : { closed: [], open: [toOpenPath([o.centre])], deltaM: o.radiusM + deltaM },
    ),
  );
}

/** Each obstacle grown by `deltaM` on its own (as `grownObstacles`), one group of paths per obstacle. */
export function grownObstacleGroups(obstacles: readonly BlockedObstacle[], deltaM: number): ClipperLib.Paths[] {
  return obstacles.map((o) =>
    o.shape === 'polygon'
      ? growPaths(multiPolygonToPaths(o.polygons), [], deltaM)
      : o.shape === 'line'
        ? growPaths([], [toOpenPath(o.line)], deltaM)
        : growPaths([], [toOpenPath([o.centre])], o.radiusM + deltaM),
  );
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function touchesRing(poly: PolygonXY, ring: RingXY): boolean {
  for (const p of poly[0]) {
    for (let i = 0; i + 1 < ring.length; i++) if (distanceToSegment(p, ring[i], ring[i + 1]) <= EDGE_TOUCH_M) return true;
  }
  return false;
}

/**
 * The drivable space of a scene for a vehicle of width `vehicle.widthM` (scene-format.md, "Where a
 * vehicle may drive" and "Measurement conventions"). Kerbs, pavements, grass, plazas, roads,
 * sites and crowd zones are all drivable; only buildings, `stops_vehicles` obstacles and closed
 * barrier lines (see `barrierStopsVehicle` for the gap rule) stop a vehicle. The vehicle's centre
 * may reach the area's edge (it comes from outside). Offsets use round joins with a 5 mm arc
 * tolerance, in integer millimetres (clipper-lib).
 */
export function drivableSpace(scene: Scene, vehicle: { widthM: number }, frame: LocalFrame = sceneFrame(scene)): DrivableSpace {
  const widthM = vehicle.widthM;
  if (!(widthM > 0)) throw new Error(`vehicle width must be positive, got ${widthM}`);
  const areaM = analysisArea(scene, frame);
  const obstacles = blockedObstacles(scene, frame, widthM);
  const centreFree = clusteredDifference(multiPolygonToPaths(areaM), grownObstacleGroups(obstacles, widthM / 2));

  const origins = scene.features.filter((f) => f.properties.kind === 'vehicle_origin' && f.geometry.type === 'Point');
  const starts: StartPlace[] = origins.length > 0
    ? origins.map((f) => ({ kind: 'origin' as const, featureId: f.id, at: frame.toLocal(f.geometry.coordinates as number[]) }))
    : areaM.map((poly) => ({ kind: 'edge' as const, ring: poly[0] }));

  const reachableCentre: MultiPolygonXY = [];
  const startedOrigins = new Set<string>();
  for (const component of centreFree) {
    let reached = false;
    for (const s of starts) {
      if (s.kind === 'origin' ? pointInPolygon(s.at, component) : touchesRing(component, s.ring)) {
        reached = true;
        if (s.kind === 'origin') startedOrigins.add(s.featureId);
      }
    }
    if (reached) reachableCentre.push(component);
  }
  const blockedOriginIds = starts.filter((s) => s.kind === 'origin' && !startedOrigins.has(s.featureId)).map((s) => (s as { featureId: string }).featureId);

  let body: MultiPolygonXY | undefined;
  return {
    frame,
    vehicleWidthM: widthM,
    areaM,
    obstacles,
    centreFree,
    starts,
    blockedOriginIds,
    reachableCentre,
    reachableBody() {
      body ??= growMultiPolygon(reachableCentre, widthM / 2);
      return body;
    },
  };
}
