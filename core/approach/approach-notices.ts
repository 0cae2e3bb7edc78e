import { sceneFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import { blockedObstacles, closingLineIds, type BlockedObstacle } from '../drivable/blocked-obstacles.js';
import { pointInMultiPolygon, type MultiPolygonXY } from '../drivable/polygons.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { DEFAULT_VEHICLE_CODES, type VehicleClass } from '../vehicles/vehicle-classes.js';
import { selectVehicleClasses, vehicleClassesFor } from '../vehicles/vehicle-classes-for.js';
import { approachArea } from './approach-area.js';
import { pointSegmentDistance, segmentsIntersect } from './obstacle-edges.js';

export interface ApproachNotice {
  featureId: string;
  message: string;
}

/**
 * Why a start or a target takes no part in the approach analysis, one notice per feature: a
 * `vehicle_origin` outside the analysis area, inside a building or vehicle-stopping obstacle, or
 * too close to one for some classes to stand there (the body keeps half its width clear, hvm.md
 * §1); a crowd zone or site wholly outside the area or wholly inside a building.
 * Why: each of these makes the result read "unreachable" — the safe-looking answer — when the real
 * reason is where the feature was drawn (an origin snapped onto a building footprint is easy to
 * miss). The notices say so, naming the feature; the results themselves are unchanged.
 */
export function approachNotices(scene: Scene, vehicles?: readonly string[], frame: LocalFrame = sceneFrame(scene)): ApproachNotice[] {
  const wanted = selectVehicleClasses(vehicleClassesFor(scene), vehicles ?? DEFAULT_VEHICLE_CODES);
  const area = approachArea(scene, frame);
  if (area.length === 0 || wanted.length === 0) return [];
  const out: ApproachNotice[] = [];
  const all = blockedObstacles(scene, frame, Infinity);
  const solid = all.filter((o) => o.shape !== 'line');
  // What stops each width (its gaps open some lines): the shared list, projected once.
  const byWidth = new Map<number, BlockedObstacle[]>();
  for (const v of wanted) {
    if (byWidth.has(v.widthM)) continue;
    const closing = new Set(closingLineIds(scene, v.widthM));
    byWidth.set(v.widthM, all.filter((o) => o.shape !== 'line' || closing.has(o.featureId)));
  }
  for (const f of scene.features) {
    const kind = f.properties.kind;
    if (kind === 'vehicle_origin' && f.geometry.type === 'Point') {
      const message = originProblem(f, frame.toLocal(f.geometry.coordinates), area, solid, byWidth, wanted);
      if (message) out.push({ featureId: f.id, message });
    } else if ((kind === 'crowd_zone' || kind === 'site') && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
      const message = targetProblem(f, outerRings(f, frame), area, solid);
      if (message) out.push({ featureId: f.id, message });
    }
  }
  return out;
}

function originProblem(
  f: SceneFeature, at: XY, area: MultiPolygonXY, solid: BlockedObstacle[], byWidth: Map<number, BlockedObstacle[]>, wanted: VehicleClass[],
): string | undefined {
  if (!pointInMultiPolygon(at, area)) return `vehicle_origin ${f.id} lies outside the analysis area: no vehicle starts there`;
  const inside = solid.find((o) => containsPoint(o, at));
  if (inside) return `vehicle_origin ${f.id} lies inside ${inside.kind} ${inside.featureId}: no vehicle starts there`;
  // Per width: barrier lines close or open with the class's width (their gaps).
  const tight: { code: string; halfM: number; distanceM: number; nearest: string }[] = [];
  const nearByWidth = new Map<number, { distanceM: number; nearest: string }>();
  for (const v of wanted) {
    let near = nearByWidth.get(v.widthM);
    if (!near) {
      near = nearestTo(at, byWidth.get(v.widthM)!);
      nearByWidth.set(v.widthM, near);
    }
    // The graph's own test (approach-graph.ts `pointClear`): h from every stopping obstacle, 1e-9 m slack.
    if (near.distanceM < v.widthM / 2 - 1e-9) tight.push({ code: v.code, halfM: v.widthM / 2, distanceM: near.distanceM, nearest: near.nearest });
  }
  if (tight.length === 0) return undefined;
  const t = tight[0];
  const who = tight.map((c) => `${c.code} (${Number(c.halfM.toFixed(3))} m)`).join(', ');
  return `vehicle_origin ${f.id} is ${t.distanceM.toFixed(2)} m from ${t.nearest}; a vehicle keeps half its width clear, so ${who} cannot start there`;
}

function targetProblem(f: SceneFeature, rings: XY[][], area: MultiPolygonXY, solid: BlockedObstacle[]): string | undefined {
  const kindName = f.properties.kind === 'site' ? 'site' : 'crowd zone';
  const areaRings = area.flatMap((poly) => poly);
  if (!rings.some((r) => overlapsRegion(r, areaRings, (p) => pointInMultiPolygon(p, area)))) {
    return `${kindName} ${f.id} lies outside the analysis area: no vehicle approach is assessed; enlarge the area to include it`;
  }
  const box = boundsOf(rings);
  const building = solid.find((o) => o.kind === 'building' && o.shape === 'polygon' && boxInside(box, boundsOf(o.polygons.map((poly) => poly[0])))
    && rings.every((r) => r.every((p) => pointInMultiPolygon(p, o.polygons)) && !crossesAny(r, o.polygons.flatMap((poly) => poly))));
  if (building) return `${kindName} ${f.id} lies wholly inside building ${building.featureId}: no vehicle can reach it; draw the crowd at its entrances as zones to assess them`;
  return undefined;
}

function containsPoint(o: BlockedObstacle, p: XY): boolean {
  if (o.shape === 'polygon') return pointInMultiPolygon(p, o.polygons);
  if (o.shape === 'circle') return Math.hypot(p[0] - o.centre[0], p[1] - o.centre[1]) < o.radiusM;
  return false;
}

/**
 * The nearest blocked obstacle to p: its distance, m, and how to name it. The area's edge does not
 * count: a start may sit on it (the search's starts do), only its legs must stay inside.
 */
function nearestTo(p: XY, obstacles: BlockedObstacle[]): { distanceM: number; nearest: string } {
  let distanceM = Infinity, nearest = '';
  const consider = (d: number, name: string) => { if (d < distanceM) { distanceM = d; nearest = name; } };
  for (const o of obstacles) {
    const name = `${o.kind} ${o.featureId}`;
    if (o.shape === 'circle') consider(Math.max(0, Math.hypot(p[0] - o.centre[0], p[1] - o.centre[1]) - o.radiusM), name);
    else if (o.shape === 'line') consider(ringDistance(p, o.line), name);
    else for (const poly of o.polygons) for (const ring of poly) consider(ringDistance(p, ring), name);
  }
  return { distanceM, nearest };
}

function ringDistance(p: XY, line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, pointSegmentDistance(p[0], p[1], line[i][0], line[i][1], line[i + 1][0], line[i + 1][1]));
  return best;
}

/** Whether ring r and a region (its rings, and a point-in-region test) share any point. */
function overlapsRegion(r: XY[], regionRings: XY[][], inRegion: (p: XY) => boolean): boolean {
  if (r.some(inRegion)) return true;
  if (crossesAny(r, regionRings)) return true;
  // The region may lie wholly inside the ring.
  return regionRings.some((q) => q.length > 0 && pointInMultiPolygon(q[0], [[r]]));
}

function crossesAny(r: XY[], others: XY[][]): boolean {
  for (let i = 0; i + 1 < r.length; i++) {
    for (const q of others) {
      for (let j = 0; j + 1 < q.length; j++) {
        if (segmentsIntersect(r[i][0], r[i][1], r[i + 1][0], r[i + 1][1], q[j][0], q[j][1], q[j + 1][0], q[j + 1][1])) return true;
      }
    }
  }
  return false;
}

function outerRings(f: SceneFeature, frame: LocalFrame): XY[][] {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.map((poly) => poly[0].map((p) => frame.toLocal(p)));
}

function boundsOf(rings: readonly XY[][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) for (const p of r) { b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]); b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]); }
  return b;
}

function boxInside(inner: readonly number[], outer: readonly number[]): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}
