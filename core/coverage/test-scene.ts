import { localFrame } from '../geometry/local-frame.js';
import type { Position, Scene, SceneFeature, SceneGeometry } from '../scene/types.js';

/**
 * Builds small scenes for tests and fixtures in local metres around a fixed place, so analytic
 * cases can be written in metres while the scene itself is WGS 84 as the format requires.
 */
export const TEST_ORIGIN: [number, number] = [7.42, 43.73];
const frame = localFrame(TEST_ORIGIN);

export const lonLat = (x: number, y: number): Position => frame.toLonLat([x, y]);

export function metreFeature(id: string, kind: string, geometry: SceneGeometry, props: Record<string, unknown> = {}): SceneFeature {
  const conv = (p: readonly number[]) => lonLat(p[0], p[1]);
  let g: SceneGeometry;
  switch (geometry.type) {
    case 'Point':
      g = { type: 'Point', coordinates: conv(geometry.coordinates) };
      break;
    case 'LineString':
      g = { type: 'LineString', coordinates: geometry.coordinates.map(conv) };
      break;
    case 'Polygon':
      g = { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(conv)) };
      break;
    case 'MultiPolygon':
      g = { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(conv))) };
      break;
  }
  return { type: 'Feature', id, geometry: g, properties: { kind, ...(props as object) } } as SceneFeature;
}

export const rect = (x0: number, y0: number, x1: number, y1: number): SceneGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

export const point = (x: number, y: number): SceneGeometry => ({ type: 'Point', coordinates: [x, y] });
export const line = (...pts: [number, number][]): SceneGeometry => ({ type: 'LineString', coordinates: pts });

export function metreScene(features: SceneFeature[], settings?: Record<string, unknown>): Scene {
  return { type: 'FeatureCollection', bulwark: { version: 1, ...(settings ? { settings: settings as Scene['bulwark']['settings'] } : {}) }, features };
}
