import type { XY } from '../geometry/local-frame.js';
import { bufferLine, difference, offsetRegion, pointInPolygon, ringsBounds, union, unionMostlyDisjoint, type LocalPolygon, type Region } from '../standoff/polygon-ops.js';
import { regionDistanceM, regionLineDistanceM } from '../standoff/region-distance.js';

/** One security layer as a line in local metres (a closed perimeter repeats its first point). */
export interface LayerLine {
  id: string;
  line: XY[];
}

export interface ArrangementInput {
  /** The analysis area. */
  area: Region;
  /** What nobody passes (buildings, vehicle-stopping obstacles). */
  blocked: Region;
  /** The layers that count for this mover; all are crossable, at a cost of one each. */
  layers: readonly LayerLine[];
  /** Half the mover's width, m: gaps narrower than twice this are closed to it. */
  radiusM: number;
  /** Start points; when empty the mover starts anywhere on the area's edge. */
  starts: readonly XY[];
  /**
   * Largest gap between a rounded corner and its chords, m (default 2 cm): layer counting needs
   * no millimetres, and coarse arcs keep a district's thousands of grown buildings cheap.
   */
  arcToleranceM?: number;
}

export interface CrossingProblem extends ArrangementInput {
  target: Region;
}

export interface CrossingRoute {
  /** The fewest layers a route from a start to the target must cross; null when no route exists even across layers. */
  layersCrossed: number | null;
  /** The layer ids crossed, in order from the start. */
  sequence: string[];
}

/** Lines are thickened by the mover's radius plus this, so a body touching a line counts as on it. */
const LINE_MARGIN_M = 0.05;
/** Distances within this count as touching (above the arc tolerance). */
const TOUCH_M = 0.03;
const DEFAULT_ARC_TOLERANCE_M = 0.02;

/**
 * The fewest layers a route must cross, by the faces of an arrangement: the mover's free space
 * (area minus blocked space, shrunk by its radius) cut by every layer line thickened by the
 * radius. Two faces are one crossing apart across layer i when they fall in one face of the same
 * arrangement without line i (so a route around an unclosed line crosses nothing); two apart
 * across lines i and j that touch (a barrier drawn along a perimeter). Dijkstra on faces then
 * gives the route. Defence in depth counted this way (crowd-cpted-layers.md §3): a ring with a gap
 * the mover fits through is not a layer for that route.
 */
export function fewestLayersCrossed(problem: CrossingProblem): CrossingRoute {
  return layerArrangement(problem).routeTo(problem.target);
}

/** The arrangement of one mover's free space and layers, searched once, asked for many targets. */
export interface LayerArrangement {
  routeTo(target: Region): CrossingRoute;
}

export function layerArrangement(problem: ArrangementInput): LayerArrangement {
  const r = problem.radiusM;
  const tol = problem.arcToleranceM ?? DEFAULT_ARC_TOLERANCE_M;
  const bands = problem.layers.map((l) => bufferLine(l.line, r + LINE_MARGIN_M, tol));
  // Shrinking the free space by r = shrinking the area and growing what blocks (Minkowski).
  const shrunkArea = offsetRegion(problem.area, -r, tol);
  const free = difference(shrunkArea, separatingBlocks(problem.blocked, r, tol, bands, shrunkArea));
  const faces = bands.length > 0 ? difference(free, union(...bands)) : free;
  const points = faces.map(interiorPoint);

  const edges: { a: number; b: number; cost: number; ids: string[] }[] = [];
  const connectWithout = (removed: number[]) => {
    const kept = bands.filter((_, k) => !removed.includes(k));
    const merged = difference(free, union(...kept));
    const groups = new Map<number, number[]>();
    points.forEach((p, f) => {
      const g = merged.findIndex((poly) => pointInPolygon(p, poly));
      if (g >= 0) groups.set(g, [...(groups.get(g) ?? []), f]);
    });
    for (const members of groups.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          edges.push({ a: members[x], b: members[y], cost: removed.length, ids: removed.map((k) => problem.layers[k].id) });
        }
      }
    }
  };
  if (faces.length > 1) {
    for (let i = 0; i < bands.length; i++) connectWithout([i]);
    for (let i = 0; i < bands.length; i++) {
      for (let j = i + 1; j < bands.length; j++) {
        if (regionDistanceM(bands[i], bands[j]) === 0) connectWithout([i, j]);
      }
    }
  }

  const areaRings = problem.area.flat();
  const isStart = faces.map((face) =>
    problem.starts.length > 0
      ? problem.starts.some((s) => pointInPolygon(s, face))
      : regionLineDistanceM([face], areaRings) <= r + TOUCH_M,
  );

  // Dijkstra on a graph of a few dozen faces: a linear scan for the minimum is enough.
  const dist = faces.map((_, f) => (isStart[f] ? 0 : Infinity));
  const prev: ({ from: number; ids: string[] } | null)[] = faces.map(() => null);
  const done = faces.map(() => false);
  for (;;) {
    let u = -1;
    for (let f = 0; f < faces.length; f++) if (!done[f] && dist[f] < Infinity && (u < 0 || dist[f] < dist[u])) u = f;
    if (u < 0) break;
    done[u] = true;
    for (const e of edges) {
      const v = e.a === u ? e.b : e.b === u ? e.a : -1;
      if (v < 0 || done[v]) continue;
      if (dist[u] + e.cost < dist[v]) {
        dist[v] = dist[u] + e.cost;
        prev[v] = { from: u, ids: e.ids };
      }
    }
  }

  const bandsUnion = bands.length > 0 ? union(...bands) : [];
  return {
    routeTo(target: Region): CrossingRoute {
      // A layer drawn on the target's own outline still has to be crossed to get in: the target's
      // core (outside every band) is reached freely, the rest only across the bands that cover it.
      const core = bandsUnion.length > 0 ? difference(target, bandsUnion) : target;
      let best = -1;
      let bestCost = Infinity;
      let bestEntry: string[] = [];
      for (let f = 0; f < faces.length; f++) {
        if (dist[f] === Infinity || dist[f] >= bestCost) continue;
        const face = [faces[f]];
        if (regionDistanceM(face, target) > r + LINE_MARGIN_M + TOUCH_M) continue;
        let entry: string[] = [];
        if (regionDistanceM(face, core) > r + TOUCH_M) {
          entry = problem.layers
            .filter((_, k) => regionDistanceM(bands[k], face) <= TOUCH_M && regionDistanceM(bands[k], target) === 0)
            .map((l) => l.id);
          if (entry.length === 0) continue;
        }
        if (dist[f] + entry.length < bestCost) {
          best = f;
          bestCost = dist[f] + entry.length;
          bestEntry = entry;
        }
      }
      if (best < 0) return { layersCrossed: null, sequence: [] };
      const sequence: string[] = [];
      for (let f = best; prev[f]; f = prev[f]!.from) sequence.unshift(...prev[f]!.ids);
      return { layersCrossed: bestCost, sequence: [...sequence, ...bestEntry] };
    },
  };
}

/**
 * The blocked space, grown by r, that can change which faces connect: components with a hole (a
 * courtyard), or touching a layer band or the area's edge. A solid island touching nothing can
 * always be walked round, so dropping it changes no count — and a district's thousands of
 * free-standing buildings then cost nothing. Each polygon grows on its own (cheap), then they merge.
 */
function separatingBlocks(blocked: Region, r: number, tol: number, bands: readonly Region[], shrunkArea: Region): Region {
  if (blocked.length === 0) return [];
  const grown = unionMostlyDisjoint(blocked.map((polygon) => offsetRegion([polygon], r, tol)));
  const bandBoxes = bands.map((b) => ringsBounds(b.map((p) => p[0])));
  const areaRings = shrunkArea.flat();
  return grown.filter((polygon) => {
    if (polygon.length > 1) return true;
    const box = ringsBounds([polygon[0]]);
    if (regionLineDistanceM([polygon], areaRings) === 0) return true;
    return bands.some((band, k) => boxesOverlap(box, bandBoxes[k]) && regionDistanceM([polygon], band) === 0);
  });
}

const boxesOverlap = (a: readonly number[], b: readonly number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * A point strictly inside a polygon: the middle of the widest inside stretch of the horizontal
 * line halfway between two neighbouring vertex heights.
 */
export function interiorPoint(polygon: LocalPolygon): XY {
  const ys = [...new Set(polygon.flat().map((p) => p[1]))].sort((a, b) => a - b);
  let bestLen = -1;
  let best: XY = polygon[0][0];
  for (let k = 0; k + 1 < ys.length; k++) {
    const y = (ys[k] + ys[k + 1]) / 2;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i], ring[i + 1]];
        if ((a[1] <= y) !== (b[1] <= y)) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1] - xs[i] > bestLen) {
        bestLen = xs[i + 1] - xs[i];
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    }
    // The first few scanlines usually give a wide stretch; stop early on big faces.
    if (bestLen > 1 && k > 8) break;
  }
  return best;
}
