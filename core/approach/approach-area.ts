import { analysisArea } from '../drivable/analysis-area.js';
import type { MultiPolygonXY } from '../drivable/polygons.js';
import type { LocalFrame } from '../geometry/local-frame.js';
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
  const area = analysisArea(scene, frame, (f) => f.properties.kind !== 'barrier' && f.properties.kind !== 'obstacle');
  return area.length > 0 ? area : analysisArea(scene, frame);
}
