import type { LocalFrame, XY } from '../geometry/local-frame.js';
import type { SceneFeature, SceneGeometry } from '../scene/types.js';
import { union, type Region } from './polygon-ops.js';

/** A scene polygon or multipolygon in the local frame, as a region (unioned, so clean). */
export function featureRegion(feature: SceneFeature, frame: LocalFrame): Region {
  const g = feature.geometry;
  const ring = (r: readonly number[][]): XY[] => r.map((p) => frame.toLocal(p));
  if (g.type === 'Polygon') return union([g.coordinates.map(ring)]);
  if (g.type === 'MultiPolygon') return union(g.coordinates.map((p) => p.map(ring)));
  throw new Error(`feature ${feature.id}: expected a Polygon or MultiPolygon, got ${g.type}`);
}

/** A region back in WGS 84: a Polygon when it has one part, else a MultiPolygon; null when empty. */
export function regionGeometry(region: Region, frame: LocalFrame): SceneGeometry | null {
  if (region.length === 0) return null;
  const polygons = region.map((polygon) => polygon.map((r) => r.map((p) => frame.toLonLat(p))));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
