import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import type { SceneFeature } from '../../core/scene/types.js';

export interface TargetPaths {
  targetId: string;
  /** Fastest first. */
  paths: SceneFeature[];
}

const speedOf = (f: SceneFeature): number => (typeof f.properties.impact_speed_kmh === 'number' ? f.properties.impact_speed_kmh : 0);

/** The approach paths of a result grouped by target, fastest path first, fastest target first. */
export function approachPathsByTarget(result: AnalysisResult | null): TargetPaths[] {
  const byTarget = new Map<string, SceneFeature[]>();
  for (const f of result?.features ?? []) {
    if (f.properties.kind !== 'approach_path') continue;
    const t = String(f.properties.target_id ?? '');
    const list = byTarget.get(t) ?? [];
    list.push(f);
    byTarget.set(t, list);
  }
  const groups = [...byTarget].map(([targetId, paths]) => ({ targetId, paths: paths.sort((a, b) => speedOf(b) - speedOf(a) || a.id.localeCompare(b.id)) }));
  return groups.sort((a, b) => speedOf(b.paths[0]) - speedOf(a.paths[0]) || a.targetId.localeCompare(b.targetId));
}
