import type { ApproachGraph } from './approach-graph.js';
import { bucketCount, bucketsNear, segmentSegmentDistance2, segmentsIntersect } from './obstacle-edges.js';

/**
 * Room on the outside of a leg, for checking corner exits against the obstacles (`corner-exit.ts`).
 *
 * A corner exit leaves the apex at the leg's start and swings out to one side of the leg before it
 * rejoins it; in the leg's axes (X along the leg, Y outwards) every exit is a curve over
 * 0 ≤ X ≤ length, 0 ≤ Y ≤ the node's room c. The profile stores, for each bin of EXIT_BIN_M along
 * the leg, how high the vehicle's centre may go above the leg there: the lowest point, within the
 * bin's X range, of any obstacle edge grown by the half width h (a "stadium") or of any area edge,
 * capped at c. A curve below the profile in every bin it crosses keeps h from every obstacle and
 * stays in the area. Why this is exact enough to decide and sound:
 * - the leg itself keeps h from every obstacle (a graph edge), so within a bin a stadium lies either
 *   wholly above the leg or wholly below it (a convex set with points on both sides would touch the
 *   leg) — those below cannot meet a curve with Y ≥ 0; one that does touch the leg there (a leg
 *   into a barrier target ends on its h line) makes the bin's room 0;
 * - the lowest point of a convex set within a vertical strip is at the strip's sides or at the set's
 *   own lowest point, and the lower boundary of a stadium is known in closed form (arc, offset line,
 *   arc).
 * Rooms are floored to whole centimetres (Uint16), so they never exceed the true room. Adding an
 * obstacle can only lower a bin (a minimum over more edges): exits checked against the profile stay
 * monotone. A profile depends only on the graph (node, leg, h, c), so it is cached per graph edge and
 * serves every class of that width. Where an obstacle edge runs at a slope β to the leg a bin is
 * conservative by up to EXIT_BIN_M·tan β (0.18 m at 20°).
 */
export const EXIT_BIN_M = 0.5;
/** Stored rooms are floored to this (cm) after a safety margin far above float rounding. */
const CM = 100;
const MARGIN_M = 1e-4;
const MAX_CM = 65535;

interface ExitRoomCache {
  /** Per graph edge: offset of its bins (then their running minimum) in `pool`, -1 when not computed. */
  offset: Int32Array;
  pool: Uint16Array;
  used: number;
}

/**
 * The profiles of one graph at a time (~100 MB on the W2 district at 0.5 m bins): the classes of
 * one width run one after the other and share it; another graph drops it, so an analysis of every
 * width never holds more than one, and a graph no longer used takes its profiles with it.
 */
const caches = new WeakMap<ApproachGraph, ExitRoomCache>();
let current: WeakRef<ApproachGraph> | undefined;
/** Bins of the last leg without an edge id (a last leg into a target): one-entry memo. */
let scratch = new Uint16Array(256);
let scratchKey = { g: undefined as WeakRef<ApproachGraph> | undefined, v: -1, dx: NaN, dy: NaN, len: NaN };

/**
 * Set by `exitRoom`: the array and offset its bins start at, and how many bins there are; the
 * running minimum of the bins from X = 0 follows them (at offset + count), so "the whole exit fits
 * under its highest point" is one read.
 */
export let roomBins: Uint16Array = scratch;
export let roomOffset = 0;
export let roomCount = 0;

/** Lets go of the pool `roomBins` points at, so a finished analysis holds no profiles. */
export function releaseExitRoom(): void {
  roomBins = scratch;
}

/** Bins covering X in [0, lengthM]. */
function binsFor(lengthM: number): number {
  return Math.floor(lengthM / EXIT_BIN_M) + 1;
}

/**
 * Makes the room profile of the leg from node v along (dx, dy) (outward normal (nx, ny)) available
 * in `roomBins` from `roomOffset`: bins covering X in [0, lengthM]. `edge` is the graph edge id of
 * the leg (cached while the graph is the current one), or -1 (a last leg into a target: a one-entry memo, as
 * the last-leg choice asks for one leg with every way into its node in turn).
 */
export function exitRoom(g: ApproachGraph, v: number, edge: number, dx: number, dy: number, nx: number, ny: number, lengthM: number): void {
  const n = binsFor(lengthM);
  if (edge < 0) {
    const s = scratchKey;
    if (!(s.g?.deref() === g && s.v === v && s.dx === dx && s.dy === dy && s.len === lengthM)) {
      if (scratch.length < 2 * n) scratch = new Uint16Array(Math.max(2 * n, 2 * scratch.length));
      fillExitRoom(g, v, dx, dy, nx, ny, n, scratch, 0);
      scratchKey = { g: new WeakRef(g), v, dx, dy, len: lengthM };
    }
    roomBins = scratch; roomOffset = 0; roomCount = n;
    return;
  }
  let c = caches.get(g);
  if (!c) {
    const previous = current?.deref();
    if (previous) caches.delete(previous);
    c = { offset: new Int32Array(g.edgeTo.length).fill(-1), pool: new Uint16Array(1 << 16), used: 0 };
    caches.set(g, c);
    current = new WeakRef(g);
  }
  if (c.offset[edge] < 0) {
    if (c.used + 2 * n > c.pool.length) {
      const p = new Uint16Array(Math.max(c.used + 2 * n, 2 * c.pool.length));
      p.set(c.pool.subarray(0, c.used));
      c.pool = p;
    }
    fillExitRoom(g, v, dx, dy, nx, ny, n, c.pool, c.used);
    c.offset[edge] = c.used;
    c.used += 2 * n;
  }
  roomBins = c.pool; roomOffset = c.offset[edge]; roomCount = n;
}

/** Computes n bins of the profile (see above) into out[off ..]. */
function fillExitRoom(g: ApproachGraph, v: number, dx: number, dy: number, nx: number, ny: number, n: number, out: Uint16Array, off: number): void {
  const h = g.halfWidthM, capM = g.clearanceM[v];
  const px = g.x[v], py = g.y[v];
  const extentM = n * EXIT_BIN_M;
  if (binRoom.length < n) binRoom = new Float64Array(Math.max(n, 2 * binRoom.length));
  const r = binRoom;
  r.fill(capM, 0, n);
  const take = (ax: number, ay: number, bx: number, by: number, hh: number) => {
    // Leg axes.
    const lax = (ax - px) * dx + (ay - py) * dy, lay = (ax - px) * nx + (ay - py) * ny;
    const lbx = (bx - px) * dx + (by - py) * dy, lby = (bx - px) * nx + (by - py) * ny;
    if (Math.min(lay, lby) - hh >= capM) return;
    if (Math.max(lax, lbx) + hh < 0 || Math.min(lax, lbx) - hh > extentM) return;
    if (lax <= lbx) segmentRoom(r, n, lax, lay, lbx, lby, hh);
    else segmentRoom(r, n, lbx, lby, lax, lay, hh);
  };
  const edges = g.edges;
  const grid = edges.grid;
  if (grid) {
    // The buckets the band [−h, extent + h] × [−h, c + h] can reach: a thick piece along its middle
    // line, half thickness c/2 + h.
    const mx = px + nx * (capM / 2), my = py + ny * (capM / 2);
    const buckets = bucketsNear(grid, mx - dx * h, my - dy * h, mx + dx * (extentM + h), my + dy * (extentM + h), capM / 2 + h);
    const count = bucketCount;
    const tick = ++grid.tick.n;
    for (let q = 0; q < count; q++) {
      const k = buckets[q];
      for (let p = grid.start[k]; p < grid.start[k + 1]; p++) {
        const i = grid.items[p];
        if (grid.stamp[i] === tick) continue;
        grid.stamp[i] = tick;
        take(edges.ax[i], edges.ay[i], edges.bx[i], edges.by[i], h);
      }
    }
  }
  for (const s of g.areaSegments) take(s[0], s[1], s[2], s[3], 0);
  let run = MAX_CM;
  for (let i = 0; i < n; i++) {
    const cm = Math.floor((r[i] - MARGIN_M) * CM);
    const q = cm <= 0 ? 0 : cm >= MAX_CM ? MAX_CM : cm;
    out[off + i] = q;
    if (q < run) run = q;
    out[off + n + i] = run;
  }
}
let binRoom = new Float64Array(256);

/**
 * Lowers each bin's room to the lowest point of the stadium of segment (ax, ay)–(bx, by) (ax ≤ bx,
 * leg axes) of radius hh within the bin, where the stadium lies above the leg; 0 where it touches
 * the leg. The stadium's lower boundary is convex: its minimum over a bin is at the bin's sides or
 * at the stadium's own lowest point.
 */
function segmentRoom(r: Float64Array, n: number, ax: number, ay: number, bx: number, by: number, hh: number): void {
  if (Math.max(ay, by) + hh < 0) return; // wholly below the leg's line
  const lo = ax - hh, hi = bx + hh;
  const i0 = Math.max(0, Math.floor(lo / EXIT_BIN_M)), i1 = Math.min(n - 1, Math.floor(hi / EXIT_BIN_M));
  if (i0 > i1) return;
  // Can it touch the leg's line within the profile at all? (Else a bin where it dips below Y = 0
  // has it wholly below there.)
  let touching = false;
  if (Math.min(ay, by) - hh < 0) {
    const end = n * EXIT_BIN_M;
    touching = hh > 0 ? segmentSegmentDistance2(0, 0, end, 0, ax, ay, bx, by) < (hh - 1e-9) * (hh - 1e-9) : segmentsIntersect(0, 0, end, 0, ax, ay, bx, by);
  }
  const len = Math.hypot(bx - ax, by - ay);
  const vertical = len === 0 || (bx - ax) <= 1e-12 * len;
  const ux = vertical ? 0 : (bx - ax) / len, uy = vertical ? 1 : (by - ay) / len;
  // Lower offset line (normal (uy, −ux) points down as ux ≥ 0): its ends' X, its start's Y, slope.
  const aox = ax + hh * uy, box = bx + hh * uy, aoy = ay - hh * ux;
  const slope = vertical ? 0 : uy / ux;
  // Lowest point: the lower end's disc bottom; a horizontal segment has a flat bottom over [ax, bx].
  const flat = !vertical && ay === by;
  const lowX = vertical ? (ay <= by ? ax : bx) : ay < by ? ax : bx;
  const lowY = Math.min(ay, by) - hh;
  const h2 = hh * hh;
  for (let i = i0; i <= i1; i++) {
    const b0 = i * EXIT_BIN_M;
    const x0 = b0 > lo ? b0 : lo, x1 = b0 + EXIT_BIN_M < hi ? b0 + EXIT_BIN_M : hi;
    let m: number;
    if (vertical) {
      const d0 = x0 - lowX, d1 = x1 - lowX;
      m = lowY + hh - Math.sqrt(Math.max(0, h2 - Math.min(d0 * d0, d1 * d1)));
      if (lowX >= x0 && lowX <= x1) m = lowY;
    } else {
      let y0: number, y1: number;
      if (x0 < aox) { const d = x0 - ax; y0 = ay - Math.sqrt(Math.max(0, h2 - d * d)); } else if (x0 > box) { const d = x0 - bx; y0 = by - Math.sqrt(Math.max(0, h2 - d * d)); } else y0 = aoy + (x0 - aox) * slope;
      if (x1 < aox) { const d = x1 - ax; y1 = ay - Math.sqrt(Math.max(0, h2 - d * d)); } else if (x1 > box) { const d = x1 - bx; y1 = by - Math.sqrt(Math.max(0, h2 - d * d)); } else y1 = aoy + (x1 - aox) * slope;
      m = y0 < y1 ? y0 : y1;
      if (flat ? x1 >= ax && x0 <= bx : lowX >= x0 && lowX <= x1) m = lowY;
    }
    if (m >= 0) { if (m < r[i]) r[i] = m; continue; }
    if (!touching) continue;
    // Partly below the leg's line in this bin: wholly below unless it touches the leg's piece here.
    const t = hh > 0
      ? segmentSegmentDistance2(b0, 0, b0 + EXIT_BIN_M, 0, ax, ay, bx, by) < (hh - 1e-9) * (hh - 1e-9)
      : segmentsIntersect(b0, 0, b0 + EXIT_BIN_M, 0, ax, ay, bx, by);
    if (t) r[i] = 0;
  }
}
