import type { Position, Scene } from '../scene/types.js';
import { prepareCoverageIndex, type CoverageIndex } from './coverage-index.js';
import { discPolygon } from './disc-polygon.js';
import { differencePaths, flatToPath, intersectPaths, MM_PER_M, pathsAreaM2, pathsToPolygons, ringToPath } from './polygon-ops.js';
import { observerPlace } from './sight-blockers.js';
import { polygonsToWgs84 } from './to-wgs84.js';
import { visibilityPolygonMm } from './visibility-polygon.js';

export interface IsovistOptions {
  /** Radius of the disc the isovist is bounded by, metres (default 200). */
  rangeM?: number;
}

export const DEFAULT_ISOVIST_RANGE_M = 200;

/** A GeoJSON Feature<Polygon> in WGS 84 (star-shaped from the viewpoint, so always one part). */
export interface IsovistFeature {
  type: 'Feature';
  id: 'isovist';
  geometry: { type: 'Polygon'; coordinates: Position[][] };
  properties: { kind: 'isovist'; area_m2: number; range_m: number; at: [number, number] };
}

/**
 * The ground visible from a point (Benedikt's isovist; H2GIS ST_Isovist, cctv.md §4): the
 * visibility polygon among sight-blocking features, bounded by a circle of `rangeM`. A point on a
 * building outline sees what is outside it; a point inside a building is an error naming it.
 */
export function isovist(scene: Scene, atLonLat: readonly number[], options: IsovistOptions = {}): IsovistFeature {
  return isovistWithIndex(prepareCoverageIndex(scene), atLonLat, options);
}

export function isovistWithIndex(index: CoverageIndex, atLonLat: readonly number[], options: IsovistOptions = {}): IsovistFeature {
  const rangeM = options.rangeM ?? DEFAULT_ISOVIST_RANGE_M;
  if (!(rangeM > 0 && Number.isFinite(rangeM))) throw new Error(`isovist range must be a positive number of metres, got ${rangeM}`);
  if (!(Number.isFinite(atLonLat[0]) && Number.isFinite(atLonLat[1]))) throw new Error(`isovist point must be longitude,latitude numbers, got ${atLonLat.join(',')}`);
  const xy = index.frame.toLocal(atLonLat);
  const place = observerPlace(index.blockers, Math.round(xy[0] * MM_PER_M), Math.round(xy[1] * MM_PER_M));
  const { x: ox, y: oy } = place;
  if (place.inside) throw new Error(`isovist point ${atLonLat[0]},${atLonLat[1]} is inside ${place.inside.id}, which blocks sight`);
  const rMm = Math.ceil(rangeM * MM_PER_M) + 1;
  const { segments, segmentIndex } = index.blockers;
  const ids = segmentIndex ? segmentIndex.search(ox - rMm, oy - rMm, ox + rMm, oy + rMm) : [];
  let visible = [flatToPath(visibilityPolygonMm([ox, oy], segments, ids, rMm + 1000))];
  if (place.onOutline.length) visible = differencePaths(visible, place.onOutline.flatMap((p) => p.rings));
  const paths = intersectPaths(visible, [ringToPath(discPolygon([ox / MM_PER_M, oy / MM_PER_M], rangeM, index.arcToleranceM))]);
  const polygons = pathsToPolygons(paths);
  const geometry = polygons.length ? polygonsToWgs84(index.frame, polygons.slice(0, 1)) : undefined;
  return {
    type: 'Feature',
    id: 'isovist',
    geometry: { type: 'Polygon', coordinates: geometry?.type === 'Polygon' ? geometry.coordinates : [] },
    properties: { kind: 'isovist', area_m2: pathsAreaM2(paths), range_m: rangeM, at: [atLonLat[0], atLonLat[1]] },
  };
}
