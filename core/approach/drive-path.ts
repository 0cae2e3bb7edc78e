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
    if (i === 1) { v = limits.accelerator.speedAfter(0, Math.hypot(b[0] - p[0], b[1] - p[1])); continue; }
    const a = path[i - 2];
    v = driveBendMps(g, limits, v, a[0], a[1], nodes[i - 1], b[0], b[1], i === 2, i === path.length - 1);
    if (v < 0) return -1;
    capsMps[i - 1] = lastLegCapMps;
    holdsM[i - 1] = lastLegHoldM;
  }
  return v;
}

/**
 * One step of `drivePath`: the speed at b after entering node p from a at `entryMps` and turning
 * there towards b, m/s (-1 when the turn cannot be taken). `firstIn`: the leg a → p is the path's
 * first (from rest, no turn before it: the whole leg is this turn's); `lastOut`: p → b is the last
 * leg into the target (the whole leg is this turn's). `legEdge`: the graph edge p → b when it is one
 * (its room profile is cached), else -1. The same rules as the search's `relax`.
 */
export function driveBendMps(
  g: ApproachGraph, limits: VehicleLimits, entryMps: number,
  ax: number, ay: number, p: number, bx: number, by: number,
  firstIn: boolean, lastOut: boolean, legEdge = -1,
): number {
  const px = g.x[p], py = g.y[p];
  const l1 = Math.hypot(px - ax, py - ay);
  const l2 = Math.hypot(bx - px, by - py);
  const before = firstIn ? l1 : 0.5 * l1;
  const tangent = Math.min(before, lastOut ? l2 : 0.5 * l2);
  return bendLegMps(g, limits, entryMps, (px - ax) / l1, (py - ay) / l1, (bx - px) / l2, (by - py) / l2, p, l2, tangent, -1, legEdge);
}
