import type { Scene, SceneFeature } from '../scene/types.js';
import { analyzeCoverage } from '../coverage/analyze-coverage.js';
import { analyzeApproach } from '../approach/analyze-approach.js';
import { unreadableRatings } from '../ratings/unreadable-ratings.js';
import { analyzeStandoff } from '../standoff/analyze-standoff.js';
import { standoffRings } from '../standoff/rings.js';
import { analyzeLayers } from '../layers/analyze-layers.js';
import { ANALYSIS_NAMES, type AnalysisControl, type AnalysisName, type AnalysisNotice, type AnalysisResult, type AnalysisSummary, type AnalyzeOptions } from './analysis-types.js';

/** Relative cost of each analysis, so the overall progress bar moves evenly. */
const WEIGHT: Record<AnalysisName, number> = { coverage: 1, approach: 3, standoff: 1, layers: 1 };

type Runner = (
  scene: Scene,
  options: AnalyzeOptions,
  control: { onProgress: (f: number) => void; signal?: { readonly aborted: boolean } },
  done: AnalysisSummary,
) => {
  features: SceneFeature[];
  summary: AnalysisSummary;
  notices?: AnalysisNotice[];
};

const RUNNERS: Partial<Record<AnalysisName, Runner>> = {
  coverage: (scene, _options, control) => {
    const r = analyzeCoverage(scene, {}, { onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    return { features: r.features, summary: { coverage: r.summary }, notices: r.findings };
  },
  approach: (scene, options, control) => {
    const r = analyzeApproach(scene, { vehicles: options.vehicles, onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    const notices: AnalysisNotice[] = unreadableRatings(scene).map((u) => ({ severity: 'warning', featureId: u.featureId, message: u.message }));
    return { features: r.features, summary: { approach: r.summary }, notices };
  },
  standoff: (scene, options, control) => {
    const r = analyzeStandoff(scene, { threats: options.threats }, { onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    const notices: AnalysisNotice[] = r.notes.map((n) => ({ severity: 'warning', featureId: n.feature_id ?? n.target_id, message: n.message }));
    // Evacuation and shelter rings around every site and crowd zone (blast-standoff.md §1), drawn
    // with the breaches so the plan shows both what is required and where it is breached.
    const rings = standoffRings(scene, { threats: options.threats });
    return { features: [...rings, ...r.features], summary: { standoff: r.summary }, notices };
  },
  layers: (scene, options, control, done) => {
    // Camera Detect coverage along each layer comes from the coverage analysis when it ran.
    const perimeterCoverage = Object.fromEntries((done.coverage?.perimeters ?? []).map((p) => [p.id, p.covered_detect_pct]));
    const r = analyzeLayers(scene, { responseTimeS: options.responseTimeS, perimeterCoverage }, { onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    return { features: [], summary: { layers: { results: r.summary.results } } };
  },
};

/** The analyses this build runs, in the order they run. */
export function availableAnalyses(): AnalysisName[] {
  return ANALYSIS_NAMES.filter((n) => RUNNERS[n]);
}

/**
 * Runs the chosen analyses on a scene (all by default) and puts their output features and summary
 * blocks together, in the fixed order of ANALYSIS_NAMES so the same input gives byte-identical
 * output. Pure: the CLI, the renderer's worker and the report call this same function.
 */
export function analyzeScene(scene: Scene, options: AnalyzeOptions = {}, control: AnalysisControl = {}): AnalysisResult {
  const chosen = (options.only ?? ANALYSIS_NAMES).filter((n) => RUNNERS[n]);
  const total = chosen.reduce((s, n) => s + WEIGHT[n], 0) || 1;
  let doneWeight = 0;
  const features: SceneFeature[] = [];
  const summary: AnalysisSummary = {};
  const notices: AnalysisNotice[] = [];
  for (const name of ANALYSIS_NAMES) {
    if (!chosen.includes(name)) continue;
    const base = doneWeight;
    const r = RUNNERS[name]!(
      scene,
      options,
      { signal: control.signal, onProgress: (f) => control.onProgress?.((base + f * WEIGHT[name]) / total, name) },
      summary,
    );
    for (const item of r.features) features.push(item);
    Object.assign(summary, r.summary);
    for (const item of r.notices ?? []) notices.push(item);
    doneWeight += WEIGHT[name];
    control.onProgress?.(doneWeight / total, name);
  }
  return { features, summary, notices };
}
