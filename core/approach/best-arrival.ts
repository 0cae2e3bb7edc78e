import type { XY } from '../geometry/local-frame.js';
import { insideArea, pointClear, type ApproachGraph } from './approach-graph.js';
import type { SearchResult, VehicleLimits } from './max-speed-search.js';
import { segmentClear, segmentSegmentDistance } from './obstacle-edges.js';
import { speedProfile } from './speed-profile.js';
import type { TargetOutline, TargetSample } from './target-samples.js';
import { turnSpeedMps } from './turn-speed.js';

/** The fastest way found into one target. */
export interface Arrival {
  /** Centre path, local metres: start, turning points, the point of first contact. */
  path: XY[];
  /** Turn speed cap at each vertex, m/s (Infinity where none). */
  capsMps: number[];
  impactMps: number;
  /** Angle between the last leg and the touched outline, degrees (90 = head-on). */
  impactAngleDeg: number;
  lengthM: number;
}

/** Contact is accepted this close inside half the width, m (rounding of the sample point). */
const CONTACT_TOLERANCE_M = 1e-4;

function outlineSegments(outline: TargetOutline): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const r of outline.rings) for (let i = 0; i + 1 < r.length; i++) out.push([r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]]);
  for (const l of outline.lines) for (let i = 0; i + 1 < l.length; i++) out.push([l[i][0], l[i][1], l[i + 1][0], l[i + 1][1]]);
  return out;
}

/**
 * The best arrival at a target: over every contact sample and every graph node that sees it,
 * the highest speed at first contact. The last leg must keep h from every obstacle except the
 * target itself (`targetOwner`, a barrier being hit) and must not touch the target before its end.
 */
export function bestArrival(
  g: ApproachGraph,
  search: SearchResult,
  limits: VehicleLimits,
  outline: TargetOutline,
  samples: readonly TargetSample[],
  targetOwner: number,
): Arrival | undefined {
  const h = g.halfWidthM;
  const targetSegs = outlineSegments(outline);
  let bestMps = -1, bestNode = -1, bestEdge = -1, bestSample = -1;
  const acc = limits.accelerator;
  samples.forEach((s, si) => {
    if (!pointClearExcept(g, s.x, s.y, targetOwner)) return;
    if (!g.nodeIndex) return;
    const near = Number.isFinite(g.maxEdgeM) ? g.nodeIndex.neighbors(s.x, s.y, Infinity, g.maxEdgeM) : Array.from({ length: g.nodeCount }, (_, k) => k);
    near.sort((a, b) => a - b);
    for (const v of near) {
      const L = Math.hypot(s.x - g.x[v], s.y - g.y[v]);
      if (L === 0) continue;
      const dx = (s.x - g.x[v]) / L, dy = (s.y - g.y[v]) / L;
      if (dx * s.nx + dy * s.ny >= 0) continue; // must head into the target
      // Cheap upper bound first: even at top speed entry, can this beat the best?
      if (acc.speedAfter(acc.topSpeedMps, L) <= bestMps) continue;
      if (!firstContactAtEnd(targetSegs, g.x[v], g.y[v], s.x, s.y, h)) continue;
      if (!insideArea(g.areaSegments, g.x[v], g.y[v], s.x, s.y)) continue;
      if (!segmentClear(g.edges, g.x[v], g.y[v], s.x, s.y, h, targetOwner)) continue;
      if (g.isStart[v]) {
        const val = acc.speedAfter(0, L);
        if (val > bestMps) { bestMps = val; bestNode = v; bestEdge = -1; bestSample = si; }
        continue;
      }
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const e = g.inEdge[k];
        const inMps = search.bestMps[e];
        if (inMps < 0) continue;
        const a = g.edgeFrom[e];
        const le = g.edgeLengthM[e];
        const cap = turnSpeedMps((g.x[v] - g.x[a]) / le, (g.y[v] - g.y[a]) / le, dx, dy, g.x[v], g.y[v], g.cornerX[v], g.cornerY[v], g.clearanceM[v], limits.minTurnRadiusM, limits.lateralG);
        if (cap < 0) continue;
        const val = acc.speedAfter(Math.min(inMps, cap), L);
        if (val > bestMps) { bestMps = val; bestNode = v; bestEdge = e; bestSample = si; }
      }
    }
  });
  if (bestMps < 0) return undefined;
  const s = samples[bestSample];
  // Walk the labels back to a start.
  const edgesBack: number[] = [];
  for (let lab = bestEdge >= 0 ? search.bestLabel[bestEdge] : -1; lab >= 0; lab = search.labelPred[lab]) edgesBack.push(search.labelEdge[lab]);
  edgesBack.reverse();
  const nodes = edgesBack.length > 0 ? [g.edgeFrom[edgesBack[0]], ...edgesBack.map((e) => g.edgeTo[e])] : [bestNode];
  const path: XY[] = [...nodes.map((n) => [g.x[n], g.y[n]] as XY), [s.x, s.y]];
  const capsMps = path.map((p, i) => {
    if (i === 0 || i === path.length - 1) return Infinity;
    const n = nodes[i];
    const a = path[i - 1], b = path[i + 1];
    const l1 = Math.hypot(p[0] - a[0], p[1] - a[1]), l2 = Math.hypot(b[0] - p[0], b[1] - p[1]);
    return turnSpeedMps((p[0] - a[0]) / l1, (p[1] - a[1]) / l1, (b[0] - p[0]) / l2, (b[1] - p[1]) / l2, p[0], p[1], g.cornerX[n], g.cornerY[n], g.clearanceM[n], limits.minTurnRadiusM, limits.lateralG);
  });
  let lengthM = 0;
  for (let i = 0; i + 1 < path.length; i++) lengthM += Math.hypot(path[i + 1][0] - path[i][0], path[i + 1][1] - path[i][1]);
  const last = path[path.length - 2];
  const L = Math.hypot(s.x - last[0], s.y - last[1]);
  const cosToNormal = Math.abs(((s.x - last[0]) / L) * s.nx + ((s.y - last[1]) / L) * s.ny);
  return { path, capsMps, impactMps: bestMps, impactAngleDeg: (Math.asin(Math.min(1, cosToNormal)) * 180) / Math.PI, lengthM };
}

function pointClearExcept(g: ApproachGraph, x: number, y: number, owner: number): boolean {
  if (owner < 0) return pointClear(g.edges, g.area, g.halfWidthM, x, y);
  // The sample sits exactly h from the target barrier: test against everything else.
  return segmentClear(g.edges, x, y, x, y, g.halfWidthM, owner) && pointClear(g.edges, g.area, 0, x, y);
}

function firstContactAtEnd(segs: [number, number, number, number][], ax: number, ay: number, bx: number, by: number, h: number): boolean {
  for (const s of segs) if (segmentSegmentDistance(ax, ay, bx, by, s[0], s[1], s[2], s[3]) < h - CONTACT_TOLERANCE_M) return false;
  return true;
}

/** Speeds at the vertices of an arrival's path (forward/backward pass), m/s. */
export function arrivalSpeeds(a: Arrival, limits: VehicleLimits, brakeMps2: number): number[] {
  return speedProfile(a.path, a.capsMps, limits.accelerator, brakeMps2);
}
