import { isOutputKind } from '../scene/kinds.js';
import { geometryPositions, type LocalFrame } from '../geometry/local-frame.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { multiPolygonToPaths, polyTreeToMultiPolygon, differenceTree, type MultiPolygonXY } from './polygons.js';

/** How far the default analysis area reaches beyond the features (scene-format.md, `analysis_area`). */
export const DEFAULT_AREA_MARGIN_M = 100;

/**
 * The extent studied, in local metres: the union of the scene's `analysis_area` polygons, or,
 * without one, the bounding box of all input features grown by 100 m (scene-format.md).
 * `sizedBy` narrows which input features size that default box (an analysis may leave some out).
 */
export function analysisArea(scene: Scene, frame: LocalFrame, sizedBy: (f: SceneFeature) => boolean = () => true): MultiPolygonXY {
  const areas = scene.features.filter((f) => f.properties.kind === 'analysis_area' && f.geometry.type === 'Polygon');
  if (areas.length > 0) {
    const mp: MultiPolygonXY = areas.map((f) => (f.geometry.coordinates as number[][][]).map((r) => r.map((p) => frame.toLocal(p))));
    // Union (and normalise orientation) through clipper: difference with nothing.
    return polyTreeToMultiPolygon(differenceTree(multiPolygonToPaths(mp), []));
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of scene.features) {
    if (isOutputKind(f.properties.kind) || !sizedBy(f)) continue;
    for (const p of geometryPositions(f.geometry)) {
      const [x, y] = frame.toLocal(p);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX === Infinity) return [];
  const m = DEFAULT_AREA_MARGIN_M;
  minX -= m; minY -= m; maxX += m; maxY += m;
  return [[[[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]]]];
}
