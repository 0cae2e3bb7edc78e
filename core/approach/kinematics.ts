import { G_MPS2, type VehicleClass } from '../vehicles/vehicle-classes.js';

/**
 * Longitudinal and lateral limits of a vehicle (hvm.md §1): straight run-up v² = u² + 2·a·s
 * (or its integral form with a(v)), capped at top speed; skid limit on a curve v = √(f·g·r)
 * (MIL-HDBK-1013/14 eq. 5–6), with f the class's lateral limit min(μ, SRT).
 */
export const KMH_PER_MPS = 3.6;

export function kmhFromMps(mps: number): number {
  return mps * KMH_PER_MPS;
}

export function mpsFromKmh(kmh: number): number {
  return kmh / KMH_PER_MPS;
}

/** Kinetic energy ½·m·v², kJ (hvm.md §1; acceptance 1–3). */
export function kineticEnergyKj(massKg: number, speedMps: number): number {
  return (0.5 * massKg * speedMps * speedMps) / 1000;
}

/** Skid (cornering) speed on a level curve of radius r: v = √(f·g·r), m/s (MIL-HDBK-1013/14 eq. 6). */
export function cornerSpeedMps(radiusM: number, lateralG: number, gMps2 = G_MPS2): number {
  return Math.sqrt(Math.max(0, lateralG * gMps2 * radiusM));
}

/** Straight run-up with entry speed: v = √(u² + 2·a·s), m/s (standard kinematics, hvm.md §1). */
export function runUpSpeedMps(entryMps: number, accelMps2: number, distanceM: number): number {
  return Math.sqrt(entryMps * entryMps + 2 * accelMps2 * Math.max(0, distanceM));
}

/** Distance to reach `speedMps` from rest at constant acceleration: s = v² / (2a). */
export function runUpDistanceM(speedMps: number, accelMps2: number): number {
  return (speedMps * speedMps) / (2 * accelMps2);
}

/** How a class gains speed along a straight: speed after a distance, from an entry speed. */
export interface Accelerator {
  readonly topSpeedMps: number;
  /** Speed after `distanceM` of full acceleration from `entryMps` (never above top speed, never below entry). */
  speedAfter(entryMps: number, distanceM: number): number;
  /** The constant acceleration, m/s², when there is one (cheap squared-speed bounds in the search). */
  readonly constantAccelMps2?: number;
}

/** Integration step of the a(v) curve, m/s. */
const CURVE_STEP_MPS = 0.01;

/**
 * The accelerator of a class: constant `accelMps2` up to top speed, or, with `accelCurve`, the
 * distance–speed relation s(v) = ∫ v / a(v) dv tabulated every 0.01 m/s and read back by linear
 * interpolation (monotone, so a longer run never gives a lower speed).
 */
export function acceleratorFor(vehicle: Pick<VehicleClass, 'accelMps2' | 'accelCurve' | 'topSpeedKmh'>): Accelerator {
  const top = mpsFromKmh(vehicle.topSpeedKmh);
  const curve = vehicle.accelCurve;
  if (!curve || curve.length === 0) {
    const a = vehicle.accelMps2;
    return {
      topSpeedMps: top,
      constantAccelMps2: a,
      speedAfter: (u, s) => (u >= top ? u : Math.min(top, runUpSpeedMps(u, a, s))),
    };
  }
  const pts = curve.map(([kmh, a]) => [mpsFromKmh(kmh), a] as const).sort((p, q) => p[0] - q[0]);
  const accelAt = (v: number): number => {
    if (v <= pts[0][0]) return pts[0][1];
    for (let i = 1; i < pts.length; i++) {
      if (v <= pts[i][0]) {
        const t = (v - pts[i - 1][0]) / (pts[i][0] - pts[i - 1][0]);
        return pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1]);
      }
    }
    return pts[pts.length - 1][1];
  };
  // The curve ends where the vehicle stops gaining speed: at top speed or where a(v) ≤ 0.
  const n = Math.ceil(top / CURVE_STEP_MPS);
  const dist = new Float64Array(n + 1);
  let last = n;
  for (let i = 1; i <= n; i++) {
    const v0 = (i - 1) * CURVE_STEP_MPS, v1 = Math.min(top, i * CURVE_STEP_MPS);
    const a0 = accelAt(v0), a1 = accelAt(v1);
    if (!(a0 > 0 && a1 > 0)) { last = i - 1; break; }
    // Trapezoid on v/a(v).
    dist[i] = dist[i - 1] + 0.5 * (v0 / a0 + v1 / a1) * (v1 - v0);
  }
  const vMax = Math.min(top, last * CURVE_STEP_MPS);
  const distAtSpeed = (v: number): number => {
    const x = Math.min(v, vMax) / CURVE_STEP_MPS;
    const i = Math.min(Math.floor(x), last - 1 < 0 ? 0 : last - 1);
    const t = x - i;
    return last === 0 ? 0 : dist[i] + t * (dist[i + 1] - dist[i]);
  };
  return {
    topSpeedMps: vMax,
    speedAfter(u, s) {
      if (u >= vMax) return u;
      const target = distAtSpeed(u) + Math.max(0, s);
      if (target >= dist[last]) return vMax;
      let lo = 0, hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (dist[mid] <= target) lo = mid; else hi = mid;
      }
      const t = (target - dist[lo]) / (dist[hi] - dist[lo] || 1);
      return Math.max(u, Math.min(vMax, (lo + t) * CURVE_STEP_MPS));
    },
  };
}
