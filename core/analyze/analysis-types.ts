import type { SceneFeature } from '../scene/types.js';

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
}

export type DoriLevelName = string;

export interface CoverageSummary {
  zones: {
    zone_id: string;
    area_m2: number;
    covered_m2: Record<DoriLevelName, number>;
    covered_pct: Record<DoriLevelName, number>;
    k2_m2: number;
  }[];
  cameras: { camera_id: string; view_m2: Record<DoriLevelName, number> }[];
  perimeters?: { id: string; length_m: number; covered_detect_m: number; covered_detect_pct: number }[];
}

export interface ApproachSummary {
  results: {
    target_id: string;
    vehicle: string;
    reachable: boolean;
    impact_speed_kmh?: number;
    energy_kj?: number;
    path_length_m?: number;
    impact_angle_deg?: number;
  }[];
  barriers: {
    barrier_id: string;
    vehicle: string;
    impact_speed_kmh?: number;
    rating?: Record<string, unknown> | null;
    verdict: 'pass' | 'fail' | 'unrated' | 'not_reached';
    reason?: string;
    gap_ok: boolean;
  }[];
}

export interface StandoffSummary {
  results: {
    target_id: string;
    threat: string;
    achieved_m: number | null;
    required_m: number;
    ok: boolean;
    incident_kpa: number | null;
  }[];
}

export interface LayersSummary {
  targets: {
    target_id: string;
    vehicle_layers_crossed: number;
    pedestrian_layers_crossed: number;
    single_layer: boolean;
    p_interruption?: number | null;
    layers: { layer_id: string; layer?: number; type: string; gaps: unknown[]; camera_detect_pct: number | null }[];
  }[];
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
