import type { Scene, SceneFeature } from '../scene/types.js';
import { analyzeCoverage } from '../coverage/analyze-coverage.js';
import { analyzeApproach, type ApproachRoutes } from '../approach/analyze-approach.js';
import { unreadableRatings } from '../ratings/unreadable-ratings.js';
import { approachNotices } from '../approach/approach-notices.js';
import { analyzeStandoff } from '../standoff/analyze-standoff.js';
import { standoffRings } from '../standoff/rings.js';
import { analyzeLayers } from '../layers/analyze-layers.js';
import { ANALYSIS_NAMES, type AnalysisControl, type AnalysisName, type AnalysisNotice, type AnalysisResult, type AnalysisSummary, type AnalyzeOptions } from './analysis-types.js';

/** Relative cost of each analysis, so the overall progress bar moves evenly. */
export const ANALYSIS_WEIGHT: Record<AnalysisName, number> = { coverage: 1, approach: 3, standoff: 1, layers: 1 };

/** What one analysis adds to the result. */
export interface AnalysisPart {
  features: SceneFeature[];
  summary: AnalysisSummary;
  notices: AnalysisNotice[];
}

/** The control one analysis gets: its own progress in [0, 1], the signal, routes computed elsewhere. */
export interface PartControl {
  onProgress: (f: number) => void;
  signal?: { readonly aborted: boolean };
  approachRoutes?: ApproachRoutes;
}

type Runner = (scene: Scene, options: AnalyzeOptions, control: PartControl, done: AnalysisSummary) => AnalysisPart;

const RUNNERS: Partial<Record<AnalysisName, Runner>> = {
  coverage: (scene, _options, control) => {
    const r = analyzeCoverage(scene, {}, { onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    return { features: r.features, summary: { coverage: r.summary }, notices: r.findings };
  },
  approach: (scene, options, control) => {
    const r = analyzeApproach(scene, { vehicles: options.vehicles, routes: control.approachRoutes, onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    const notices: AnalysisNotice[] = [...unreadableRatings(scene), ...approachNotices(scene, options.vehicles)].map((u) => ({ severity: 'warning', featureId: u.featureId, message: u.message }));
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
  // Reads only `done.coverage`: the pooled run (analyze-scene-pooled.ts) runs it before the approach.
  layers: (scene, options, control, done) => {
    // Camera Detect coverage along each layer comes from the coverage analysis when it ran.
    const perimeterCoverage = Object.fromEntries((done.coverage?.perimeters ?? []).map((p) => [p.id, p.covered_detect_pct]));
    const r = analyzeLayers(scene, { responseTimeS: options.responseTimeS, perimeterCoverage }, { onProgress: control.onProgress, signal: control.signal as { aborted: boolean } });
    return { features: [], summary: { layers: { results: r.summary.results } }, notices: [] };
  },
};

/** The analyses this build runs, in the order they run. */
export function availableAnalyses(): AnalysisName[] {
  return ANALYSIS_NAMES.filter((n) => RUNNERS[n]);
}

/** The analyses `options.only` asks for that this build runs, in the canonical order. */
export function chosenAnalyses(options: AnalyzeOptions): AnalysisName[] {
  return ANALYSIS_NAMES.filter((n) => RUNNERS[n] && (options.only ?? ANALYSIS_NAMES).includes(n));
}

/** Runs one analysis; `done` holds the summaries of those that ran before it. */
export function analysisPart(name: AnalysisName, scene: Scene, options: AnalyzeOptions, control: PartControl, done: AnalysisSummary): AnalysisPart {
  return RUNNERS[name]!(scene, options, control, done);
}

/** Puts parts together in the fixed order of ANALYSIS_NAMES, whatever order they ran in. */
export function joinAnalysisParts(parts: Partial<Record<AnalysisName, AnalysisPart>>): AnalysisResult {
  const features: SceneFeature[] = [];
  const summary: AnalysisSummary = {};
  const notices: AnalysisNotice[] = [];
  for (const name of ANALYSIS_NAMES) {
    const r = parts[name];
    if (!r) continue;
    for (const item of r.features) features.push(item);
    Object.assign(summary, r.summary);
    for (const item of r.notices) notices.push(item);
  }
  return { features, summary, notices };
}

/**
 * Runs the chosen analyses on a scene (all by default) and puts their output features and summary
 * blocks together, in the fixed order of ANALYSIS_NAMES so the same input gives byte-identical
 * output. Pure: the CLI, the renderer's worker and the report call this same function.
 * `control.approachRoutes` takes approach routes computed elsewhere (`approachClassRoutes`).
 */
export function analyzeScene(scene: Scene, options: AnalyzeOptions = {}, control: AnalysisControl = {}): AnalysisResult {
  const chosen = chosenAnalyses(options);
  const total = chosen.reduce((s, n) => s + ANALYSIS_WEIGHT[n], 0) || 1;
  let doneWeight = 0;
  const parts: Partial<Record<AnalysisName, AnalysisPart>> = {};
  const done: AnalysisSummary = {};
  for (const name of chosen) {
    const base = doneWeight;
    const r = analysisPart(
      name,
      scene,
      options,
      { signal: control.signal, approachRoutes: control.approachRoutes, onProgress: (f) => control.onProgress?.((base + f * ANALYSIS_WEIGHT[name]) / total, name) },
      done,
    );
    parts[name] = r;
    Object.assign(done, r.summary);
    doneWeight += ANALYSIS_WEIGHT[name];
    control.onProgress?.(doneWeight / total, name);
  }
  return joinAnalysisParts(parts);
}
