import type { SceneFeature } from '../../core/scene/types.js';
import { cameraWedge } from './camera-wedge.js';
import type { LocalFrame } from '../../core/geometry/local-frame.js';

/** What a GeoJSON source holds: features with their id copied into `__id` (MapLibre drops string ids). */
export interface SourceData {
  type: 'FeatureCollection';
  features: { type: 'Feature'; geometry: SceneFeature['geometry'] | { type: 'Polygon'; coordinates: number[][][] }; properties: Record<string, unknown> }[];
}

export const ID_PROP = '__id';

export function featuresToSource(features: Iterable<SceneFeature>): SourceData {
  const out: SourceData['features'] = [];
  for (const f of features) out.push({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties, [ID_PROP]: f.id } });
  return { type: 'FeatureCollection', features: out };
}

/** Wedges already built, by camera object: an edit makes a new object, so only it is rebuilt. */
const wedgeCache = new WeakMap<SceneFeature, { frame: LocalFrame | undefined; wedge: ReturnType<typeof cameraWedge> }>();

/** Field-of-view wedges of the cameras, each tagged with its camera id. */
export function cameraWedgesToSource(cameras: Iterable<SceneFeature>, frame?: LocalFrame): SourceData {
  const out: SourceData['features'] = [];
  for (const f of cameras) {
    let hit = wedgeCache.get(f);
    if (!hit || hit.frame !== frame) wedgeCache.set(f, (hit = { frame, wedge: cameraWedge(f, 24, frame) }));
    if (hit.wedge) out.push({ type: 'Feature', geometry: hit.wedge, properties: { [ID_PROP]: f.id } });
  }
  return { type: 'FeatureCollection', features: out };
}
