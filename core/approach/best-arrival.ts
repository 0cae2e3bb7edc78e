import type { XY } from '../geometry/local-frame.js';
import { insideArea, nodesWithin, pointClear, type ApproachGraph } from './approach-graph.js';
import type { SearchResult, SearchStop, VehicleLimits } from './max-speed-search.js';
import { segmentClear, segmentSegmentDistance } from './obstacle-edges.js';
import { speedProfile } from './speed-profile.js';
import { bendLegMps } from './bend-leg.js';
import type { TargetOutline, TargetSample } from './target-samples.js';
import { drivePath } from './drive-path.js';
import { shortenPath } from './shorten-path.js';

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
  /**
   * Set when the whole graph's best path touched the target before its last leg, so the answer is
   * the best without the legs that touch it: found as a 'tie' (another whole-graph path at the same
   * speed), by a re-search 'stopped' once it reached that speed, or 'searched' to its fixpoint.
   */
  restricted?: 'tie' | 'stopped' | 'searched';
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
 * best candidate touches this target early, the answer is the best over the graph without the legs
 * that touch the target (`searchWithout`); otherwise the shared result is already the answer (its
 * path is a path of the restricted graph, and the restricted speeds are never higher). Either way
 * the result is the best over a path family that adding an obstacle can only shrink.
 *
 * The restricted answer is at most U, the whole graph's best (fewer legs never raise a speed), so
 * it is U as soon as any path of the restricted graph reaches U: first another whole-graph candidate
 * at U whose path does not touch the target (no re-search), else the re-search stops at the first
 * admissible last leg reaching U (`SearchStop`; first in an order drawn towards the target, with a
 * pop budget, then in the plain order). Only when the restricted best is below U does the re-search
 * run to its fixpoint. The speed is the same; the path may be another one of equal speed.
 */
export function bestArrival(
  g: ApproachGraph,
  search: SearchResult,
  limits: VehicleLimits,
  outline: TargetOutline,
  samples: readonly TargetSample[],
  targetOwner: number,
  searchWithout: (blockedEdge: Uint8Array, stop?: SearchStop) => SearchResult,
): Arrival | undefined {
  const h = g.halfWidthM;
  const targetSegs = outlineSegments(outline);
  const pairs = lastLegPairs(g, search, limits, samples, targetSegs, targetOwner);
  const first = bestCandidate(g, search, limits, pairs);
  if (!first) return undefined;
  // Whether to re-search is decided on the search's own path (before `shortenPath`).
  const own = labelNodes(g, search, first.node, first.edge);
  if (!touchesEarly([...own.map((n) => [g.x[n], g.y[n]] as XY), [first.sample.x, first.sample.y]], targetSegs, h)) return arrivalAlong(g, limits, own, first.sample, first.mps, targetSegs);
  const blocked = touchingEdges(g, targetSegs, h);
  const upperMps = first.mps;
  const tie = cleanCandidateAt(g, search, limits, pairs, upperMps, blocked);
  if (tie) return { ...arrivalOf(g, search, limits, tie.sample, tie.node, tie.edge, tie.mps, targetSegs), restricted: 'tie' };
  const watch = reachWatch(g, limits, pairs, upperMps);
  // First in an order drawn towards the target (the path at U is found sooner: on W2 N3G 20 k pops
  // instead of 216 k), then, if that gives up, in the plain order (the same fixpoint as before, to the bit).
  const guided = searchWithout(blocked, { ...watch.stop, orderBonusMps: towardsTarget(g, samples) });
  let found = watch.found();
  if (found) return { ...arrivalOf(g, guided, limits, found.sample, found.node, found.edge, found.mps, targetSegs), restricted: 'stopped' };
  const restricted = searchWithout(blocked, watch.stop);
  found = watch.found();
  if (found) return { ...arrivalOf(g, restricted, limits, found.sample, found.node, found.edge, found.mps, targetSegs), restricted: 'stopped' };
  const second = bestCandidate(g, restricted, limits, lastLegPairs(g, restricted, limits, samples, targetSegs, targetOwner));
  if (!second) return undefined;
  return { ...arrivalOf(g, restricted, limits, second.sample, second.node, second.edge, second.mps, targetSegs), restricted: 'searched' };
}

interface Candidate { sample: TargetSample; node: number; edge: number; mps: number }

/**
 * The (sample, node) pairs a last leg may join, for one search: every node that search reaches
 * within a leg's length of a clear sample, heading into the target; with the straight-acceleration
 * bound from the node's best incoming speed, in order of that bound (ties: sample, then node).
 * Whether a pair's leg is admissible (geometry only) is worked out once, when first asked.
 */
interface LastLegPairs {
  g: ApproachGraph;
  targetSegs: [number, number, number, number][];
  targetOwner: number;
  sample: TargetSample[];
  node: number[];
  lengthM: number[];
  ubMps: number[];
  order: number[];
  /** 0 = not yet checked, 1 = admissible, 2 = not. */
  geometry: Uint8Array;
}

function lastLegPairs(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, samples: readonly TargetSample[], targetSegs: [number, number, number, number][], targetOwner: number): LastLegPairs {
  const acc = limits.accelerator;
  const p: LastLegPairs = { g, targetSegs, targetOwner, sample: [], node: [], lengthM: [], ubMps: [], order: [], geometry: new Uint8Array(0) };
  if (!g.nodeIndex) return p;
  const bestIn = bestIncomingMps(g, search);
  for (const s of samples) {
    if (!pointClearExcept(g, s.x, s.y, targetOwner)) continue;
    const near = Number.isFinite(g.maxEdgeM) ? nodesWithin(g.nodeIndex, g.x, g.y, s.x, s.y, g.maxEdgeM) : Array.from({ length: g.nodeCount }, (_, k) => k);
    near.sort((a, b) => a - b);
    for (const v of near) {
      if (bestIn[v] < 0) continue;
      const L = Math.hypot(s.x - g.x[v], s.y - g.y[v]);
      if (L === 0) continue;
      if ((s.x - g.x[v]) * s.nx + (s.y - g.y[v]) * s.ny >= 0) continue; // must head into the target
      p.sample.push(s); p.node.push(v); p.lengthM.push(L); p.ubMps.push(acc.speedAfter(bestIn[v], L));
    }
  }
  const ub = p.ubMps;
  p.order = ub.map((_, i) => i).sort((a, b) => ub[b] - ub[a] || a - b);
  p.geometry = new Uint8Array(ub.length);
  return p;
}

/** Per search (shared by all targets), the best speed into each node, m/s: 0 at a start, -1 when unreached. */
const bestInCache = new WeakMap<SearchResult, Float64Array>();

function bestIncomingMps(g: ApproachGraph, search: SearchResult): Float64Array {
  let bestIn = bestInCache.get(search);
  if (bestIn) return bestIn;
  bestIn = new Float64Array(g.nodeCount).fill(-1);
  for (let v = 0; v < g.nodeCount; v++) {
    if (g.isStart[v]) { bestIn[v] = 0; continue; }
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) bestIn[v] = Math.max(bestIn[v], search.bestMps[g.inEdge[k]]);
  }
  bestInCache.set(search, bestIn);
  return bestIn;
}

/** Whether pair c's last leg is admissible: first contact at its end, inside the area, clear of all but the target. */
function admissible(p: LastLegPairs, c: number): boolean {
  if (p.geometry[c] === 0) {
    const g = p.g, v = p.node[c], s = p.sample[c];
    const ok = firstContactAtEnd(p.targetSegs, g.x[v], g.y[v], s.x, s.y, g.halfWidthM)
      && insideArea(g.areaSegments, g.x[v], g.y[v], s.x, s.y)
      && segmentClear(g.edges, g.x[v], g.y[v], s.x, s.y, g.halfWidthM, p.targetOwner);
    p.geometry[c] = ok ? 1 : 2;
  }
  return p.geometry[c] === 1;
}

/** Speed at the end of pair c's last leg entered along edge e at inMps (-1 when the bend cannot be taken). */
function lastLegMps(g: ApproachGraph, limits: VehicleLimits, p: LastLegPairs, c: number, e: number, inMps: number, floorMps: number): number {
  const v = p.node[c], s = p.sample[c], L = p.lengthM[c];
  const dx = (s.x - g.x[v]) / L, dy = (s.y - g.y[v]) / L;
  const a = g.edgeFrom[e];
  const le = g.edgeLengthM[e];
  return bendLegMps(g, limits, inMps, (g.x[v] - g.x[a]) / le, (g.y[v] - g.y[a]) / le, dx, dy, v, L, Math.min(g.isStart[a] ? le : 0.5 * le, L), floorMps);
}

/**
 * The fastest admissible last leg into the target, given the best speed into every edge: the
 * maximum over (sample, node) pairs whose leg is admissible. Pairs are taken in order of an upper
 * bound (straight acceleration from the node's best incoming speed), so most are skipped exactly.
 */
function bestCandidate(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, p: LastLegPairs): Candidate | undefined {
  const acc = limits.accelerator;
  let found: Candidate | undefined;
  let bestMps = -1;
  for (const c of p.order) {
    if (p.ubMps[c] <= bestMps) break;
    const v = p.node[c], L = p.lengthM[c];
    // The leg's geometry does not depend on how the node was reached: check it once, first.
    if (!admissible(p, c)) continue;
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
        const out = lastLegMps(g, limits, p, c, e, inMps, floor);
        if (out > floor) { val = out; bestE = e; }
      }
    }
    if (!(val > bestMps)) continue;
    bestMps = val;
    found = { sample: p.sample[c], node: v, edge: bestE, mps: val };
  }
  return found;
}

/** Relative margin below a speed to reach, so that a bend able to reach it answers its exact speed (not -1). */
const REACH_FLOOR = 1 - 1e-12;

/**
 * A whole-graph candidate at `upperMps` whose path uses no blocked edge (a path of the restricted
 * graph, so the restricted best is reached), if there is one.
 */
function cleanCandidateAt(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, p: LastLegPairs, upperMps: number, blocked: Uint8Array): Candidate | undefined {
  const acc = limits.accelerator;
  const floor = upperMps * REACH_FLOOR;
  const clean = (e: number): boolean => {
    for (let lab = search.bestLabel[e]; lab >= 0; lab = search.labelPred[lab]) if (blocked[search.labelEdge[lab]]) return false;
    return true;
  };
  for (const c of p.order) {
    if (p.ubMps[c] < upperMps) break;
    const v = p.node[c], L = p.lengthM[c];
    if (!admissible(p, c)) continue;
    if (g.isStart[v]) {
      const val = acc.speedAfter(0, L);
      if (val >= upperMps) return { sample: p.sample[c], node: v, edge: -1, mps: val };
      continue;
    }
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const e = g.inEdge[k];
      const inMps = search.bestMps[e];
      if (inMps < 0 || blocked[e] || acc.speedAfter(inMps, L) < upperMps || !clean(e)) continue;
      const out = lastLegMps(g, limits, p, c, e, inMps, floor);
      if (out >= upperMps) return { sample: p.sample[c], node: v, edge: e, mps: out };
    }
  }
  return undefined;
}

/**
 * Weight of the distance to the target in a guided re-search's order, m/s per m (100 m ≈ 10 m/s).
 * Tuned on W2 (re-search pops, plain → guided: N1G 151 k → 29 k, N3C 138 k → 10 k, N3F 151 k → 56 k,
 * N3G 216 k → 20 k; N1 9 k → 41 k, N2A 6 k → 11 k); on the small demo scene it gives up (the plain
 * order is then run as well, a quarter more pops).
 */
const GUIDE_MPS_PER_M = 0.1;

/** Per node, minus GUIDE_MPS_PER_M times its distance to the box of the target's samples. */
function towardsTarget(g: ApproachGraph, samples: readonly TargetSample[]): Float64Array {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const s of samples) { x0 = Math.min(x0, s.x); x1 = Math.max(x1, s.x); y0 = Math.min(y0, s.y); y1 = Math.max(y1, s.y); }
  const out = new Float64Array(g.nodeCount);
  for (let v = 0; v < g.nodeCount; v++) out[v] = -GUIDE_MPS_PER_M * Math.hypot(Math.max(0, x0 - g.x[v], g.x[v] - x1), Math.max(0, y0 - g.y[v], g.y[v] - y1));
  return out;
}

/**
 * Watches a restricted re-search for an admissible last leg reaching `upperMps`: per node, its
 * pairs longest leg first, so the straight-acceleration bound ends each scan early.
 */
function reachWatch(g: ApproachGraph, limits: VehicleLimits, p: LastLegPairs, upperMps: number): { stop: SearchStop; found: () => Candidate | undefined } {
  const acc = limits.accelerator;
  const floor = upperMps * REACH_FLOOR;
  const watch = new Uint8Array(g.nodeCount);
  const byNode = new Map<number, number[]>();
  for (let c = 0; c < p.node.length; c++) {
    const v = p.node[c];
    if (g.isStart[v]) continue; // a start's last leg starts at rest: the whole graph's value, already checked
    watch[v] = 1;
    let list = byNode.get(v);
    if (!list) byNode.set(v, (list = []));
    list.push(c);
  }
  for (const list of byNode.values()) list.sort((a, b) => p.lengthM[b] - p.lengthM[a] || a - b);
  let found: Candidate | undefined;
  const reached = (e: number, inMps: number): boolean => {
    const v = g.edgeTo[e];
    for (const c of byNode.get(v)!) {
      if (acc.speedAfter(inMps, p.lengthM[c]) < upperMps) break;
      if (!admissible(p, c)) continue;
      const out = lastLegMps(g, limits, p, c, e, inMps, floor);
      if (out >= upperMps) {
        found = { sample: p.sample[c], node: v, edge: e, mps: out };
        return true;
      }
    }
    return false;
  };
  return { stop: { watch, reached }, found: () => found };
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

/** The nodes of the search's path into `edge` (labels walked back to a start), or just `node` when the last leg starts there. */
function labelNodes(g: ApproachGraph, search: SearchResult, node: number, edge: number): number[] {
  const edgesBack: number[] = [];
  for (let lab = edge >= 0 ? search.bestLabel[edge] : -1; lab >= 0; lab = search.labelPred[lab]) edgesBack.push(search.labelEdge[lab]);
  edgesBack.reverse();
  return edgesBack.length > 0 ? [g.edgeFrom[edgesBack[0]], ...edgesBack.map((e) => g.edgeTo[e])] : [node];
}

function arrivalOf(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, s: TargetSample, node: number, edge: number, mps: number, targetSegs: [number, number, number, number][]): Arrival {
  return arrivalAlong(g, limits, labelNodes(g, search, node, edge), s, mps, targetSegs);
}

/** The arrival along `found` then into sample s, drawn the shortest way at the same speed (no leg before the last may touch the target). */
function arrivalAlong(g: ApproachGraph, limits: VehicleLimits, found: number[], s: TargetSample, mps: number, targetSegs: [number, number, number, number][]): Arrival {
  const h = g.halfWidthM;
  const nodes = shortenPath(g, limits, found, [s.x, s.y], mps, (a, b) => firstContactAtEnd(targetSegs, g.x[a], g.y[a], g.x[b], g.y[b], h));
  const path: XY[] = [...nodes.map((n) => [g.x[n], g.y[n]] as XY), [s.x, s.y]];
  // Forward pass along the path, choosing at each turn the arc the search chose.
  const holdsM = path.map(() => 0);
  const capsMps = path.map(() => Infinity);
  drivePath(g, limits, nodes, path, capsMps, holdsM);
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
