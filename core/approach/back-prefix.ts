import type { XY } from '../geometry/local-frame.js';
import type { ApproachGraph } from './approach-graph.js';
import { driveBendMps, drivePath } from './drive-path.js';
import type { VehicleLimits } from './max-speed-search.js';
import { runUpTree } from './run-up-tree.js';
import { MinHeap } from './min-heap.js';
import { G_MPS2 } from '../vehicles/vehicle-classes.js';

/** Labels one search may expand before it gives up and keeps the best way found so far (or none): on the full Monaco extract a way 2 km shorter needs 5–10 k. */
export const BACK_PREFIX_MAX_POPS = 20000;
/** Labels expanded per node: one (the shortest way on from it that can be taken); two gave the same lengths on W2 and Monaco for twice the work. */
export const BACK_PREFIX_PER_NODE = 1;

export interface BackPrefixStats {
  pops: number;
  /** Searches the cap stopped. */
  capped: number;
}

/**
 * A shorter way to drive the same arrival: a new start and run-up, by graph edges, into some node
 * P_i of the found path, then the rest of that path unchanged — the shortest found, or undefined
 * when none is shorter than the path itself.
 *
 * The search runs backwards, from the path's nodes towards the starts, A* by length: a label is a
 * graph edge d = t → u from which a way to the contact is known, with the speed it needs at u (a
 * lower bound, from the join's need by v² = u² + 2aL backwards); it extends to every edge into t whose
 * turn at t onto d can be taken at all and, from top speed, reaches that need (whether a turn can be
 * taken depends on the geometry only — node, legs, clearances — never on speed: `driveBendMps` answers
 * -1 or not whatever the entry speed). Its estimate of the way still to go before t is the larger of
 * the shortest way from any start to t ignoring turns (`runUpTree`, once per graph) and the run-up
 * from rest its needed speed asks for (w²/2a) — both lower bounds, so the first ways found are the
 * shortest. A label is dropped when one expanded on the same edge has no more length to go and needs
 * no more speed; at most `perNode` labels leave each node. Joins enter as one placeholder each, opened
 * when popped. Turns are tested exactly only when a label is popped (a cheap necessary test first).
 *
 * Speed is a forward quantity, so each way found (a label on an edge leaving a start) is driven
 * from rest (`drivePath`) and kept only if it reaches `floorMps` — where the path needed little
 * speed (`needMps[i + 1]`: what leg i + 1 must end at, from `neededSpeedsMps`) it does; where it
 * needed more, the search goes on to the next way. Every leg before the path's own suffix must pass
 * `legAllowed`. The answer never rests on the estimate or the dominance rule.
 */
export function backPrefix(
  g: ApproachGraph, limits: VehicleLimits, nodes: readonly number[], contact: XY, floorMps: number,
  needMps: Float64Array, legAllowed: (a: number, b: number) => boolean,
  maxPops = BACK_PREFIX_MAX_POPS, perNode = BACK_PREFIX_PER_NODE, stats?: BackPrefixStats,
): number[] | undefined {
  const k = nodes.length;
  const tree = runUpTree(g);
  const px = (i: number) => (i < k ? g.x[nodes[i]] : contact[0]);
  const py = (i: number) => (i < k ? g.y[nodes[i]] : contact[1]);
  const rest = new Float64Array(k + 1);
  for (let i = k - 1; i >= 0; i--) rest[i] = rest[i + 1] + Math.hypot(px(i + 1) - px(i), py(i + 1) - py(i));
  let bestTotal = rest[0] * (1 - 1e-9);
  const buf = buffersFor(g);
  const stamp = ++buf.stamp;
  const front = new Fronts(buf, stamp);
  const acc = limits.accelerator;
  const nodeFull = (n: number): boolean => buf.nStamp[n] === stamp && buf.nCount[n] >= perNode;
  const allowed = (e: number): boolean => {
    if (buf.aStamp[e] !== stamp) { buf.aStamp[e] = stamp; buf.aOk[e] = legAllowed(g.edgeFrom[e], g.edgeTo[e]) ? 1 : 0; }
    return buf.aOk[e] === 1;
  };
  // Speed needed, backwards (a lower bound): a leg of length l ending at w m/s starts at no less than
  // √(w² − 2al) (v² = u² + 2al, hvm.md §1; a turn only lowers the speed), and a way from rest that
  // must be at w m/s needs w²/2a of run-up. Constant acceleration only (else no bound: 0).
  const twoA = acc.constantAccelMps2 !== undefined && acc.constantAccelMps2 > 0 ? 2 * acc.constantAccelMps2 : 0;
  const startOf = (wMps: number, lenM: number): number => (twoA > 0 ? Math.sqrt(Math.max(0, wMps * wMps - twoA * lenM)) : 0);
  // Labels: edge, the label after it (-1: the join, then the path's own suffix), length to the
  // contact, join index, and the speed needed at the edge's end.
  const lEdge: number[] = [], lNext: number[] = [], lLen: number[] = [], lJoin: number[] = [], lNeed: number[] = [];
  const heap = new MinHeap();
  /** The label's key: its length on plus, before its edge's start s, at least the tree's way to s and the run-up its needed speed asks for. */
  const keyOf = (e: number, lenM: number, needEndMps: number): number => {
    const s = g.edgeFrom[e];
    const runUp = twoA > 0 ? (needEndMps * needEndMps) / twoA - g.edgeLengthM[e] : 0;
    return lenM + (tree.distM[s] > runUp ? tree.distM[s] : runUp);
  };
  const add = (e: number, next: number, lenM: number, join: number, needEndMps: number, key: number): void => {
    lEdge.push(e); lNext.push(next); lLen.push(lenM); lJoin.push(join); lNeed.push(needEndMps);
    heap.push(key, lEdge.length - 1);
  };
  /** Whether a label on e with this need is worth a turn test: short enough, and a start edge fast enough. */
  const worth = (e: number, needEndMps: number, key: number): boolean =>
    key < bestTotal && (!g.isStart[g.edgeFrom[e]] || acc.speedAfter(0, g.edgeLengthM[e]) >= needEndMps);
  const top = acc.topSpeedMps;
  const fgWide = limits.lateralG * G_MPS2 * (1 + 1e-6);
  /**
   * Cheap necessary test of the turn at t from s onto b (before the exact one, `turnOk`): at a
   * corner node it must wrap the corner (else `turnSpeedMps` refuses it); and with constant
   * acceleration the out-leg can end no faster than √(min(top², cap²) + 2aL), where every arc the
   * turn may take has r ≤ maxTangent / tan(θ/2), so cap² ≤ f·g·maxTangent·√((1 + cosθ)/(1 − cosθ))
   * (the bound of the search's `relax`; margins far above rounding).
   */
  const turnMay = (s: number, t: number, bx: number, by: number, l1: number, l2: number, firstIn: boolean, lastOut: boolean, needEndMps: number): boolean => {
    const ex = (g.x[t] - g.x[s]) / l1, ey = (g.y[t] - g.y[s]) / l1, fx = (bx - g.x[t]) / l2, fy = (by - g.y[t]) / l2;
    const c = ex * fx + ey * fy;
    if (c > 1 - 1e-12) return true; // straight on: no turn
    if (g.cornerX[t] === g.cornerX[t]) {
      const side = ex * (g.cornerY[t] - g.y[t]) - ey * (g.cornerX[t] - g.x[t]);
      if (!((ex * fy - ey * fx) * side > 0)) return false;
    }
    if (twoA <= 0) return true;
    const maxTangentM = Math.min(firstIn ? l1 : 0.5 * l1, lastOut ? l2 : 0.5 * l2);
    const cap2 = fgWide * maxTangentM * Math.sqrt((1 + c) / (1 - c));
    return (cap2 < top * top ? cap2 : top * top) + twoA * l2 >= needEndMps * needEndMps * (1 - 1e-8);
  };
  // The leg after each join, when it is a graph edge (its room profile is cached).
  const outEdge = new Int32Array(k).fill(-1);
  for (let i = 1; i + 1 < k; i++) outEdge[i] = edgeBetween(g, nodes[i], nodes[i + 1]);
  // Each join first enters the heap as one placeholder (edge -1) keyed by a bound on every label it
  // would make: rest[i] + max(tree distance to P_i, need[i+1]²/2a − the leg after it). Its edges into
  // P_i are made only when it is popped — most joins of a long path never are, once a short way is found.
  for (let i = 1; i < k; i++) {
    if (!(needMps[i + 1] < Infinity)) continue;
    const legM = rest[i] - rest[i + 1];
    const runUp = twoA > 0 ? (needMps[i + 1] * needMps[i + 1]) / twoA - legM : 0;
    const key = rest[i] + Math.max(tree.distM[nodes[i]], runUp);
    if (key < bestTotal) add(-1, -1, rest[i], i, needMps[i + 1], key);
  }
  const openJoin = (i: number): void => {
    const v = nodes[i];
    const need = startOf(needMps[i + 1], rest[i] - rest[i + 1]);
    for (let q = g.inStart[v]; q < g.inStart[v + 1]; q++) {
      const e = g.inEdge[q];
      if (g.edgeFrom[e] === nodes[i - 1]) continue; // the path's own leg: nothing shorter that way
      const lenM = g.edgeLengthM[e] + rest[i];
      const key = keyOf(e, lenM, need);
      if (worth(e, need, key) && turnMay(g.edgeFrom[e], v, px(i + 1), py(i + 1), g.edgeLengthM[e], rest[i] - rest[i + 1], g.isStart[g.edgeFrom[e]] === 1, i + 1 === k, needMps[i + 1])) add(e, -1, lenM, i, need, key);
    }
  };
  /**
   * Whether label L's turn at its edge's end can be taken, and fast enough from the best entry
   * (top speed) for what the label after it needs — tested when the label is first popped, not
   * when it is made: most labels are never popped.
   */
  const turnOk = (L: number): boolean => {
    const e = lEdge[L], s = g.edgeFrom[e], t = g.edgeTo[e], next = lNext[L];
    if (next < 0) {
      const i = lJoin[L];
      return driveBendMps(g, limits, top, g.x[s], g.y[s], t, px(i + 1), py(i + 1), g.isStart[s] === 1, i + 1 === k, outEdge[i]) >= needMps[i + 1];
    }
    const d = lEdge[next], u = g.edgeTo[d];
    return driveBendMps(g, limits, top, g.x[s], g.y[s], t, g.x[u], g.y[u], g.isStart[s] === 1, false, d) >= lNeed[next];
  };
  let pops = 0;
  let best: number[] | undefined;
  const trial: number[] = [], caps: number[] = [], holds: number[] = [];
  while (heap.size > 0) {
    if (heap.topKey() >= bestTotal) break;
    if (pops >= maxPops) { if (stats) stats.capped++; break; }
    const L = heap.pop();
    pops++;
    if (lEdge[L] < 0) { openJoin(lJoin[L]); continue; }
    const d = lEdge[L], t = g.edgeFrom[d], u = g.edgeTo[d];
    if (front.dominated(d, lLen[L], lNeed[L]) || nodeFull(t) || !allowed(d) || !turnOk(L)) continue;
    front.add(d, lLen[L], lNeed[L]);
    if (buf.nStamp[t] !== stamp) { buf.nStamp[t] = stamp; buf.nCount[t] = 0; }
    buf.nCount[t]++;
    if (g.isStart[t]) {
      // A whole way: drive it.
      trial.length = 0;
      trial.push(t);
      let l = L;
      for (; lNext[l] >= 0; l = lNext[l]) trial.push(g.edgeTo[lEdge[l]]);
      const i = lJoin[l];
      for (let j = i; j < k; j++) trial.push(nodes[j]);
      const path: XY[] = [...trial.map((n) => [g.x[n], g.y[n]] as XY), contact];
      if (drivePath(g, limits, trial, path, caps, holds) >= floorMps) { bestTotal = lLen[L]; best = [...trial]; }
      continue;
    }
    // Edges c = s → t whose turn at t onto d can be taken.
    const needIn = startOf(lNeed[L], g.edgeLengthM[d]);
    for (let q = g.inStart[t]; q < g.inStart[t + 1]; q++) {
      const c = g.inEdge[q], s = g.edgeFrom[c];
      if (s === u || nodeFull(s)) continue;
      const lenM = lLen[L] + g.edgeLengthM[c];
      const key = keyOf(c, lenM, needIn);
      if (worth(c, needIn, key) && !front.dominated(c, lenM, needIn) && turnMay(s, t, g.x[u], g.y[u], g.edgeLengthM[c], g.edgeLengthM[d], g.isStart[s] === 1, false, lNeed[L])) add(c, L, lenM, -1, needIn, key);
    }
  }
  if (stats) stats.pops += pops;
  return best;
}

function edgeBetween(g: ApproachGraph, a: number, b: number): number {
  for (let e = g.outStart[a]; e < g.outStart[a + 1]; e++) if (g.edgeTo[e] === b) return e;
  return -1;
}

/** Per-graph scratch arrays, reset by a stamp (one search per arrival: no per-call fill of a million edges). */
interface Buffers {
  stamp: number;
  aStamp: Int32Array; aOk: Uint8Array;
  eStamp: Int32Array; eHead: Int32Array; nStamp: Int32Array; nCount: Int32Array;
}
const buffers = new WeakMap<ApproachGraph, Buffers>();
function buffersFor(g: ApproachGraph): Buffers {
  let b = buffers.get(g);
  if (!b) {
    const n = g.nodeCount, m = g.edgeTo.length;
    b = { stamp: 0, aStamp: new Int32Array(m), aOk: new Uint8Array(m), eStamp: new Int32Array(m), eHead: new Int32Array(m), nStamp: new Int32Array(n), nCount: new Int32Array(n) };
    buffers.set(g, b);
  }
  return b;
}

/** Per edge, the (length on, speed needed) of the labels expanded on it, as linked lists. */
class Fronts {
  private lenM: number[] = [];
  private need: number[] = [];
  private next: number[] = [];
  constructor(private buf: Buffers, private stamp: number) {}
  /** Whether a label expanded on edge e has no more length to go and needs no more speed. */
  dominated(e: number, lenM: number, needMps: number): boolean {
    if (this.buf.eStamp[e] !== this.stamp) return false;
    for (let i = this.buf.eHead[e]; i >= 0; i = this.next[i]) if (this.lenM[i] <= lenM && this.need[i] <= needMps) return true;
    return false;
  }
  add(e: number, lenM: number, needMps: number): void {
    const i = this.lenM.length;
    this.lenM.push(lenM); this.need.push(needMps);
    this.next.push(this.buf.eStamp[e] === this.stamp ? this.buf.eHead[e] : -1);
    this.buf.eStamp[e] = this.stamp; this.buf.eHead[e] = i;
  }
}
