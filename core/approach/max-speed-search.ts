import type { ApproachGraph } from './approach-graph.js';
import type { Accelerator } from './kinematics.js';
import { abortError } from './abort-error.js';
import { bendLegMps } from './bend-leg.js';
import { G_MPS2 } from '../vehicles/vehicle-classes.js';

/**
 * The highest speed a vehicle can have at the end of every graph edge, driving from rest at any
 * start node (hvm.md §1: acceleration limit, corner skid limit, minimum turning radius, top
 * speed). States are directed edges, so a turn's speed depends on the way the vehicle came in.
 *
 * Why it is exact for the graph: at any point of a path, every speed below the best is also
 * drivable (brake earlier or accelerate less), so the best speed at the end of edge (v→w) is
 * max over the edges (u→v) coming in of speedAfter(min(best(u→v), turn speed at v), |vw|), a
 * monotone fixpoint reached by label-correcting from 0. Braking never lowers a corner speed, so
 * it only shapes the reported profile (see `speedProfile`). Adding an obstacle removes edges and
 * shrinks node clearances, so no best speed can rise.
 */
export interface SearchResult {
  /** Best speed at the end of each edge, m/s (-1 when the edge cannot be driven). */
  bestMps: Float64Array;
  /** Label of the best speed of each edge (for the path), -1 when none. */
  bestLabel: Int32Array;
  /** Labels: the edge, its speed and the label it came from (-1 at a start). */
  labelEdge: Int32Array;
  labelPred: Int32Array;
  labelMps: Float64Array;
  /** Labels in use (the arrays may be longer). */
  labelCount: number;
  /** The edge whose improvement stopped the search early (`SearchStop`), -1 when it did not stop there. */
  stoppedAt: number;
  /** False when a guided search gave up (`SearchStop.orderBonusMps`): its speeds are not the fixpoint. */
  complete: boolean;
}

/**
 * Stops a search as soon as it has what its caller wants: each time the best speed into a node
 * with `watch[v] = 1` rises, `reached(edge, mps)` is asked, and true stops the search there. The
 * speeds are then lower bounds (each is the speed of a drivable path, the one its label gives), not
 * the fixpoint.
 */
export interface SearchStop {
  watch: Uint8Array;
  reached: (edge: number, mps: number) => boolean;
  /**
   * Optional: a guided order for a re-search expected to stop, per node (≤ 0, m/s) added to the heap
   * key of every edge into it (e.g. less the closer the node is to the target). Any order gives
   * drivable speeds, so a stop is as good as in the plain order; but the search then gives up after
   * 1000 pops plus a quarter of the edges it recomputes (`complete` false, speeds not a fixpoint),
   * and the caller must search again in the plain order (warm re-searches only).
   */
  orderBonusMps?: Float64Array;
}

export interface VehicleLimits {
  accelerator: Accelerator;
  minTurnRadiusM: number;
  lateralG: number;
}

/**
 * A 4-ary max-heap (shallower than a binary one: fewer cache misses on a million edges) of edges
 * keyed by their best speed, on typed arrays, one entry per edge: raising an
 * edge's speed moves its entry up instead of adding another (no stale entries to pop). Ties go to
 * the lower edge index, so the pop order is the same as a heap of (speed, edge) pairs that skips
 * entries below the edge's current best.
 */
class MaxHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  /** Position of each edge in the heap, -1 when absent. */
  private pos: Int32Array;
  size = 0;
  constructor(edgeCount: number) {
    this.keys = new Float64Array(Math.max(1, edgeCount));
    this.vals = new Int32Array(Math.max(1, edgeCount));
    this.pos = new Int32Array(edgeCount).fill(-1);
  }
  /** Inserts the edge, or raises its key (keys only ever rise). */
  push(key: number, val: number): void {
    const keys = this.keys, vals = this.vals, pos = this.pos;
    let i = pos[val];
    if (i < 0) i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      if (keys[p] > key || (keys[p] === key && vals[p] <= val)) break;
      keys[i] = keys[p]; vals[i] = vals[p]; pos[vals[i]] = i; i = p;
    }
    keys[i] = key; vals[i] = val; pos[val] = i;
  }
  /** Pops the top; returns its value, the key in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const keys = this.keys, vals = this.vals, pos = this.pos;
    const topV = vals[0];
    this.lastKey = keys[0];
    pos[topV] = -1;
    const n = --this.size;
    if (n === 0) return topV;
    const k = keys[n], v = vals[n];
    let i = 0;
    for (;;) {
      const c0 = 4 * i + 1;
      if (c0 >= n) break;
      // The best of up to four children: higher key, then lower edge.
      let c = c0;
      const cEnd = c0 + 4 < n ? c0 + 4 : n;
      for (let d = c0 + 1; d < cEnd; d++) if (keys[d] > keys[c] || (keys[d] === keys[c] && vals[d] < vals[c])) c = d;
      if (keys[c] < k || (keys[c] === k && vals[c] >= v)) break;
      keys[i] = keys[c]; vals[i] = vals[c]; pos[vals[i]] = i; i = c;
    }
    keys[i] = k; vals[i] = v; pos[v] = i;
    return topV;
  }
}

class Labels {
  edge = new Int32Array(1024);
  pred = new Int32Array(1024);
  mps = new Float64Array(1024);
  n = 0;
  add(edge: number, pred: number, mps: number): number {
    if (this.n === this.edge.length) {
      const e = new Int32Array(this.n * 2); e.set(this.edge); this.edge = e;
      const p = new Int32Array(this.n * 2); p.set(this.pred); this.pred = p;
      const m = new Float64Array(this.n * 2); m.set(this.mps); this.mps = m;
    }
    this.edge[this.n] = edge; this.pred[this.n] = pred; this.mps[this.n] = mps;
    return this.n++;
  }
  /** Starts with a copy of another search's labels (same ids), room to grow. */
  copyFrom(r: SearchResult): void {
    const n = r.labelCount, cap = Math.max(1024, n + (n >> 2));
    this.edge = new Int32Array(cap); this.edge.set(r.labelEdge.subarray(0, n));
    this.pred = new Int32Array(cap); this.pred.set(r.labelPred.subarray(0, n));
    this.mps = new Float64Array(cap); this.mps.set(r.labelMps.subarray(0, n));
    this.n = n;
  }
}

/** Smallest speed gain that counts as an improvement, m/s. */
const IMPROVEMENT_MPS = 1e-9;
/** Float slack for the straight-acceleration bound (rounding is ~1e-13 m/s at these speeds). */
const PRUNE_SLACK_MPS = 1e-10;

/** Margin on the angular window of a corner turn, rad: far above atan2's rounding and the 1.4e-6 rad of the straight-on tolerance. */
const ANGLE_MARGIN = 1e-5;

interface EdgeDirections {
  dirX: Float64Array;
  dirY: Float64Array;
  /** atan2 of each edge's direction, rad in [−π, π]. */
  angle: Float64Array;
  /** Per node, its out-edge ids (positions outStart[v] .. outStart[v+1]-1) sorted by angle, then id. */
  byAngle: Int32Array;
  sortedAngle: Float64Array;
}

/** Per graph, computed once (a graph serves every class of its width and every re-search). */
const directionsCache = new WeakMap<ApproachGraph, EdgeDirections>();

function edgeDirections(g: ApproachGraph): EdgeDirections {
  const cached = directionsCache.get(g);
  if (cached) return cached;
  const m = g.edgeTo.length;
  const dirX = new Float64Array(m), dirY = new Float64Array(m), angle = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const a = g.edgeFrom[e], b = g.edgeTo[e];
    dirX[e] = (g.x[b] - g.x[a]) / g.edgeLengthM[e];
    dirY[e] = (g.y[b] - g.y[a]) / g.edgeLengthM[e];
    angle[e] = Math.atan2(dirY[e], dirX[e]);
  }
  const byAngle = new Int32Array(m), sortedAngle = new Float64Array(m);
  for (let v = 0; v < g.nodeCount; v++) {
    // Insertion sort (a node has a few dozen out-edges); ids go in ascending, so ties stay by id.
    const base = g.outStart[v], end = g.outStart[v + 1];
    for (let f = base; f < end; f++) {
      const a = angle[f];
      let k = f;
      while (k > base && sortedAngle[k - 1] > a) { sortedAngle[k] = sortedAngle[k - 1]; byAngle[k] = byAngle[k - 1]; k--; }
      sortedAngle[k] = a; byAngle[k] = f;
    }
  }
  const d = { dirX, dirY, angle, byAngle, sortedAngle };
  directionsCache.set(g, d);
  return d;
}

/**
 * `blockedEdge` (optional, 1 = left out) removes edges from the search: the legs that touch a
 * target before their end, when the search is run for that target alone (`bestArrival`). `warm`, the
 * search of the whole graph, seeds it: every best speed whose path uses no blocked edge is a speed the
 * restricted graph also reaches, and the fixpoint from such lower bounds is the same maximum.
 */
export function maxSpeedSearch(g: ApproachGraph, limits: VehicleLimits, signal?: { aborted: boolean }, blockedEdge?: Uint8Array, warm?: SearchResult, stop?: SearchStop): SearchResult {
  const m = g.edgeTo.length;
  const best = new Float64Array(m).fill(-1);
  const bestLabel = new Int32Array(m).fill(-1);
  const labels = new Labels();
  const heap = new MaxHeap(m);
  const acc = limits.accelerator;
  const top = acc.topSpeedMps;
  // The heap key: the speed, plus the guide's bonus at the edge's end when guided (it rises with
  // the speed, as the heap needs).
  const bonus = stop?.orderBonusMps;
  const keyOf = bonus ? (mps: number, f: number) => mps + bonus[g.edgeTo[f]] : (mps: number) => mps;
  let popBudget = Infinity;
  const { dirX, dirY, angle, byAngle, sortedAngle } = edgeDirections(g);
  // Restricted re-search: edges whose warm path uses no blocked edge ("clean") already hold their
  // final speed (reachable here, and nothing here beats the whole graph). Edges the whole graph never
  // reached count as clean at -1: whether a turn can be taken at all depends on geometry only (node,
  // legs, clearances), never on speed, so fewer legs cannot make one reachable. Expanding a clean edge into
  // another clean one cannot raise it (the warm search is a fixpoint of the same relaxation), so
  // only expansions into the other ("dirty") edges do anything: clean edges enter the heap only
  // when they lead into a dirty edge, and relax only dirty ones — the same pops in the same order,
  // less the ones that change nothing.
  let dirty: Uint8Array | undefined, popped: Uint8Array | undefined;
  if (warm && blockedEdge) {
    const n = warm.labelCount;
    const clean = new Uint8Array(n);
    labels.copyFrom(warm);
    for (let l = 0; l < n; l++) {
      const p = warm.labelPred[l];
      clean[l] = !blockedEdge[warm.labelEdge[l]] && (p < 0 || clean[p] === 1) ? 1 : 0;
    }
    dirty = new Uint8Array(m);
    popped = new Uint8Array(m);
    const dirtyOut = new Uint8Array(g.nodeCount);
    for (let e = 0; e < m; e++) {
      const l = warm.bestLabel[e];
      if (l < 0) continue; // unreached in the whole graph: reachability is geometric, so unreached here too
      if (clean[l]) {
        best[e] = warm.bestMps[e];
        bestLabel[e] = l;
      } else {
        dirty[e] = 1;
        if (!blockedEdge[e]) dirtyOut[g.edgeFrom[e]] = 1;
      }
    }
    if (bonus) {
      let dirtyCount = 0;
      for (let e = 0; e < m; e++) dirtyCount += dirty[e];
      popBudget = 1000 + (dirtyCount >> 2);
    }
    for (let e = 0; e < m; e++) if (dirty[e] === 0 && best[e] >= 0 && dirtyOut[g.edgeTo[e]] === 1) heap.push(keyOf(best[e], e), e);
  }
  for (let s = 0; s < g.nodeCount; s++) {
    if (!g.isStart[s]) continue;
    for (let f = g.outStart[s]; f < g.outStart[s + 1]; f++) {
      if (blockedEdge && blockedEdge[f]) continue;
      const v = acc.speedAfter(0, g.edgeLengthM[f]);
      if (v > best[f]) {
        best[f] = v;
        bestLabel[f] = labels.add(f, -1, v);
        heap.push(keyOf(v, f), f);
        if (stop && stop.watch[g.edgeTo[f]] === 1 && stop.reached(f, v)) return result(f, true);
      }
    }
  }
  // Out-edges still worth scanning, per node, as linked lists in CSR order (same order, so the same
  // labels): an edge leaves once it is blocked or at top speed, since nothing can raise it then.
  const head = new Int32Array(g.nodeCount).fill(-1);
  const next = new Int32Array(m).fill(-1), prev = new Int32Array(m).fill(-1);
  for (let v = 0; v < g.nodeCount; v++) {
    if (g.cornerX[v] === g.cornerX[v]) continue; // corner nodes scan by angle (below)
    let last = -1;
    for (let f = g.outStart[v]; f < g.outStart[v + 1]; f++) {
      if (best[f] >= top || (blockedEdge && blockedEdge[f])) continue;
      if (last < 0) head[v] = f; else next[last] = f;
      prev[f] = last;
      last = f;
    }
  }
  const edgeFrom = g.edgeFrom, edgeLengthM = g.edgeLengthM;
  // For the turn bound below (constant acceleration only): fg and 2a, with relative margins far
  // above the rounding of the exact computation (~1e-15).
  const twoA = acc.constantAccelMps2 !== undefined ? 2 * acc.constantAccelMps2 : -1;
  const fgWide = limits.lateralG * G_MPS2 * (1 + 1e-6);
  // The edge being expanded (its end speed, shared leg length, direction) and, at a corner node,
  // which side of it the corner lies on: state for `relax`.
  let e = -1, inMps = 0, inLen = 0, ex = 0, ey = 0, inSq = 0, side = 0, eDirty = true;
  let stoppedAt = -1;
  /** Tries the turn from edge e onto edge f at node v; true when f's best speed rose. */
  const relax = (v: number, f: number): boolean => {
    if (stoppedAt >= 0 || (!eDirty && dirty![f] === 0)) return false;
    const bf = best[f];
    const lf = edgeLengthM[f];
    const fx = dirX[f], fy = dirY[f];
    const maxTangentM = 0.5 * Math.min(inLen, lf);
    if (twoA > 0) {
      if (bf > 0) {
        // Exact pruning (same result, less work): a turn only lowers the speed, so the leg can end
        // no faster than straight acceleration from inMps, and never above top speed. On squared
        // speeds, no square root (v² = u² + 2aL, hvm.md §1), then the turn: every turn (fillet rung
        // or corner arc) has r ≤ maxTangent / tan(θ/2), so its cap² ≤ f·g·maxTangent·√((1 + cosθ)/(1 − cosθ)).
        // Skip when the leg cannot beat bf.
        const fl = bf + IMPROVEMENT_MPS;
        const room = fl * fl * (1 - 1e-8) - twoA * lf;
        if (room > 0) {
          if (inSq <= room) return false;
          const c = ex * fx + ey * fy;
          if (c <= 1 - 1e-12) { // a straight-on leg has no turn (turnSpeedMps, freeBendLegMps)
            const q = room / (fgWide * maxTangentM);
            if (1 + c <= q * q * (1 - c)) return false;
          }
        }
      }
    } else if (acc.speedAfter(inMps, lf) + PRUNE_SLACK_MPS <= bf + IMPROVEMENT_MPS) return false;
    const out = bendLegMps(g, limits, inMps, ex, ey, fx, fy, v, lf, maxTangentM, bf + IMPROVEMENT_MPS, f);
    if (!(out > bf + IMPROVEMENT_MPS)) return false;
    best[f] = out;
    bestLabel[f] = labels.add(f, bestLabel[e], out);
    heap.push(keyOf(out, f), f);
    if (dirty && dirty[f] === 0) promote(f);
    if (stop && stop.watch[g.edgeTo[f]] === 1 && stop.reached(f, out)) stoppedAt = f;
    return true;
  };
  /**
   * A clean edge raised after all (only possible through float slack of 1e-9 m/s): from now on it
   * is dirty, and the clean edges into it that are still to be expanded must be in the heap, as
   * the full re-search would have them.
   */
  const promote = (f: number): void => {
    dirty![f] = 1;
    const u = g.edgeFrom[f];
    for (let k = g.inStart[u]; k < g.inStart[u + 1]; k++) {
      const c = g.inEdge[k];
      if (dirty![c] === 0 && popped![c] === 0 && best[c] >= 0) heap.push(keyOf(best[c], c), c);
    }
  };
  /** Relaxes the out-edges of corner node v whose angle is in [lo, hi] (positions base..end-1 sorted by angle). */
  const scanCorner = (v: number, base: number, end: number, lo: number, hi: number): void => {
    let a = base, b = end;
    while (a < b) { const mid = (a + b) >> 1; if (sortedAngle[mid] < lo) a = mid + 1; else b = mid; }
    for (let k = a; k < end && sortedAngle[k] <= hi; k++) {
      const f = byAngle[k];
      if (best[f] >= top || (blockedEdge && blockedEdge[f])) continue;
      const fx = dirX[f], fy = dirY[f];
      if (!((ex * fy - ey * fx) * side > 0) && ex * fx + ey * fy <= 1 - 1e-12) continue;
      relax(v, f);
    }
  };
  let pops = 0;
  while (heap.size > 0 && stoppedAt < 0) {
    if (pops >= popBudget) return result(-1, false);
    e = heap.pop();
    if (dirty) { eDirty = dirty[e] === 1; popped![e] = 1; }
    if ((++pops & 0xffff) === 0 && signal?.aborted) throw abortError();
    const v = g.edgeTo[e];
    inMps = best[e];
    // A leg shared with another turn gives each turn half; a leg from a start (no turn) is all ours.
    inLen = g.isStart[edgeFrom[e]] ? 2 * edgeLengthM[e] : edgeLengthM[e];
    ex = dirX[e]; ey = dirY[e];
    inSq = inMps * inMps;
    if (g.cornerX[v] === g.cornerX[v]) {
      // At a corner node a turn must wrap the corner (the corner inside the turn), else
      // turnSpeedMps refuses it: only out-edges on the corner's side of the incoming direction can
      // be taken, plus straight on. They lie in a half-turn of directions, found by binary search in
      // the node's out-edges sorted by angle (with a margin far above rounding and the straight-on
      // tolerance of 1e-12 in cos θ); each is then tested exactly as before. Edges at top speed or
      // blocked are skipped in place (nothing can raise them).
      side = ex * (g.cornerY[v] - g.y[v]) - ey * (g.cornerX[v] - g.x[v]);
      const a = angle[e];
      const lo = side > 0 ? a - ANGLE_MARGIN : side < 0 ? a - Math.PI - ANGLE_MARGIN : a - ANGLE_MARGIN;
      const hi = side > 0 ? a + Math.PI + ANGLE_MARGIN : side < 0 ? a + ANGLE_MARGIN : a + ANGLE_MARGIN;
      const base = g.outStart[v], end = g.outStart[v + 1];
      if (lo < -Math.PI) {
        scanCorner(v, base, end, lo + 2 * Math.PI, Math.PI);
        scanCorner(v, base, end, -Math.PI, hi);
      } else if (hi > Math.PI) {
        scanCorner(v, base, end, lo, Math.PI);
        scanCorner(v, base, end, -Math.PI, hi - 2 * Math.PI);
      } else scanCorner(v, base, end, lo, hi);
      continue;
    }
    for (let f = head[v]; f >= 0; f = next[f]) {
      if (relax(v, f) && best[f] >= top) {
        // Unlink f (its own `next` stays, so the scan goes on).
        const p = prev[f], q = next[f];
        if (p < 0) head[v] = q; else next[p] = q;
        if (q >= 0) prev[q] = p;
      }
    }
  }
  return result(stoppedAt, true);
  function result(stoppedEdge: number, complete: boolean): SearchResult {
    return { bestMps: best, bestLabel, labelEdge: labels.edge, labelPred: labels.pred, labelMps: labels.mps, labelCount: labels.n, stoppedAt: stoppedEdge, complete };
  }
}

