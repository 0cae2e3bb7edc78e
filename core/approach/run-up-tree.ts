import type { ApproachGraph } from './approach-graph.js';

/** Shortest ways by length from the starts to every node (graph edges, turns ignored). */
export interface RunUpTree {
  /** Length of the shortest way from any start, m (Infinity when none). */
  distM: Float64Array;
  /** The node before each node on that way (-1 at a start or when unreached). */
  pred: Int32Array;
}

const trees = new WeakMap<ApproachGraph, RunUpTree>();

/**
 * Dijkstra by length from every start node at once, over the graph's edges, once per graph
 * (shared by the classes of one width and by every target). Turns and speeds are ignored, so its
 * distances are lower bounds of any drivable way from rest: `backPrefix` uses them as its A* estimate.
 * Ties go to the lower node index (a fixed order, so the same tree every time).
 */
export function runUpTree(g: ApproachGraph): RunUpTree {
  let t = trees.get(g);
  if (t) return t;
  const n = g.nodeCount;
  const distM = new Float64Array(n).fill(Infinity);
  const pred = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new NodeHeap(n + g.edgeTo.length);
  for (let s = 0; s < n; s++) if (g.isStart[s]) { distM[s] = 0; heap.push(0, s); }
  while (heap.size > 0) {
    const v = heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    const d = distM[v];
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) {
      const w = g.edgeTo[e];
      const dw = d + g.edgeLengthM[e];
      if (dw < distM[w]) { distM[w] = dw; pred[w] = v; heap.push(dw, w); }
    }
  }
  t = { distM, pred };
  trees.set(g, t);
  return t;
}

/** Binary min-heap of (distance, node) on typed arrays, lazy deletion (at most one entry per start and per edge); ties to the lower node. */
class NodeHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }
  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.vals[i] < this.vals[j]);
  }
  private swap(i: number, j: number): void {
    const k = this.keys[i]; this.keys[i] = this.keys[j]; this.keys[j] = k;
    const v = this.vals[i]; this.vals[i] = this.vals[j]; this.vals[j] = v;
  }
  push(key: number, val: number): void {
    let i = this.size++;
    this.keys[i] = key; this.vals[i] = val;
    while (i > 0) { const p = (i - 1) >> 1; if (!this.less(i, p)) break; this.swap(i, p); i = p; }
  }
  pop(): number {
    const top = this.vals[0];
    const n = --this.size;
    if (n > 0) {
      this.keys[0] = this.keys[n]; this.vals[0] = this.vals[n];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < n && this.less(l, m)) m = l;
        if (r < n && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m); i = m;
      }
    }
    return top;
  }
}
