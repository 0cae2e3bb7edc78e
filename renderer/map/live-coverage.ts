import type { Scene, SceneFeature, SceneGeometry, SceneMeta } from '../../core/scene/types.js';
import { prepareCoverageIndex, type CoverageIndex } from '../../core/coverage/coverage-index.js';
import { featureCamera } from '../../core/coverage/camera-view.js';
import { levelGroundRadiusM } from '../../core/coverage/camera-model.js';

/** The index is reused while the camera stays within this distance of where it was built. */
const DRAG_MARGIN_M = 60;
/** Spherical-Earth metres per degree of latitude: only for the box of features to take in. */
const M_PER_DEG_LAT = 111_320;

/**
 * The occlusion index for the live view of the camera being edited. Only the features within
 * the camera's farthest DORI level (plus a margin for dragging) go in: a blocker farther than
 * that cannot cut the view (cameraViewWithIndex only queries segments within that reach), and
 * a 100,000-feature project then costs tens of milliseconds per edit instead of seconds.
 */
export class LiveCoverage {
  private cached: { revision: number; preset: string; centre: [number, number]; reachM: number; index: CoverageIndex } | null = null;

  /** Features indexed by the last build (for tests and timings). */
  get size(): number {
    return this.cached?.index.scene.features.length ?? 0;
  }

  index(meta: SceneMeta, features: () => Iterable<SceneFeature>, revision: number, camera: SceneFeature, preset: string): CoverageIndex | null {
    if (camera.geometry.type !== 'Point') return null;
    const settings = preset ? { ...meta.settings, dori_preset: preset } : meta.settings;
    const bulwark = { ...meta, settings };
    const reachM = cameraGroundReachM(bulwark, camera);
    const [lon, lat] = camera.geometry.coordinates as [number, number];
    const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
    const c = this.cached;
    if (c && c.revision === revision && c.preset === preset && reachM <= c.reachM) {
      const movedM = Math.hypot((lon - c.centre[0]) * mPerDegLon, (lat - c.centre[1]) * M_PER_DEG_LAT);
      if (movedM <= DRAG_MARGIN_M) return c.index;
    }
    const boxM = reachM + DRAG_MARGIN_M;
    const dLon = boxM / mPerDegLon;
    const dLat = boxM / M_PER_DEG_LAT;
    const inside: SceneFeature[] = [];
    for (const f of features()) if (f.id === camera.id || boxMeets(f.geometry, lon - dLon, lat - dLat, lon + dLon, lat + dLat)) inside.push(f);
    const index = prepareCoverageIndex({ type: 'FeatureCollection', bulwark, features: inside });
    this.cached = { revision, preset, centre: [lon, lat], reachM, index };
    return index;
  }
}

/** Ground distance of the camera's farthest mapped DORI level (capped by its range), metres. */
export function cameraGroundReachM(bulwark: SceneMeta, camera: SceneFeature): number {
  const alone: Scene = { type: 'FeatureCollection', bulwark, features: [camera] };
  const index = prepareCoverageIndex(alone);
  const model = featureCamera(index, camera);
  return Math.max(0, ...index.levels.map((l) => levelGroundRadiusM(model, l.ppm)));
}

/** Whether a geometry's bounding box meets the box (cheap; a big polygon around the camera counts). */
export function boxMeets(g: SceneGeometry, minLon: number, minLat: number, maxLon: number, maxLat: number): boolean {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (p: readonly number[]) => {
    if (p[0] < x0) x0 = p[0];
    if (p[0] > x1) x1 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[1] > y1) y1 = p[1];
  };
  if (g.type === 'Point') visit(g.coordinates);
  else if (g.type === 'LineString') g.coordinates.forEach(visit);
  else if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(visit));
  else g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
  return x0 <= maxLon && x1 >= minLon && y0 <= maxLat && y1 >= minLat;
}
