import { analysisArea, DEFAULT_AREA_MARGIN_M } from '../drivable/analysis-area.js';
import type { MultiPolygonXY } from '../drivable/polygons.js';
import { geometryPositions, type LocalFrame } from '../geometry/local-frame.js';
import { isOutputKind } from '../scene/kinds.js';
import type { Scene } from '../scene/types.js';

/**
 * The extent the approach analysis studies: the scene's `analysis_area` when it has one
 * (`analysisArea`); without one, the bounding box grown by 100 m (scene-format.md) of every input
 * feature except barrier lines and `obstacle`s. Those measures may only ever slow a vehicle down
 * (issue #4: adding one never raises an impact speed); if they widened the default extent, the
 * starts on its edge would move out and give longer run-ups. A scene of nothing else falls back to
 * `analysisArea`.
 */
export function approachArea(scene: Scene, frame: LocalFrame): MultiPolygonXY {
  if (scene.features.some((f) => f.properties.kind === 'analysis_area' && f.geometry.type === 'Polygon')) return analysisArea(scene, frame);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of scene.features) {
    const k = f.properties.kind;
    if (isOutputKind(k) || k === 'barrier' || k === 'obstacle') continue;
    for (const p of geometryPositions(f.geometry)) {
      const [x, y] = frame.toLocal(p);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX === Infinity) return analysisArea(scene, frame);
  const m = DEFAULT_AREA_MARGIN_M;
  return [[[[minX - m, minY - m], [maxX + m, minY - m], [maxX + m, maxY + m], [minX - m, maxY + m], [minX - m, minY - m]]]];
}
