import type { XY } from '../geometry/local-frame.js';
import type { ApproachGraph } from './approach-graph.js';
import type { VehicleLimits } from './max-speed-search.js';
import { drivePath } from './drive-path.js';

/**
 * The shortest way along a best path that still arrives at its impact speed: skips runs of its
 * nodes wherever a graph edge joins the ends and driving the shortened path still reaches
 * `impactMps` (greedy, the farthest node first).
 *
 * Why: once a vehicle is at top speed, every way on that keeps top speed is equally fast, and the
 * search keeps whichever reached an edge first — on the demo scene M1 (160 km/h everywhere) was shown
 * looping 1.7–4.2 km through a 600 m site. The impact speed is unchanged (only paths reaching it are
 * taken), so the analysis stays exact and monotone; only the drawn path changes.
 * `legAllowed(a, b)`: whether a leg between nodes a and b may be driven before the last leg (it must
 * not touch the target early).
 */
export function shortenPath(
  g: ApproachGraph, limits: VehicleLimits, nodes: readonly number[], contact: XY, impactMps: number,
  legAllowed: (a: number, b: number) => boolean,
): number[] {
  const floor = impactMps * (1 - 1e-12);
  let kept = [...nodes];
  const caps: number[] = [], holds: number[] = [];
  const reaches = (trial: number[]): boolean => {
    const path: XY[] = [...trial.map((n) => [g.x[n], g.y[n]] as XY), contact];
    return drivePath(g, limits, trial, path, caps, holds) >= floor;
  };
  // Another start, straight to the latest node it can: a run-up from the area's edge instead of a
  // detour (starts have no in-edges, so only the first node can be one).
  let best = -1, bestStart = -1;
  for (let j = kept.length - 1; j >= 1 && best < 0; j--) {
    for (let k = g.inStart[kept[j]]; k < g.inStart[kept[j] + 1]; k++) {
      const s = g.edgeFrom[g.inEdge[k]];
      if (!g.isStart[s] || !legAllowed(s, kept[j]) || !reaches([s, ...kept.slice(j)])) continue;
      best = j; bestStart = s;
      break;
    }
  }
  if (best > 0) kept = [bestStart, ...kept.slice(best)];
  for (let i = 0; i + 2 < kept.length; i++) {
    for (let j = kept.length - 1; j >= i + 2; j--) {
      if (!hasEdge(g, kept[i], kept[j]) || !legAllowed(kept[i], kept[j])) continue;
      const trial = [...kept.slice(0, i + 1), ...kept.slice(j)];
      if (reaches(trial)) {
        kept = trial;
        break;
      }
    }
  }
  return kept;
}

function hasEdge(g: ApproachGraph, a: number, b: number): boolean {
  for (let e = g.outStart[a]; e < g.outStart[a + 1]; e++) if (g.edgeTo[e] === b) return true;
  return false;
}
