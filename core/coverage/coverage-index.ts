import { sceneFrame, type LocalFrame } from '../geometry/local-frame.js';
import type { Scene } from '../scene/types.js';
import { DEFAULT_ARC_TOLERANCE_M } from './disc-polygon.js';
import { doriLevel, reportedLevels, resolveDoriPreset, type DoriLevel, type DoriPreset } from './dori-presets.js';
import { sightBlockers, type SightBlockers } from './sight-blockers.js';

export interface CoverageOptions {
  /** Height of the target the cameras must see, metres (scene-format.md: 0, the ground). */
  targetHeightM?: number;
  /** Largest gap between a polygonised arc (range, DORI band) and the circle, metres (2 mm). */
  arcToleranceM?: number;
  /** Level names to map instead of the preset's reported levels (ascending density). */
  levels?: string[];
}

/**
 * Everything about a scene that does not change while a camera is dragged: local frame, DORI
 * table, sight-blocking segments split at crossings and indexed (flatbush), blocking polygons.
 * Build once with prepareCoverageIndex, then call cameraViewWithIndex per camera or per frame.
 */
export interface CoverageIndex {
  scene: Scene;
  frame: LocalFrame;
  preset: DoriPreset;
  /** Levels mapped, ascending density (the preset's reported ones unless options.levels). */
  levels: DoriLevel[];
  /** The level with the Detect role (k-coverage, perimeter coverage, default range). */
  detectLevel: DoriLevel;
  blockers: SightBlockers;
  targetHeightM: number;
  arcToleranceM: number;
}

export function prepareCoverageIndex(scene: Scene, options: CoverageOptions = {}): CoverageIndex {
  const preset = resolveDoriPreset(scene.bulwark?.settings);
  const levels = options.levels ? options.levels.map((n) => doriLevel(preset, n)).sort((a, b) => a.ppm - b.ppm) : reportedLevels(preset);
  const targetHeightM = options.targetHeightM ?? 0;
  if (!(targetHeightM >= 0)) throw new Error(`targetHeightM must be ≥ 0 m, got ${targetHeightM}`);
  const arcToleranceM = options.arcToleranceM ?? DEFAULT_ARC_TOLERANCE_M;
  if (!(arcToleranceM > 0)) throw new Error(`arcToleranceM must be > 0 m, got ${arcToleranceM}`);
  const frame = sceneFrame(scene);
  return {
    scene,
    frame,
    preset,
    levels,
    detectLevel: doriLevel(preset, preset.detectLevel),
    blockers: sightBlockers(scene, frame),
    targetHeightM,
    arcToleranceM,
  };
}
