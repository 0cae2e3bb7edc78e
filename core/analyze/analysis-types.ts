import type { SceneFeature } from '../scene/types.js';
import type { CoverageSummary } from '../coverage/analyze-coverage.js';
import type { ApproachRoutes, ApproachSummary as CoreApproachSummary } from '../approach/analyze-approach.js';
import type { StandoffAnalysis } from '../standoff/analyze-standoff.js';
import type { TargetLayers } from '../layers/analyze-layers.js';

export type { CoverageSummary, TargetLayers };
/** `summary.approach`; a barrier row may carry the verdict's reason in words. */
export interface ApproachSummary {
  results: CoreApproachSummary['results'];
  barriers: (CoreApproachSummary['barriers'][number] & { reason?: string })[];
}
export type StandoffSummary = StandoffAnalysis['summary'];
/** `summary.layers`: per target, the layers crossed by the best vehicle and pedestrian routes. */
export interface LayersSummary {
  results: TargetLayers[];
}

/**
 * What the analyses produce together, in the shape of `bulwark analyze` (shared/spec/cli.md):
 * output features of the kinds in scene-format.md plus one summary block per analysis. The
 * renderer's worker, the CLI and the report all read this one shape.
 */
export const ANALYSIS_NAMES = ['coverage', 'approach', 'standoff', 'layers'] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

export interface AnalyzeOptions {
  only?: AnalysisName[];
  /** Vehicle class codes for the approach analysis (default: the IWA 14-1 classes). */
  vehicles?: string[];
  /** Threat ids for standoff (default: every chart row). */
  threats?: string[];
  /** Response time for the layered-security (EASI) check, seconds. */
  responseTimeS?: number;
}

export interface AnalysisControl {
  /** Overall progress in [0, 1] and what is running. */
  onProgress?: (fraction: number, stage: string) => void;
  signal?: { readonly aborted: boolean };
  /** Approach routes of some classes computed elsewhere (`approachClassRoutes` on this scene, e.g. in another thread). */
  approachRoutes?: ApproachRoutes;
  /**
   * Routes of the last run, by class code, with the `approachRouteKeys` text they were computed
   * for: `analyzeScenePooled` reuses those whose key still matches and leaves the cache holding this
   * run's (the app's analysis worker keeps one, so an edit that leaves the approach alone — a camera
   * moved — does not search again).
   */
  approachCache?: ApproachRouteCache;
}

export interface ApproachRouteCache {
  /** `approachRouteKeys(...).shared` of the run the routes come from. */
  shared: string;
  classes: Map<string, { key: string; routes: ApproachRoutes[string] }>;
}

export interface AnalysisSummary {
  coverage?: CoverageSummary;
  approach?: ApproachSummary;
  standoff?: StandoffSummary;
  layers?: LayersSummary;
}

/** Something an analysis could not use or wants the planner to know, placed by feature id. */
export interface AnalysisNotice {
  severity: 'error' | 'warning';
  featureId?: string;
  message: string;
}

export interface AnalysisResult {
  features: SceneFeature[];
  summary: AnalysisSummary;
  notices: AnalysisNotice[];
}
