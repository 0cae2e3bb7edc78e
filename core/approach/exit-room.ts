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
 *
 * Measured and not built (issue #4, 2026-11-29): a coarse summary per leg (each edge's lowest
 * stadium point over prefixes X ≤ 4, 8, 16, 32 m and the whole leg, no per-bin loop) would let
 * `exitClear` accept "Ye within the room up to Xq" without a fill. On W2 M1 it would accept 482 k of the
 * 3.61 M checks that reach a profile (the exact prefix test accepts 593 k; 963 k are refused at the
 * outermost point, 1.23 M by the straight, 827 k go on to the curve), and spare the fill of 118 k of
 * 333 k legs (7.8 M of 31.4 M bins). But the summary needs the same bucket search as a fill: computed
 * for every leg it costs about what the spared fills save (microbenchmark, min of 3: whole fills of
 * the spared legs 0.43 s, a cheaper-than-real summary of all legs 0.54 s; 0.15 s if computed only
 * for the legs it spares, which cannot be known beforehand) — at best ≈ 2 % of a class's search.
 */
export const EXIT_BIN_M = 0.5;
/** Stored rooms are floored to this (cm) after a safety margin far above float rounding. */
const CM = 100;
const MARGIN_M = 1e-4;
const MAX_CM = 65535;
/**
 * Bins are computed on demand, EXIT_CHUNK at a time from X = 0: an exit reads its leg only up to
 * where it rejoins it (on W2 a car's exits read ~81 % of the bins of the legs they look at; a
 * chunk's bins are the very bins a whole-leg fill gives, see `fillExitRoom`). Multiple of EXIT_BLOCK.
 */
const EXIT_CHUNK = 32;
/** Bins per block: a block's lowest room lets a walk pass 8 bins at once (a power of two: `roomMinTo` shifts). */
export const EXIT_BLOCK = 8;

interface ExitRoomCache {
  /** Per graph edge: where its storage (`storageFor` its bins) starts, page · PAGE + offset in the page; -1 when not started. */
  offset: Int32Array;
  /** Per graph edge: bins computed so far (from X = 0). */
  filled: Int32Array;
  /** Storage in pages (filled one after the other; never copied, so no transient second copy as a growing array has). */
  pages: Uint16Array[];
  /** Used part of the last page. */
  used: number;
}

/** Elements per storage page (2 MB); a profile longer than a page gets a page of its own. */
const PAGE = 1 << 20;

/**
 * The profiles of one graph at a time (~80 MB on the W2 district at 0.5 m bins): the classes of
 * one width run one after the other and share it; another graph drops it, so an analysis of every
 * width never holds more than one, and a graph no longer used takes its profiles with it.
 */
const caches = new WeakMap<ApproachGraph, ExitRoomCache>();
let current: WeakRef<ApproachGraph> | undefined;
/** Bins of the last leg without an edge id (a last leg into a target): one-entry memo. */
let scratch = new Uint16Array(256);
let scratchKey = { g: undefined as WeakRef<ApproachGraph> | undefined, v: -1, dx: NaN, dy: NaN, len: NaN };
let scratchFilled = 0;

/**
 * The profile selected by `selectExitRoom`, valid for bins 0 … roomFilled − 1 (`extendExitRoom`
 * computes more; roomCount: bins of the whole leg): bin i at roomBins[roomOffset + i]; the lowest
 * room of block b (bins b·EXIT_BLOCK … (b + 1)·EXIT_BLOCK − 1, or up to the leg's end) at
 * roomBins[roomBlocks + b], and of blocks 0 … b at roomBins[roomBlockRuns + b] (see `roomMinTo`).
 */
export let roomBins: Uint16Array = scratch;
export let roomOffset = 0;
export let roomCount = 0;
export let roomBlocks = 0;
export let roomBlockRuns = 0;
export let roomFilled = 0;

/** The selected leg (module state: no allocation per exit). */
const NO_GRAPH = undefined as unknown as ApproachGraph;
const sel = { g: NO_GRAPH, v: 0, edge: -1, dx: 0, dy: 0, nx: 0, ny: 0, n: 0, cache: undefined as ExitRoomCache | undefined };

/** Lets go of the storage `roomBins` points at and the selected leg, so a finished analysis holds no profiles. */
export function releaseExitRoom(): void {
  roomBins = scratch;
  sel.g = NO_GRAPH; sel.cache = undefined;
}

/** Bins covering X in [0, lengthM]. */
function binsFor(lengthM: number): number {
  return Math.floor(lengthM / EXIT_BIN_M) + 1;
}

/** Storage of a profile of n bins: the bins, their block minima and the blocks' running minima. */
function storageFor(n: number): number {
  return n + 2 * Math.ceil(n / EXIT_BLOCK);
}

/** The lowest of bins 0 … i of the selected profile (i < roomFilled), the same as reading each. */
export function roomMinTo(i: number): number {
  const whole = (i + 1) >> 3; // whole blocks in bins 0 … i (EXIT_BLOCK = 8)
  let m = whole > 0 ? roomBins[roomBlockRuns + whole - 1] : MAX_CM;
  for (let j = roomOffset + whole * EXIT_BLOCK, e = roomOffset + i; j <= e; j++) if (roomBins[j] < m) m = roomBins[j];
  return m;
}

/**
 * Makes the whole room profile of the leg from node v along (dx, dy) (outward normal (nx, ny))
 * available (see `roomBins`): bins covering X in [0, lengthM]. `edge` is the graph edge id of the
 * leg (cached while the graph is the current one), or -1 (a last leg into a target: a one-entry
 * memo, as the last-leg choice asks for one leg with every way into its node in turn).
 */
export function exitRoom(g: ApproachGraph, v: number, edge: number, dx: number, dy: number, nx: number, ny: number, lengthM: number): void {
  selectExitRoom(g, v, edge, dx, dy, nx, ny, lengthM);
  extendExitRoom(roomCount - 1);
}

/**
 * Selects the room profile of a leg (as `exitRoom`) without computing bins: `extendExitRoom(i)`
 * then makes bins 0 … i available. Bins already computed for the edge (or the memoised last leg)
 * are kept.
 */
export function selectExitRoom(g: ApproachGraph, v: number, edge: number, dx: number, dy: number, nx: number, ny: number, lengthM: number): void {
  const n = binsFor(lengthM);
  sel.g = g; sel.v = v; sel.edge = edge; sel.dx = dx; sel.dy = dy; sel.nx = nx; sel.ny = ny; sel.n = n;
  roomCount = n;
  const nb = Math.ceil(n / EXIT_BLOCK);
  if (edge < 0) {
    const s = scratchKey;
    if (!(s.g?.deref() === g && s.v === v && s.dx === dx && s.dy === dy && s.len === lengthM)) {
      if (scratch.length < storageFor(n)) scratch = new Uint16Array(Math.max(storageFor(n), 2 * scratch.length));
      scratchKey = { g: new WeakRef(g), v, dx, dy, len: lengthM };
      scratchFilled = 0;
    }
    sel.cache = undefined;
    roomBins = scratch; roomOffset = 0; roomFilled = scratchFilled;
  } else {
    let c = caches.get(g);
    if (!c) {
      const previous = current?.deref();
      if (previous) caches.delete(previous);
      c = { offset: new Int32Array(g.edgeTo.length).fill(-1), filled: new Int32Array(g.edgeTo.length), pages: [], used: PAGE };
      caches.set(g, c);
      current = new WeakRef(g);
    }
    if (c.offset[edge] < 0) {
      const size = storageFor(n);
      if (c.used + size > PAGE) {
        c.pages.push(new Uint16Array(Math.max(PAGE, size)));
        c.used = 0;
      }
      c.offset[edge] = (c.pages.length - 1) * PAGE + c.used;
      c.used += size;
    }
    sel.cache = c;
    const at = c.offset[edge];
    roomBins = c.pages[(at - at % PAGE) / PAGE]; roomOffset = at % PAGE; roomFilled = c.filled[edge];
  }
  roomBlocks = roomOffset + n; roomBlockRuns = roomBlocks + nb;
}

/** Computes bins of the selected profile up to bin `last` at least (whole chunks, at most the leg's last bin). */
export function extendExitRoom(last: number): void {
  const n = sel.n;
  if (last >= n) last = n - 1;
  if (last < roomFilled) return;
  const from = roomFilled;
  const to = Math.min(n, (Math.floor(last / EXIT_CHUNK) + 1) * EXIT_CHUNK);
  fillExitRoom(sel.g, sel.v, sel.dx, sel.dy, sel.nx, sel.ny, n, from, to, roomBins, roomOffset);
  roomFilled = to;
  if (sel.cache === undefined) scratchFilled = to;
  else sel.cache.filled[sel.edge] = to;
}

/**
 * Computes bins from … to − 1 of the profile of a leg of n bins (see above) into out[off ..] (block
 * minima after the n bins, then their running minima). Bins from … are exactly the bins a fill of
 * the whole leg gives: the same edges can lower them (an edge lowers bin i only where its stadium
 * has a point with X in the bin below the cap c, or touches the leg's piece in the bin, so the edge
 * lies within h of [x0, x1] × [0, c] — inside the band searched), each bin is the same expression of
 * the same edge, a minimum does not depend on the order, and whether an edge can touch the leg at
 * all is decided on the whole leg as before. `from` is 0 or a multiple of EXIT_CHUNK (whole blocks).
 */
function fillExitRoom(g: ApproachGraph, v: number, dx: number, dy: number, nx: number, ny: number, n: number, from: number, to: number, out: Uint16Array, off: number): void {
  const h = g.halfWidthM, capM = g.clearanceM[v];
  const px = g.x[v], py = g.y[v];
  const endM = n * EXIT_BIN_M;
  const loM = from * EXIT_BIN_M, hiM = to * EXIT_BIN_M;
  const m = to - from;
  if (binRoom.length < m) binRoom = new Float64Array(Math.max(m, 2 * binRoom.length));
  const r = binRoom;
  r.fill(capM, 0, m);
  const edges = g.edges;
  const grid = edges.grid;
  if (grid) {
    // The buckets the band [lo − h, hi + h] × [−h, c + h] can reach: a thick piece along its middle
    // line, half thickness c/2 + h.
    const mx = px + nx * (capM / 2), my = py + ny * (capM / 2);
    const buckets = bucketsNear(grid, mx + dx * (loM - h), my + dy * (loM - h), mx + dx * (hiM + h), my + dy * (hiM + h), capM / 2 + h);
    const count = bucketCount;
    const tick = ++grid.tick.n;
    const eax = edges.ax, eay = edges.ay, ebx = edges.bx, eby = edges.by;
    for (let q = 0; q < count; q++) {
      const k = buckets[q];
      for (let p = grid.start[k]; p < grid.start[k + 1]; p++) {
        const i = grid.items[p];
        if (grid.stamp[i] === tick) continue;
        grid.stamp[i] = tick;
        take(r, from, to, endM, loM, hiM, capM, px, py, dx, dy, nx, ny, eax[i], eay[i], ebx[i], eby[i], h);
      }
    }
  }
  const area = g.areaSegments;
  for (let j = 0; j < area.length; j++) { const s = area[j]; take(r, from, to, endM, loM, hiM, capM, px, py, dx, dy, nx, ny, s[0], s[1], s[2], s[3], 0); }
  const blocks = off + n, runs = blocks + Math.ceil(n / EXIT_BLOCK);
  let b = from / EXIT_BLOCK;
  let run = b > 0 ? out[runs + b - 1] : MAX_CM;
  // Most bins keep the cap: its stored value once (the same expression, so the same value).
  const capCm = Math.floor((capM - MARGIN_M) * CM);
  const capQ = capCm <= 0 ? 0 : capCm >= MAX_CM ? MAX_CM : capCm;
  for (let i0 = from; i0 < to; i0 += EXIT_BLOCK, b++) {
    let low = MAX_CM;
    for (let i = i0, e = Math.min(to, i0 + EXIT_BLOCK); i < e; i++) {
      const room = r[i - from];
      let q = capQ;
      if (room !== capM) {
        const cm = Math.floor((room - MARGIN_M) * CM);
        q = cm <= 0 ? 0 : cm >= MAX_CM ? MAX_CM : cm;
      }
      out[off + i] = q;
      if (q < low) low = q;
    }
    out[blocks + b] = low;
    if (low < run) run = low;
    out[runs + b] = run;
  }
}

/** Lowers bins from … to − 1 (r[0] is bin `from`) by the stadium of one edge, in the leg's axes. */
function take(r: Float64Array, from: number, to: number, endM: number, loM: number, hiM: number, capM: number, px: number, py: number, dx: number, dy: number, nx: number, ny: number, ax: number, ay: number, bx: number, by: number, hh: number): void {
  // Leg axes.
  const lax = (ax - px) * dx + (ay - py) * dy, lay = (ax - px) * nx + (ay - py) * ny;
  const lbx = (bx - px) * dx + (by - py) * dy, lby = (bx - px) * nx + (by - py) * ny;
  if (Math.min(lay, lby) - hh >= capM) return;
  if (Math.max(lax, lbx) + hh < loM || Math.min(lax, lbx) - hh > hiM) return;
  if (lax <= lbx) segmentRoom(r, from, to, endM, lax, lay, lbx, lby, hh);
  else segmentRoom(r, from, to, endM, lbx, lby, lax, lay, hh);
}
let binRoom = new Float64Array(256);

/**
 * Lowers each bin's room to the lowest point of the stadium of segment (ax, ay)–(bx, by) (ax ≤ bx,
 * leg axes) of radius hh within the bin, where the stadium lies above the leg; 0 where it touches
 * the leg. The stadium's lower boundary is convex: its minimum over a bin is at the bin's sides or
 * at the stadium's own lowest point.
 */
function segmentRoom(r: Float64Array, from: number, to: number, endM: number, ax: number, ay: number, bx: number, by: number, hh: number): void {
  if (Math.max(ay, by) + hh < 0) return; // wholly below the leg's line
  const lo = ax - hh, hi = bx + hh;
  const i0 = Math.max(from, Math.floor(lo / EXIT_BIN_M)), i1 = Math.min(to - 1, Math.floor(hi / EXIT_BIN_M));
  if (i0 > i1) return;
  // Can it touch the leg's line within the profile at all? (Else a bin where it dips below Y = 0
  // has it wholly below there.)
  let touching = false;
  if (Math.min(ay, by) - hh < 0) {
    const end = endM;
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
  let lastX = NaN, lastY = 0;
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
      // A bin's left side is the last one's right side (same X, so the same height).
      if (x0 === lastX) y0 = lastY;
      else if (x0 < aox) { const d = x0 - ax; y0 = ay - Math.sqrt(Math.max(0, h2 - d * d)); } else if (x0 > box) { const d = x0 - bx; y0 = by - Math.sqrt(Math.max(0, h2 - d * d)); } else y0 = aoy + (x0 - aox) * slope;
      if (x1 < aox) { const d = x1 - ax; y1 = ay - Math.sqrt(Math.max(0, h2 - d * d)); } else if (x1 > box) { const d = x1 - bx; y1 = by - Math.sqrt(Math.max(0, h2 - d * d)); } else y1 = aoy + (x1 - aox) * slope;
      lastX = x1; lastY = y1;
      m = y0 < y1 ? y0 : y1;
      if (flat ? x1 >= ax && x0 <= bx : lowX >= x0 && lowX <= x1) m = lowY;
    }
    if (m >= 0) { if (m < r[i - from]) r[i - from] = m; continue; }
    if (!touching) continue;
    // Partly below the leg's line in this bin: wholly below unless it touches the leg's piece here.
    const t = hh > 0
      ? segmentSegmentDistance2(b0, 0, b0 + EXIT_BIN_M, 0, ax, ay, bx, by) < (hh - 1e-9) * (hh - 1e-9)
      : segmentsIntersect(b0, 0, b0 + EXIT_BIN_M, 0, ax, ay, bx, by);
    if (t) r[i - from] = 0;
  }
}
