import type { ApproachGraph } from './approach-graph.js';
import { MinHeap } from './min-heap.js';

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
  const heap = new MinHeap(n + g.edgeTo.length);
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
