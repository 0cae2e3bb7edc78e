import proj4 from 'proj4';
import type { Scene, SceneGeometry } from '../scene/types.js';

export type XY = [number, number];

/**
 * A local planar frame in metres around a scene: transverse Mercator on WGS 84 centred on the
 * site (scale factor 1), so distances and areas over a few kilometres are exact to the
 * millimetre (DESIGN.md, "Geometry happens in metres"). x grows east, y grows north.
 */
export interface LocalFrame {
  readonly originLonLat: XY;
  toLocal(lonLat: readonly number[]): XY;
  toLonLat(xy: readonly number[]): XY;
}

export function localFrame(originLonLat: readonly number[]): LocalFrame {
  const [lon0, lat0] = originLonLat;
  if (!Number.isFinite(lon0) || !Number.isFinite(lat0)) throw new Error(`local frame origin must be finite, got [${lon0}, ${lat0}]`);
  const def = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`;
  const converter = proj4('EPSG:4326', def);
  return {
    originLonLat: [lon0, lat0],
    toLocal: (p) => converter.forward([p[0], p[1]]) as XY,
    toLonLat: (p) => converter.inverse([p[0], p[1]]) as XY,
  };
}

/** Every position of a geometry, flattened. */
export function geometryPositions(g: SceneGeometry): number[][] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** [minLon, minLat, maxLon, maxLat] of a scene's features, or undefined when empty. */
export function sceneBounds(scene: Pick<Scene, 'features'>): [number, number, number, number] | undefined {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of scene.features) {
    for (const p of geometryPositions(f.geometry)) {
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  }
  return minX === Infinity ? undefined : [minX, minY, maxX, maxY];
}

/** The frame every analysis of a scene uses: centred on the middle of the scene's bounds. */
export function sceneFrame(scene: Pick<Scene, 'features'>): LocalFrame {
  const b = sceneBounds(scene);
  if (!b) return localFrame([0, 0]);
  return localFrame([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]);
}

/** A geometry with every position mapped (to or from the local frame). */
export function mapGeometry<G extends SceneGeometry>(g: G, f: (p: readonly number[]) => XY): G {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) } as G;
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) } as G;
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) } as G;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) } as G;
  }
}
