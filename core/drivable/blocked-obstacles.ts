import { booleanProperty, numberProperty } from '../scene/properties.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import type { LocalFrame, XY } from '../geometry/local-frame.js';
import type { MultiPolygonXY } from './polygons.js';

/**
 * Something a vehicle of a given width cannot drive through, in local metres
 * (scene-format.md, "Where a vehicle may drive"):
 * - every `building` (polygon),
 * - every `obstacle` with `stops_vehicles` (a polygon, or a point with `radius_m` as a circle;
 *   a point without `radius_m` is a post of radius 0),
 * - every `barrier` line with `stops_vehicles`, unless its gap lets the vehicle through.
 */
export type BlockedObstacle =
  | { featureId: string; kind: 'building' | 'obstacle'; shape: 'polygon'; polygons: MultiPolygonXY }
  | { featureId: string; kind: 'obstacle'; shape: 'circle'; centre: XY; radiusM: number }
  | { featureId: string; kind: 'barrier'; shape: 'line'; line: XY[] };

/**
 * Whether a barrier line closes the way to a vehicle of this width.
 *
 * The format gives only the widest clear gap (`gap_m`), not where it is along the line. We take
 * the conservative reading: a gap at least as wide as the vehicle (`gap_m ≥ widthM`) makes the
 * whole line permeable to that vehicle, as if the gap were wherever the vehicle needs it. A line
 * with a narrower gap is a closed wall for it. (scene-format.md: "A barrier gap stops a vehicle
 * only when it is narrower than that vehicle's width.")
 */
export function barrierStopsVehicle(feature: SceneFeature, widthM: number): boolean {
  if (feature.properties.kind !== 'barrier') return false;
  if (!booleanProperty('barrier', feature.properties, 'stops_vehicles')) return false;
  const gapM = numberProperty('barrier', feature.properties, 'gap_m') ?? 0;
  return !(gapM >= widthM);
}

function localPolygons(feature: SceneFeature, frame: LocalFrame): MultiPolygonXY {
  const g = feature.geometry;
  const ring = (r: readonly (readonly number[])[]) => r.map((p) => frame.toLocal(p));
  if (g.type === 'Polygon') return [g.coordinates.map(ring)];
  if (g.type === 'MultiPolygon') return g.coordinates.map((poly) => poly.map(ring));
  return [];
}

/** The obstacles that stop a vehicle of width `widthM`, in scene order. */
export function blockedObstacles(scene: Scene, frame: LocalFrame, widthM: number): BlockedObstacle[] {
  const out: BlockedObstacle[] = [];
  for (const f of scene.features) {
    const kind = f.properties.kind;
    if (kind === 'building') {
      out.push({ featureId: f.id, kind: 'building', shape: 'polygon', polygons: localPolygons(f, frame) });
    } else if (kind === 'obstacle' && booleanProperty('obstacle', f.properties, 'stops_vehicles')) {
      if (f.geometry.type === 'Point') {
        const radiusM = numberProperty('obstacle', f.properties, 'radius_m') ?? 0;
        out.push({ featureId: f.id, kind: 'obstacle', shape: 'circle', centre: frame.toLocal(f.geometry.coordinates), radiusM });
      } else {
        out.push({ featureId: f.id, kind: 'obstacle', shape: 'polygon', polygons: localPolygons(f, frame) });
      }
    } else if (kind === 'barrier' && f.geometry.type === 'LineString' && barrierStopsVehicle(f, widthM)) {
      out.push({ featureId: f.id, kind: 'barrier', shape: 'line', line: f.geometry.coordinates.map((p) => frame.toLocal(p)) });
    }
  }
  return out;
}

/**
 * Ids of the barrier lines that close the way to a vehicle of this width, in scene order: with
 * `blockedObstacles(scene, frame, Infinity)` (every line that stops some vehicle) they give the
 * obstacles of any width without projecting the buildings again.
 */
export function closingLineIds(scene: Scene, widthM: number): string[] {
  return scene.features.filter((f) => f.geometry.type === 'LineString' && barrierStopsVehicle(f, widthM)).map((f) => f.id);
}
