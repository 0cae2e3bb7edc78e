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

/** A rectangle with every corner rounded to `radiusM`, each quarter circle drawn with `segments` edges (a curved façade as OSM draws one). */
export function roundedRect(x0: number, y0: number, x1: number, y1: number, radiusM: number, segments: number): XY[] {
  const r = Math.min(radiusM, (x1 - x0) / 2, (y1 - y0) / 2);
  const out: XY[] = [];
  const corners: [number, number, number][] = [[x1 - r, y0 + r, -90], [x1 - r, y1 - r, 0], [x0 + r, y1 - r, 90], [x0 + r, y0 + r, 180]];
  for (const [cx, cy, a0] of corners) {
    for (let k = 0; k <= segments; k++) {
      const a = ((a0 + (90 * k) / segments) * Math.PI) / 180;
      out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  }
  out.push(out[0]);
  return out;
}

/**
 * hvm.md acceptance 6 ("corner then straight") as a street, in local metres: a corridor running
 * north from an origin at (0, 0), a quarter circle of radius 10 m about (10, 60) to (10, 70), then
 * east 40 m to a zone whose face is h east of x = 50. The centre of a vehicle of half width `h` may
 * stray `bandM` either side of that centreline; each curved face is drawn with `arcEdges` edges.
 * Returns the features and the two curved walls' rings.
 */
export function curvedStreet(h: number, bandM: number, arcEdges: number): { features: LocalFeature[]; walls: XY[][] } {
  const ro = 10 + h + bandM, ri = 10 - h - bandM;
  const arc = (r: number, a0: number, a1: number): XY[] => Array.from({ length: arcEdges + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / arcEdges) * Math.PI) / 180;
    return [10 + r * Math.cos(a), 60 + r * Math.sin(a)];
  });
  const w = h + bandM;
  const outer: XY[] = [[-30, -5], [-w, -5], [-w, 60], ...arc(ro, 180, 90).slice(1), [70, 60 + ro], [70, 100], [-30, 100], [-30, -5]];
  const inner: XY[] = [[w, -5], [70, -5], [70, 60 + ri], [10, 60 + ri], ...arc(ri, 90, 180).slice(1), [w, -5]];
  const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
  return {
    features: [
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(-30, -5, 70, 100)) },
      { id: 'outer', kind: 'building', geometry: poly(outer) },
      { id: 'inner', kind: 'building', geometry: poly(inner) },
      { id: 'back', kind: 'building', geometry: poly(rect(-30, -5, 70, -w)) },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(50 + h, 60, 70, 80)) },
      { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [0, 0] } },
    ],
    walls: [outer, inner],
  };
}

const polygon = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/**
 * An L-shaped street `widthM` wide between buildings: from an origin at rest 6 m above its closed
 * south end (y = −southM) north to the corner at y = 0…width, then east to a 10 m zone ending at
 * x = eastM.
 */
export function lStreet(widthM: number, southM: number, eastM: number) {
  const w = widthM, top = widthM + 10;
  return localScene([
    { id: 'area', kind: 'analysis_area', geometry: polygon(rect(-10, -southM, eastM, top)) },
    { id: 'west', kind: 'building', geometry: polygon(rect(-10, -southM, 0, top)) },
    { id: 'north', kind: 'building', geometry: polygon(rect(0, w, eastM, top)) },
    { id: 'C', kind: 'building', geometry: polygon(rect(w, -southM, eastM, 0)) },
    { id: 'end', kind: 'building', geometry: polygon(rect(0, -southM, w, -southM + 4)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [w / 2, -southM + 6] } },
    { id: 'z1', kind: 'crowd_zone', geometry: polygon(rect(eastM - 10, 0, eastM, w)) },
  ]);
}
