import { localFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import type { PropertyValue, Scene, SceneFeature, SceneGeometry } from '../scene/types.js';

/**
 * Builds a scene from features drawn in local metres around `originLonLat`, for tests and
 * hand-worked examples. Pass the returned `frame` to analyses that take one so the numbers come
 * back in the same metres.
 */
export interface LocalFeature {
  id: string;
  kind: string;
  geometry: SceneGeometry;
  properties?: Record<string, PropertyValue>;
}

export function localScene(features: LocalFeature[], originLonLat: XY = [-0.1, 51.5]): { scene: Scene; frame: LocalFrame } {
  const frame = localFrame(originLonLat);
  const toLonLat = (p: readonly number[]) => frame.toLonLat(p);
  const out: SceneFeature[] = features.map((f) => ({
    type: 'Feature',
    id: f.id,
    properties: { kind: f.kind, ...(f.properties ?? {}) },
    geometry: mapPositions(f.geometry, toLonLat),
  }));
  return { scene: { type: 'FeatureCollection', bulwark: { version: 1 }, features: out }, frame };
}

function mapPositions(g: SceneGeometry, f: (p: readonly number[]) => XY): SceneGeometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
  }
}

/** An axis-aligned rectangle as a closed counter-clockwise ring. */
export function rect(x0: number, y0: number, x1: number, y1: number): XY[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}
