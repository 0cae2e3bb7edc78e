import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import { sceneBounds } from '../../core/geometry/local-frame.js';
import type { Scene } from '../../core/scene/types.js';

/**
 * [minLon, minLat, maxLon, maxLat] of the scene and analysis features with these ids (what a
 * finding or a panel click names), for `map.fitBounds`; undefined when none is found.
 */
export function boundsOfFeatures(ids: readonly string[], scene: Scene | null, result: AnalysisResult | null): [number, number, number, number] | undefined {
  const wanted = new Set(ids);
  const features = [...(scene?.features ?? []), ...(result?.features ?? [])].filter((f) => wanted.has(f.id));
  return sceneBounds({ features });
}
