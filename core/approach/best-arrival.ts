import type { XY } from '../geometry/local-frame.js';
import { insideArea, nodesWithin, pointClear, type ApproachGraph } from './approach-graph.js';
import type { SearchResult, VehicleLimits } from './max-speed-search.js';
import { segmentClear, segmentSegmentDistance } from './obstacle-edges.js';
import { speedProfile } from './speed-profile.js';
import { bendLegMps } from './bend-leg.js';
import type { TargetOutline, TargetSample } from './target-samples.js';
import { lastLegCapMps, lastLegHoldM } from './turn-speed.js';

/** The fastest way found into one target. */
export interface Arrival {
  /** Centre path, local metres: start, turning points, the point of first contact. */
  path: XY[];
  /** Turn speed cap at each vertex, m/s (Infinity where none). */
  capsMps: number[];
  /** How far past each vertex its turn's arc holds the speed to the cap, m. */
  holdsM: number[];
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
 * target itself (`targetOwner`, a barrier being hit) and must not touch the target before its end;
 * no earlier leg may touch the target either (a path that grazes the target earlier has already hit
 * it there, and the search would otherwise credit it with the speed it carries on past).
 *
 * `search` is the search of the whole graph, shared by all targets. When the path it gives for the
 * best candidate touches this target early, the search is run again without the legs that touch
 * the target (`searchWithout`); otherwise the shared result is already the answer (its path is a path
 * of the restricted graph, and the restricted speeds are never higher). Either way the result is the
 * best over a path family that adding an obstacle can only shrink.
 */
export function bestArrival(
  g: ApproachGraph,
  search: SearchResult,
  limits: VehicleLimits,
  outline: TargetOutline,
  samples: readonly TargetSample[],
  targetOwner: number,
  searchWithout: (blockedEdge: Uint8Array) => SearchResult,
): Arrival | undefined {
  const h = g.halfWidthM;
  const targetSegs = outlineSegments(outline);
  const first = bestCandidate(g, search, limits, samples, targetSegs, targetOwner);
  if (!first) return undefined;
  const a = arrivalOf(g, search, limits, first.sample, first.node, first.edge, first.mps);
  if (!touchesEarly(a.path, targetSegs, h)) return a;
  const blocked = touchingEdges(g, targetSegs, h);
  const restricted = searchWithout(blocked);
  const second = bestCandidate(g, restricted, limits, samples, targetSegs, targetOwner);
  if (!second) return undefined;
  return arrivalOf(g, restricted, limits, second.sample, second.node, second.edge, second.mps);
}

interface Candidate { sample: TargetSample; node: number; edge: number; mps: number }

/**
 * The fastest admissible last leg into the target, given the best speed into every edge: the
 * maximum over (sample, node) pairs whose leg is admissible. Pairs are taken in order of an upper
 * bound (straight acceleration from the node's best incoming speed), so most are skipped exactly.
 */
function bestCandidate(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, samples: readonly TargetSample[], targetSegs: [number, number, number, number][], targetOwner: number): Candidate | undefined {
  const h = g.halfWidthM;
  const acc = limits.accelerator;
  if (!g.nodeIndex) return undefined;
  const bestIn = new Float64Array(g.nodeCount).fill(-1);
  for (let v = 0; v < g.nodeCount; v++) {
    if (g.isStart[v]) { bestIn[v] = 0; continue; }
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) bestIn[v] = Math.max(bestIn[v], search.bestMps[g.inEdge[k]]);
  }
  const pairS: number[] = [], pairV: number[] = [], pairUb: number[] = [];
  samples.forEach((s, si) => {
    if (!pointClearExcept(g, s.x, s.y, targetOwner)) return;
    const near = Number.isFinite(g.maxEdgeM) ? nodesWithin(g.nodeIndex!, g.x, g.y, s.x, s.y, g.maxEdgeM) : Array.from({ length: g.nodeCount }, (_, k) => k);
    near.sort((a, b) => a - b);
    for (const v of near) {
      if (bestIn[v] < 0) continue;
      const L = Math.hypot(s.x - g.x[v], s.y - g.y[v]);
      if (L === 0) continue;
      if ((s.x - g.x[v]) * s.nx + (s.y - g.y[v]) * s.ny >= 0) continue; // must head into the target
      pairS.push(si); pairV.push(v); pairUb.push(acc.speedAfter(bestIn[v], L));
    }
  });
  const order = pairUb.map((_, i) => i).sort((a, b) => pairUb[b] - pairUb[a] || a - b);
  let found: Candidate | undefined;
  let bestMps = -1;
  for (const c of order) {
    if (pairUb[c] <= bestMps) break;
    const v = pairV[c], s = samples[pairS[c]];
    const L = Math.hypot(s.x - g.x[v], s.y - g.y[v]);
    const dx = (s.x - g.x[v]) / L, dy = (s.y - g.y[v]) / L;
    // The leg's geometry does not depend on how the node was reached: check it once, first.
    if (!firstContactAtEnd(targetSegs, g.x[v], g.y[v], s.x, s.y, h)) continue;
    if (!insideArea(g.areaSegments, g.x[v], g.y[v], s.x, s.y)) continue;
    if (!segmentClear(g.edges, g.x[v], g.y[v], s.x, s.y, h, targetOwner)) continue;
    let val = -1, bestE = -1;
    if (g.isStart[v]) {
      val = acc.speedAfter(0, L);
    } else {
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const e = g.inEdge[k];
        const inMps = search.bestMps[e];
        if (inMps < 0) continue;
        const floor = Math.max(val, bestMps);
        // Exact pruning: a turn never beats straight acceleration.
        if (acc.speedAfter(inMps, L) <= floor) continue;
        const a = g.edgeFrom[e];
        const le = g.edgeLengthM[e];
        const out = bendLegMps(g, limits, inMps, (g.x[v] - g.x[a]) / le, (g.y[v] - g.y[a]) / le, dx, dy, v, L, Math.min(g.isStart[a] ? le : 0.5 * le, L), floor);
        if (out > floor) { val = out; bestE = e; }
      }
    }
    if (!(val > bestMps)) continue;
    bestMps = val;
    found = { sample: s, node: v, edge: bestE, mps: val };
  }
  return found;
}

/** Whether any leg but the last comes within h of the target's outline. */
function touchesEarly(path: XY[], segs: [number, number, number, number][], h: number): boolean {
  for (let i = 0; i + 2 < path.length; i++) {
    if (!firstContactAtEnd(segs, path[i][0], path[i][1], path[i + 1][0], path[i + 1][1], h)) return true;
  }
  return false;
}

/** Graph edges that come within h of the target's outline (1 = touches). */
function touchingEdges(g: ApproachGraph, segs: [number, number, number, number][], h: number): Uint8Array {
  const m = g.edgeTo.length;
  const out = new Uint8Array(m);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const s of segs) { x0 = Math.min(x0, s[0], s[2]); x1 = Math.max(x1, s[0], s[2]); y0 = Math.min(y0, s[1], s[3]); y1 = Math.max(y1, s[1], s[3]); }
  x0 -= h; y0 -= h; x1 += h; y1 += h;
  for (let e = 0; e < m; e++) {
    const a = g.edgeFrom[e], b = g.edgeTo[e];
    const ax = g.x[a], ay = g.y[a], bx = g.x[b], by = g.y[b];
    if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) continue;
    if (!firstContactAtEnd(segs, ax, ay, bx, by, h)) out[e] = 1;
  }
  return out;
}

function arrivalOf(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, s: TargetSample, node: number, edge: number, mps: number): Arrival {
  // Walk the labels back to a start.
  const edgesBack: number[] = [];
  for (let lab = edge >= 0 ? search.bestLabel[edge] : -1; lab >= 0; lab = search.labelPred[lab]) edgesBack.push(search.labelEdge[lab]);
  edgesBack.reverse();
  const nodes = edgesBack.length > 0 ? [g.edgeFrom[edgesBack[0]], ...edgesBack.map((e) => g.edgeTo[e])] : [node];
  const path: XY[] = [...nodes.map((n) => [g.x[n], g.y[n]] as XY), [s.x, s.y]];
  // Forward pass along the path, choosing at each turn the arc the search chose.
  const holdsM = path.map(() => 0);
  const capsMps = path.map(() => Infinity);
  let v = 0;
  for (let i = 1; i < path.length; i++) {
    const p = path[i - 1], b = path[i];
    const l2 = Math.hypot(b[0] - p[0], b[1] - p[1]);
    if (i === 1) { v = limits.accelerator.speedAfter(0, l2); continue; }
    const n = nodes[i - 1];
    const a = path[i - 2];
    const l1 = Math.hypot(p[0] - a[0], p[1] - a[1]);
    const before = i === 2 ? l1 : 0.5 * l1; // the first leg starts at rest, with no turn to share it
    const tangent = Math.min(before, i === path.length - 1 ? l2 : 0.5 * l2);
    v = bendLegMps(g, limits, v, (p[0] - a[0]) / l1, (p[1] - a[1]) / l1, (b[0] - p[0]) / l2, (b[1] - p[1]) / l2, n, l2, tangent);
    capsMps[i - 1] = lastLegCapMps;
    holdsM[i - 1] = lastLegHoldM;
  }
  let lengthM = 0;
  for (let i = 0; i + 1 < path.length; i++) lengthM += Math.hypot(path[i + 1][0] - path[i][0], path[i + 1][1] - path[i][1]);
  const last = path[path.length - 2];
  const L = Math.hypot(s.x - last[0], s.y - last[1]);
  const cosToNormal = Math.abs(((s.x - last[0]) / L) * s.nx + ((s.y - last[1]) / L) * s.ny);
  return { path, capsMps, holdsM, impactMps: mps, impactAngleDeg: (Math.asin(Math.min(1, cosToNormal)) * 180) / Math.PI, lengthM };
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
  return speedProfile(a.path, a.capsMps, limits.accelerator, brakeMps2, a.holdsM);
}
