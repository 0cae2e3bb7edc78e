import { ANALYSIS_NAMES, type AnalysisControl, type AnalysisResult, type AnalyzeOptions, type LayersSummary } from '../../core/analyze/analysis-types.js';
import { analyzeApproach } from '../../core/approach/analyze-approach.js';
import { analyzeCoverage } from '../../core/coverage/analyze-coverage.js';
import { analyzeLayers } from '../../core/layers/analyze-layers.js';
import { analyzeStandoff } from '../../core/standoff/analyze-standoff.js';
import { standoffRings } from '../../core/standoff/rings.js';
import type { Scene } from '../../core/scene/types.js';

/**
 * TEMPORARY composition for the worker until the lead lands `core/analyze/analyze-scene.ts`; the
 * lead replaces this file's body with
 * `export { analyzeScene } from '../../core/analyze/analyze-scene.js';`.
 * It runs the four analyses merged so far and maps their outputs onto `AnalysisResult`.
 */
export function analyzeScene(scene: Scene, options: AnalyzeOptions, control: AnalysisControl = {}): AnalysisResult {
  const only = new Set(options.only ?? ANALYSIS_NAMES);
  const result: AnalysisResult = { features: [], summary: {} };
  // Rough shares of the run time, for one progress bar over all analyses.
  const stages = [['coverage', 0.25], ['approach', 0.4], ['standoff', 0.25], ['layers', 0.1]] as const;
  let base = 0;
  const part = (name: string, share: number) => ({
    onProgress: (f: number) => control.onProgress?.(base + f * share, name),
    signal: control.signal as { aborted: boolean } | undefined,
  });
  let perimeterCoverage: Record<string, number> | undefined;
  for (const [name, share] of stages) {
    if (!only.has(name)) continue;
    if (name === 'coverage') {
      const c = analyzeCoverage(scene, {}, part(name, share));
      result.features.push(...c.features);
      result.summary.coverage = { ...c.summary, perimeters: c.summary.perimeters.map(({ id, ...p }) => ({ perimeter_id: id, ...p })) };
      perimeterCoverage = Object.fromEntries(c.summary.perimeters.map((p) => [p.id, p.covered_detect_pct]));
    } else if (name === 'approach') {
      const p = part(name, share);
      const a = analyzeApproach(scene, { vehicles: options.vehicles, onProgress: p.onProgress, signal: p.signal });
      result.features.push(...a.features);
      result.summary.approach = a.summary;
    } else if (name === 'standoff') {
      const s = analyzeStandoff(scene, { threats: options.threats }, part(name, share));
      result.features.push(...standoffRings(scene, { threats: options.threats }), ...s.features);
      result.summary.standoff = s.summary;
    } else {
      const l = analyzeLayers(scene, { responseTimeS: options.responseTimeS, perimeterCoverage }, part(name, share));
      result.summary.layers = { targets: l.summary.results as unknown as LayersSummary['targets'] };
    }
    base += share;
  }
  control.onProgress?.(1, 'done');
  return result;
}
