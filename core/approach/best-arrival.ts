import type { XY } from '../geometry/local-frame.js';
import { insideArea, nodesWithin, pointClear, type ApproachGraph } from './approach-graph.js';
import type { SearchResult, VehicleLimits } from './max-speed-search.js';
import { pointSegmentDistance, segmentClear, segmentSegmentDistance } from './obstacle-edges.js';
import { speedProfile } from './speed-profile.js';
import type { TargetOutline, TargetSample } from './target-samples.js';
import { lastLegCapMps, lastLegHoldM, legAfterTurnMps, turnSpeedMps } from './turn-speed.js';

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
  const acc = limits.accelerator;
  // Every admissible last leg with its arrival speed; the best whose earlier legs keep off the target wins.
  const candMps: number[] = [], candNode: number[] = [], candEdge: number[] = [], candSample: number[] = [];
  samples.forEach((s, si) => {
    if (!pointClearExcept(g, s.x, s.y, targetOwner)) return;
    if (!g.nodeIndex) return;
    const near = Number.isFinite(g.maxEdgeM) ? nodesWithin(g.nodeIndex, g.x, g.y, s.x, s.y, g.maxEdgeM) : Array.from({ length: g.nodeCount }, (_, k) => k);
    near.sort((a, b) => a - b);
    for (const v of near) {
      const L = Math.hypot(s.x - g.x[v], s.y - g.y[v]);
      if (L === 0) continue;
      const dx = (s.x - g.x[v]) / L, dy = (s.y - g.y[v]) / L;
      if (dx * s.nx + dy * s.ny >= 0) continue; // must head into the target
      // Speed first (cheap); the leg's geometry is checked only for the candidates that matter.
      if (g.isStart[v]) {
        candMps.push(acc.speedAfter(0, L)); candNode.push(v); candEdge.push(-1); candSample.push(si);
        continue;
      }
      let best = -1, bestE = -1;
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const e = g.inEdge[k];
        const inMps = search.bestMps[e];
        if (inMps < 0) continue;
        // Exact pruning: nothing beats top speed, and a turn never beats straight acceleration.
        if (best >= acc.topSpeedMps) break;
        if (acc.speedAfter(inMps, L) + 1e-9 < best) continue;
        const a = g.edgeFrom[e];
        const le = g.edgeLengthM[e];
        const cap = turnSpeedMps((g.x[v] - g.x[a]) / le, (g.y[v] - g.y[a]) / le, dx, dy, g.x[v], g.y[v], g.cornerX[v], g.cornerY[v], g.clearanceM[v], limits.minTurnRadiusM, limits.lateralG, Math.min(g.isStart[a] ? le : 0.5 * le, L));
        if (cap < 0) continue;
        const val = legAfterTurnMps(acc, inMps, cap, L, limits.minTurnRadiusM, limits.lateralG);
        if (val > best) { best = val; bestE = e; }
      }
      if (bestE >= 0) { candMps.push(best); candNode.push(v); candEdge.push(bestE); candSample.push(si); }
    }
  });
  const order = candMps.map((_, i) => i).sort((a, b) => candMps[b] - candMps[a] || a - b);
  let fallback: Arrival | undefined;
  let tried = 0;
  for (const c of order) {
    if (fallback && candMps[c] <= fallback.impactMps) break;
    const v = candNode[c], s = samples[candSample[c]];
    if (!firstContactAtEnd(targetSegs, g.x[v], g.y[v], s.x, s.y, h)) continue;
    if (!insideArea(g.areaSegments, g.x[v], g.y[v], s.x, s.y)) continue;
    if (!segmentClear(g.edges, g.x[v], g.y[v], s.x, s.y, h, targetOwner)) continue;
    if (++tried > MAX_CANDIDATES_CHECKED) break;
    const a = arrivalOf(g, search, limits, s, v, candEdge[c], candMps[c]);
    const early = earlierContact(a, targetSegs, h, limits);
    if (!early) return a;
    if (!fallback || early.impactMps > fallback.impactMps) fallback = early;
  }
  return fallback;
}

/** Candidates whose path is checked for an earlier touch before giving up on better ones. */
const MAX_CANDIDATES_CHECKED = 256;

function arrivalOf(g: ApproachGraph, search: SearchResult, limits: VehicleLimits, s: TargetSample, node: number, edge: number, mps: number): Arrival {
  // Walk the labels back to a start.
  const edgesBack: number[] = [];
  for (let lab = edge >= 0 ? search.bestLabel[edge] : -1; lab >= 0; lab = search.labelPred[lab]) edgesBack.push(search.labelEdge[lab]);
  edgesBack.reverse();
  const nodes = edgesBack.length > 0 ? [g.edgeFrom[edgesBack[0]], ...edgesBack.map((e) => g.edgeTo[e])] : [node];
  const path: XY[] = [...nodes.map((n) => [g.x[n], g.y[n]] as XY), [s.x, s.y]];
  // Forward pass along the path, choosing at each turn the arc the search chose (wide or tight).
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
    const cap = turnSpeedMps((p[0] - a[0]) / l1, (p[1] - a[1]) / l1, (b[0] - p[0]) / l2, (b[1] - p[1]) / l2, p[0], p[1], g.cornerX[n], g.cornerY[n], g.clearanceM[n], limits.minTurnRadiusM, limits.lateralG, tangent);
    v = legAfterTurnMps(limits.accelerator, v, cap, l2, limits.minTurnRadiusM, limits.lateralG);
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

/**
 * When an earlier leg of the path already touches the target, the arrival that counts is that
 * first touch: the path cut there, with the speed the profile has at that point.
 */
function earlierContact(a: Arrival, segs: [number, number, number, number][], h: number, limits: VehicleLimits): Arrival | undefined {
  const p = a.path;
  const touchAt = (x: number, y: number) => {
    let best = Infinity, seg = -1;
    segs.forEach((s, i) => { const d = pointSegmentDistance(x, y, s[0], s[1], s[2], s[3]); if (d < best) { best = d; seg = i; } });
    return best <= h - CONTACT_TOLERANCE_M ? seg : -1;
  };
  for (let i = 0; i + 2 < p.length; i++) {
    const [ax, ay] = p[i], [bx, by] = p[i + 1];
    let near = false;
    for (const s of segs) if (segmentSegmentDistance(ax, ay, bx, by, s[0], s[1], s[2], s[3]) < h - CONTACT_TOLERANCE_M) { near = true; break; }
    if (!near) continue;
    const L = Math.hypot(bx - ax, by - ay);
    // First point along the leg within h: scan in 5 cm steps, then bisect.
    const steps = Math.max(1, Math.ceil(L / 0.05));
    let hi = -1;
    for (let k = 0; k <= steps; k++) if (touchAt(ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps) >= 0) { hi = k / steps; break; }
    if (hi < 0) continue;
    let lo = Math.max(0, hi - 1 / steps);
    for (let it = 0; it < 30; it++) {
      const mid = (lo + hi) / 2;
      if (touchAt(ax + (bx - ax) * mid, ay + (by - ay) * mid) >= 0) hi = mid; else lo = mid;
    }
    const cx = ax + (bx - ax) * hi, cy = ay + (by - ay) * hi;
    const path = [...p.slice(0, i + 1), [cx, cy] as XY];
    const capsMps = [...a.capsMps.slice(0, i + 1), Infinity];
    const holdsM = [...a.holdsM.slice(0, i + 1), 0];
    const speeds = speedProfile(path, capsMps, limits.accelerator, Infinity, holdsM);
    const seg = segs[touchAt(cx, cy) >= 0 ? touchAt(cx, cy) : 0];
    const sl = Math.hypot(seg[2] - seg[0], seg[3] - seg[1]) || 1;
    const sinAngle = Math.abs(((bx - ax) / L) * ((seg[3] - seg[1]) / sl) - ((by - ay) / L) * ((seg[2] - seg[0]) / sl));
    let lengthM = 0;
    for (let k = 0; k + 1 < path.length; k++) lengthM += Math.hypot(path[k + 1][0] - path[k][0], path[k + 1][1] - path[k][1]);
    return { path, capsMps, holdsM, impactMps: speeds[speeds.length - 1], impactAngleDeg: (Math.asin(Math.min(1, sinAngle)) * 180) / Math.PI, lengthM };
  }
  return undefined;
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
