import type { Scene, SceneFeature } from '../scene/types.js';
import { cameraViewFeatures, cameraViewWithIndex, type CameraView } from './camera-view.js';
import { prepareCoverageIndex, type CoverageIndex, type CoverageOptions } from './coverage-index.js';
import { isCoverageZone, perimeterCoverage, zoneCoverage, type PerimeterCoverage, type ZoneCoverage } from './zone-coverage.js';

export type { PerimeterCoverage, ZoneCoverage };

export interface CameraCoverage {
  camera_id: string;
  view_m2: Record<string, number>;
}

/** `summary.coverage` of shared/spec/cli.md, plus perimeters. */
export interface CoverageSummary {
  zones: ZoneCoverage[];
  cameras: CameraCoverage[];
  perimeters: PerimeterCoverage[];
}

export interface CoverageFinding {
  severity: 'error' | 'warning';
  featureId?: string;
  message: string;
}

export interface CoverageResult {
  features: SceneFeature[];
  summary: CoverageSummary;
  /** Cameras that could not be analysed or see nothing, features skipped, with the reason. */
  findings: CoverageFinding[];
}

export interface AnalysisProgress {
  onProgress?: (fraction: number) => void;
  signal?: { aborted: boolean };
}

function abortError(): Error {
  const e = new Error('coverage analysis aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * Camera coverage of a scene (DESIGN.md "camera coverage"): per camera and DORI level the view
 * polygon; per crowd zone, site and polygon perimeter the covered and uncovered (gap) open ground
 * per level and the area seen by ≥ 2 cameras at Detect (k-coverage, cctv.md §5); per perimeter
 * line or outline the length covered at Detect or better. Features in WGS 84, sorted by kind,
 * owner id and level; the same input gives byte-identical output.
 */
export function analyzeCoverage(scene: Scene, options: CoverageOptions = {}, progress: AnalysisProgress = {}): CoverageResult {
  const index = prepareCoverageIndex(scene, options);
  const findings: CoverageFinding[] = index.blockers.skipped.map((s) => ({ severity: 'warning', featureId: s.featureId, message: s.message }));
  const cameraFeatures = scene.features.filter((f) => f.properties.kind === 'camera');
  const zones = scene.features.filter(isCoverageZone);
  const perimeters = scene.features.filter((f) => f.properties.kind === 'perimeter');
  const steps = cameraFeatures.length + zones.length + perimeters.length || 1;
  let done = 0;
  const tick = () => {
    if (progress.signal?.aborted) throw abortError();
    progress.onProgress?.(done++ / steps);
  };

  const views: CameraView[] = [];
  for (const f of cameraFeatures) {
    tick();
    try {
      const v = cameraViewWithIndex(index, f);
      if (v.warning) findings.push({ severity: 'warning', featureId: f.id, message: v.warning });
      views.push(v);
    } catch (e) {
      findings.push({ severity: 'error', featureId: f.id, message: (e as Error).message.replace(`feature ${f.id}: `, '') });
    }
  }
  const features: SceneFeature[] = [];
  for (const v of views) for (const item of cameraViewFeatures(index, v)) features.push(item);
  const zoneResult = zoneCoverage(index, views, zones, tick);
  for (const item of zoneResult.gaps) features.push(item);
  const perimeterRows = perimeterCoverage(index, views, perimeters, tick);

  progress.onProgress?.(1);
  features.sort(compareFeatures(index));
  return {
    features,
    summary: {
      zones: zoneResult.rows,
      cameras: views.map((v) => ({ camera_id: v.camera.id, view_m2: Object.fromEntries(v.levels.map((l) => [l.dori, l.areaM2])) })),
      perimeters: perimeterRows,
    },
    findings,
  };
}

function compareFeatures(index: CoverageIndex) {
  const order = new Map(index.levels.map((l, i) => [l.name, i]));
  const key = (f: SceneFeature) => {
    const p = f.properties;
    const owner = String(p.kind === 'camera_view' ? p.camera_id : p.zone_id);
    return { kind: p.kind, owner, level: order.get(String(p.dori)) ?? 99, area: Number(p.area_m2) };
  };
  return (a: SceneFeature, b: SceneFeature) => {
    const x = key(a);
    const y = key(b);
    if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
    if (x.owner !== y.owner) return x.owner < y.owner ? -1 : 1;
    if (x.level !== y.level) return x.level - y.level;
    if (x.area !== y.area) return y.area - x.area;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
