import type { SceneFeature } from '../../core/scene/types.js';
import { cameraWedge } from './camera-wedge.js';

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

/** Field-of-view wedges of the cameras, each tagged with its camera id. */
export function cameraWedgesToSource(cameras: Iterable<SceneFeature>): SourceData {
  const out: SourceData['features'] = [];
  for (const f of cameras) {
    const wedge = cameraWedge(f);
    if (wedge) out.push({ type: 'Feature', geometry: wedge, properties: { [ID_PROP]: f.id } });
  }
  return { type: 'FeatureCollection', features: out };
}
