import type { XY } from '../geometry/local-frame.js';
import type { ApproachGraph } from './approach-graph.js';
import { driveBendMps } from './drive-path.js';
import type { VehicleLimits } from './max-speed-search.js';

/**
 * Backward pass of the speed a path needs: for each leg j of the path (leg j runs from vertex j − 1
 * to vertex j; vertices are `nodes` then `contact`, leg nodes.length is the last), the least speed
 * at the end of leg j from which driving the rest of the path (`driveBendMps`: the same turns, caps,
 * holds, acceleration and top speed as `drivePath`) still ends at `floorMps` or more. Entry 0 is
 * unused; the last entry is `floorMps`. Infinity where no speed will do.
 *
 * Why: the search keeps the highest speed into every edge, even where the top-speed cap later makes
 * it pointless — a path may weave kilometres to carry 3 km/h it does not need (README, "Drawn paths").
 * These needs say what a shorter way into the same vertex must carry.
 *
 * Each step is a bisection, to the last bit, on the leg's entry speed (the end speed of a leg grows with its entry
 * speed: v² = min(u², cap²) + 2aL, hvm.md §1); the bound it keeps always passes its own test, so a
 * caller that confirms a candidate by driving it never depends on that monotonicity.
 * `legEdges[j]`: the graph edge of leg j (room profiles are cached per edge), -1 for the last leg.
 */
export function neededSpeedsMps(
  g: ApproachGraph, limits: VehicleLimits, nodes: readonly number[], contact: XY, floorMps: number, legEdges: readonly number[],
): Float64Array {
  const k = nodes.length;
  const need = new Float64Array(k + 1);
  need[k] = floorMps;
  const top = limits.accelerator.topSpeedMps;
  for (let j = k - 1; j >= 1; j--) {
    // Leg j ends at node j; the turn there leads into leg j + 1.
    const want = need[j + 1];
    if (!(want < Infinity)) { need[j] = Infinity; continue; }
    const a = nodes[j - 1], p = nodes[j];
    const bx = j + 1 < k ? g.x[nodes[j + 1]] : contact[0], by = j + 1 < k ? g.y[nodes[j + 1]] : contact[1];
    const end = (u: number): number => driveBendMps(g, limits, u, g.x[a], g.y[a], p, bx, by, j === 1, j + 1 === k, legEdges[j + 1]);
    if (end(0) >= want) { need[j] = 0; continue; }
    let lo = 0, hi = top;
    if (!(end(hi) >= want)) { need[j] = Infinity; continue; }
    // To the last bit (≈ 55 steps): the need of leg j + 1 is then at most the speed the path itself
    // carries there, which leg j can reach — a coarser bound could ask for 1e-13 m/s more than is possible.
    for (;;) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      if (end(mid) >= want) hi = mid; else lo = mid;
    }
    need[j] = hi;
  }
  return need;
}
