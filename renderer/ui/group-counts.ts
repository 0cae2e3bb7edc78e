import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import { ANALYSIS_LAYER_GROUPS, type AnalysisLayerGroup } from '../analysis/analysis-layers.js';

/** The output kind (scene-format.md "Output kinds") each analysis group draws. */
const GROUP_KIND: Record<AnalysisLayerGroup['id'], string> = {
  views: 'camera_view',
  gaps: 'coverage_gap',
  paths: 'approach_path',
  barrier_checks: 'barrier_check',
  rings: 'standoff_ring',
  breaches: 'standoff_breach',
};

/** How many output features each analysis group holds. */
export function groupCounts(result: AnalysisResult | null): Map<string, number> {
  const byKind = new Map<string, number>();
  for (const f of result?.features ?? []) byKind.set(f.properties.kind, (byKind.get(f.properties.kind) ?? 0) + 1);
  return new Map(ANALYSIS_LAYER_GROUPS.map((g) => [g.id, byKind.get(GROUP_KIND[g.id]) ?? 0]));
}
