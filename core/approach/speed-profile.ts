import type { XY } from '../geometry/local-frame.js';
import type { Accelerator } from './kinematics.js';
import { legEndSpeedMps } from './turn-speed.js';

/**
 * Speed at each vertex of a path driven from rest as fast as the limits allow: the forward pass of
 * the acceleration limit (v² = u² + 2·a·s, or the class's a(v) curve) with each vertex's corner
 * speed cap, then the backward pass of the braking limit (u² = v² + 2·b·s), so the vehicle brakes
 * in time for every corner (hvm.md §1, "the forward/backward pass of these two limits").
 * `capsMps[i]` is the turn speed at vertex i (Infinity at the ends and on straight-through
 * vertices); `holdsM[i]` is how far past vertex i its turn's arc keeps the speed to the cap.
 * The last value is the speed at the end of the path.
 */
export function speedProfile(points: readonly XY[], capsMps: readonly number[], accelerator: Accelerator, brakeMps2: number, holdsM?: readonly number[]): number[] {
  const n = points.length;
  const v = new Array<number>(n).fill(0);
  for (let i = 0; i + 1 < n; i++) {
    const L = Math.hypot(points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]);
    v[i + 1] = Math.min(capsMps[i + 1], legEndSpeedMps(accelerator, v[i], capsMps[i], holdsM?.[i] ?? 0, L));
  }
  for (let i = n - 2; i >= 0; i--) {
    const L = Math.hypot(points[i + 1][0] - points[i][0], points[i + 1][1] - points[i][1]);
    v[i] = Math.min(v[i], Math.sqrt(v[i + 1] * v[i + 1] + 2 * brakeMps2 * L));
  }
  return v;
}
