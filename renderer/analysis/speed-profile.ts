import { localFrame } from '../../core/geometry/local-frame.js';
import type { SceneFeature } from '../../core/scene/types.js';

/** What the vehicle does over a segment: speeds up, holds at a corner (or top-speed) limit, or brakes. */
export type SpeedPhase = 'accelerate' | 'hold' | 'brake';

export interface SpeedProfile {
  /** Distance along the path of each vertex, m (0 at the start). */
  distancesM: number[];
  speedsKmh: number[];
  /** One per segment (vertex i → i + 1). */
  phases: SpeedPhase[];
  lengthM: number;
  impactSpeedKmh: number;
}

/** Speed changes smaller than this over a segment count as holding, km/h (display rounding of the core is 0.1). */
const HOLD_TOLERANCE_KMH = 0.5;

/**
 * The speed–distance profile of an `approach_path`: vertex distances measured in a local metric
 * frame at the path's start (core/geometry/local-frame.ts; never on degrees, DESIGN.md
 * boundary 1), speeds from its `speeds_kmh`.
 */
export function speedProfile(path: SceneFeature): SpeedProfile | null {
  if (path.geometry.type !== 'LineString' || !Array.isArray(path.properties.speeds_kmh)) return null;
  const coords = path.geometry.coordinates;
  const speeds = path.properties.speeds_kmh as number[];
  if (coords.length < 2 || speeds.length !== coords.length) return null;
  const frame = localFrame([coords[0][0], coords[0][1]]);
  const xy = coords.map((c) => frame.toLocal([c[0], c[1]]));
  const distancesM = [0];
  for (let i = 1; i < xy.length; i++) distancesM.push(distancesM[i - 1] + Math.hypot(xy[i][0] - xy[i - 1][0], xy[i][1] - xy[i - 1][1]));
  const phases = speeds.slice(1).map((v, i): SpeedPhase => (v - speeds[i] > HOLD_TOLERANCE_KMH ? 'accelerate' : speeds[i] - v > HOLD_TOLERANCE_KMH ? 'brake' : 'hold'));
  const impact = typeof path.properties.impact_speed_kmh === 'number' ? path.properties.impact_speed_kmh : speeds[speeds.length - 1];
  return { distancesM, speedsKmh: speeds, phases, lengthM: distancesM[distancesM.length - 1], impactSpeedKmh: impact };
}
