import type { XY } from '../geometry/local-frame.js';
import type { ApproachGraph } from './approach-graph.js';
import { bendLegMps } from './bend-leg.js';
import type { VehicleLimits } from './max-speed-search.js';
import { lastLegCapMps, lastLegHoldM } from './turn-speed.js';

/**
 * Drives a path of graph nodes (`nodes`, then the contact point as the last point of `path`) from
 * rest at full acceleration, taking at each turn the arc the search takes (`bendLegMps`: a leg from
 * a start is the turn's alone, every other leg is shared half and half, the last leg is the last
 * turn's alone). Returns the speed at the end, m/s (-1 when a turn cannot be taken), and fills
 * `capsMps` / `holdsM` (the turn speed cap at each vertex and how far past it the arc holds it).
 */
export function drivePath(g: ApproachGraph, limits: VehicleLimits, nodes: readonly number[], path: readonly XY[], capsMps: number[], holdsM: number[]): number {
  let v = 0;
  for (let i = 1; i < path.length; i++) {
    const p = path[i - 1], b = path[i];
    const l2 = Math.hypot(b[0] - p[0], b[1] - p[1]);
    if (i === 1) { v = limits.accelerator.speedAfter(0, l2); continue; }
    const a = path[i - 2];
    const l1 = Math.hypot(p[0] - a[0], p[1] - a[1]);
    const before = i === 2 ? l1 : 0.5 * l1; // the first leg starts at rest, with no turn to share it
    const tangent = Math.min(before, i === path.length - 1 ? l2 : 0.5 * l2);
    v = bendLegMps(g, limits, v, (p[0] - a[0]) / l1, (p[1] - a[1]) / l1, (b[0] - p[0]) / l2, (b[1] - p[1]) / l2, nodes[i - 1], l2, tangent);
    if (v < 0) return -1;
    capsMps[i - 1] = lastLegCapMps;
    holdsM[i - 1] = lastLegHoldM;
  }
  return v;
}
