import type { XY } from '../geometry/local-frame.js';
import type { ApproachGraph } from './approach-graph.js';
import type { VehicleLimits } from './max-speed-search.js';
import { drivePath } from './drive-path.js';
import { neededSpeedsMps } from './needed-speeds.js';
import { backPrefix, type BackPrefixStats } from './back-prefix.js';

/**
 * A short way along which a best path still arrives at its impact speed.
 *
 * Why: once a vehicle can reach its impact speed many ways, the search keeps whichever reached an
 * edge first, and its labels keep the highest speed into every edge even where the top-speed cap
 * makes it pointless — on W2 an M1 path weaved 2.9 km to enter its last 262 m straight at 65 km/h
 * where 62 would do. The impact speed is unchanged (only paths that drive to `impactMps` are taken),
 * so the analysis stays exact and monotone; only the drawn path changes. The last node (so the last
 * leg and the impact angle) is always the search's own.
 *
 * Every step is kept only when the whole new path, driven from rest (`drivePath`), still reaches
 * `impactMps` and no leg before the last touches the target (`legAllowed(a, b)`):
 * 1. the speed each leg of the path needs (`neededSpeedsMps`, a backward pass), then the shortest
 *    run-up found from any start into some node of the path, fast enough for the rest (`backPrefix`);
 * 2. `skipNodes`: another start with a straight leg to the latest node it can reach (when shorter),
 *    then, greedily, any run of nodes skipped by a graph edge (the farthest node first).
 * The result is never longer than `nodes`' own path.
 */
export function shortenPath(
  g: ApproachGraph, limits: VehicleLimits, nodes: readonly number[], contact: XY, impactMps: number,
  legAllowed: (a: number, b: number) => boolean, stats?: BackPrefixStats,
): number[] {
  const floor = impactMps * (1 - 1e-12);
  const caps: number[] = [], holds: number[] = [];
  const reaches = (trial: readonly number[]): boolean => drivePath(g, limits, trial, pathOf(g, trial, contact), caps, holds) >= floor;
  let kept = [...nodes];
  if (kept.length >= 2) {
    const legEdges = [-1];
    for (let j = 1; j < kept.length; j++) legEdges.push(edgeBetween(g, kept[j - 1], kept[j]));
    legEdges.push(-1);
    const need = neededSpeedsMps(g, limits, kept, contact, floor, legEdges);
    const shorter = backPrefix(g, limits, kept, contact, floor, need, legAllowed, undefined, undefined, stats);
    if (shorter) kept = shorter;
  }
  kept = skipNodes(g, kept, contact, reaches, legAllowed);
  return kept;
}

function pathOf(g: ApproachGraph, nodes: readonly number[], contact: XY): XY[] {
  return [...nodes.map((n) => [g.x[n], g.y[n]] as XY), contact];
}

/**
 * Another start, straight to the latest node it can reach (starts have no in-edges, so only the
 * first node can be one), when that is shorter; then, greedily, any run of
 * nodes a graph edge skips (always shorter). Each only when `reaches` the trial path.
 */
function skipNodes(
  g: ApproachGraph, nodes: readonly number[], contact: XY, reaches: (trial: readonly number[]) => boolean,
  legAllowed: (a: number, b: number) => boolean,
): number[] {
  let kept = [...nodes];
  // Length of the path from each node on, for the length of a trial with another start.
  const restM = new Float64Array(kept.length);
  for (let j = kept.length - 1; j >= 0; j--) {
    const nx = j + 1 < kept.length ? g.x[kept[j + 1]] : contact[0], ny = j + 1 < kept.length ? g.y[kept[j + 1]] : contact[1];
    restM[j] = (j + 1 < kept.length ? restM[j + 1] : 0) + Math.hypot(nx - g.x[kept[j]], ny - g.y[kept[j]]);
  }
  let best = -1, bestStart = -1;
  for (let j = kept.length - 1; j >= 1 && best < 0; j--) {
    for (let k = g.inStart[kept[j]]; k < g.inStart[kept[j] + 1]; k++) {
      const s = g.edgeFrom[g.inEdge[k]];
      if (!g.isStart[s] || g.edgeLengthM[g.inEdge[k]] + restM[j] >= restM[0] || !legAllowed(s, kept[j])) continue;
      if (!reaches([s, ...kept.slice(j)])) continue;
      best = j; bestStart = s;
      break;
    }
  }
  if (best > 0) kept = [bestStart, ...kept.slice(best)];
  for (let i = 0; i + 2 < kept.length; i++) {
    for (let j = kept.length - 1; j >= i + 2; j--) {
      if (edgeBetween(g, kept[i], kept[j]) < 0 || !legAllowed(kept[i], kept[j])) continue;
      const trial = [...kept.slice(0, i + 1), ...kept.slice(j)];
      if (reaches(trial)) {
        kept = trial;
        break;
      }
    }
  }
  return kept;
}

function edgeBetween(g: ApproachGraph, a: number, b: number): number {
  for (let e = g.outStart[a]; e < g.outStart[a + 1]; e++) if (g.edgeTo[e] === b) return e;
  return -1;
}
