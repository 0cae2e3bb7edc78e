import { G_MPS2 } from '../vehicles/vehicle-classes.js';
import type { ApproachGraph } from './approach-graph.js';
import type { VehicleLimits } from './max-speed-search.js';
import { EXIT_BIN_M, EXIT_BLOCK, extendExitRoom, releaseExitRoom, roomBins, roomBlocks, roomCount, roomFilled, roomMinTo, roomOffset, selectExitRoom } from './exit-room.js';
import { spiralExitOffsetPerRadius } from './spiral-exit.js';
import { FILLET_RADIUS_STEP, lastTurnClearanceM, lastTurnPsi0, lastTurnRadiusM, legEndSpeedMps, setLastLeg } from './turn-speed.js';

const LOG_STEP = Math.log(FILLET_RADIUS_STEP);
/** Points per exit curve: between two, the curve lies below the later one (X and Y both grow along it). */
const EXIT_POINTS = 12;
/** The straight back onto the leg ends at most this many swings further along it (atan(1/4) = 14°). */
const REJOIN = 4;
/** FILLET_RADIUS_STEP ** j for the ladder's rungs (the same values as computing the power each time). */
const STEP_POWERS = Float64Array.from({ length: 1024 }, (_, j) => FILLET_RADIUS_STEP ** j);

/**
 * Speed at the end of the leg after the last corner turn computed (`turnSpeedMps`, apex at node v),
 * m/s, or -1 when no exit fits. Two exits from the apex, each checked against the obstacles along
 * the path the vehicle really drives (the apex is the node; the exit swings out to the outside of
 * the turn, away from the corner, then runs straight to the leg's end):
 * - a spiral exit (`spiral-exit.ts`): apex radius ρ from the fixed ladder r_min·1.05^k, at most the
 *   racing line's r and at most c / (k·F) (its swing must fit the room c at the node, like the entry);
 *   speed at most √(f·g·ρ) at the apex, then full acceleration, v² = min(u², f·g·ρ) + 2aL — the path
 *   from the apex to the leg's end is at least L long, so L does not over-count (hvm.md §1 physics);
 *   the widest rung whose exit is clear (v grows with ρ);
 * - the tightest circle the class can steer (r_min), held at its skid speed to the exit direction,
 *   r_min·sin(θ/2) along the leg.
 * Why checked: the racing line's swing-out was only checked at the node (room c), so where the leg
 * runs towards a wall the reported path passed through it (issue #4, README 2026-11-28). The check
 * reads the leg's room profile (`exit-room.ts`, cached per graph edge): each check only fails more
 * when an obstacle is added and the ladder is fixed, so the answer stays monotone.
 * `legEdge`: the out-leg's graph edge id, or -1 for a leg that is not one (a last leg).
 * Classes with an a(v) curve have no closed-form spiral: they get the tight circle only.
 */
export function cornerExitLegMps(
  g: ApproachGraph, limits: VehicleLimits, entryMps: number,
  dOutX: number, dOutY: number, v: number, lengthM: number, floorMps = -1, legEdge = -1,
): number {
  const acc = limits.accelerator;
  const fg = limits.lateralG * G_MPS2;
  const rMin = limits.minTurnRadiusM;
  const psi0 = lastTurnPsi0, rC = lastTurnRadiusM, c = lastTurnClearanceM;
  const px = g.x[v], py = g.y[v];
  // Outward normal of the exit: the side away from the corner.
  let nx = -dOutY, ny = dOutX;
  if (nx * (g.cornerX[v] - px) + ny * (g.cornerY[v] - py) > 0) { nx = -nx; ny = -ny; }
  let best = -1, bestCap = 0, bestHold = 0;
  leg.g = g; leg.v = v; leg.edge = legEdge; leg.dx = dOutX; leg.dy = dOutY; leg.nx = nx; leg.ny = ny; leg.lengthM = lengthM; leg.selected = false;
  const a = acc.constantAccelMps2;
  if (a !== undefined && a > 0) {
    const k = fg / (2 * a);
    const rhoMax = Math.min(rC, c / spiralExitOffsetPerRadius(psi0, k));
    if (rhoMax >= rMin) {
      const rungs = Math.floor(Math.log(rhoMax / rMin) / LOG_STEP + 1e-9);
      for (let j = rungs; j >= 0; j--) {
        const rho = rMin * (j < 1024 ? STEP_POWERS[j] : FILLET_RADIUS_STEP ** j);
        const cap = Math.sqrt(fg * rho);
        const end = legEndSpeedMps(acc, entryMps, cap, 0, lengthM);
        if (end <= floorMps) break;
        if (exitClear(psi0, rho, k, c)) { best = end; bestCap = cap; break; }
      }
    }
  }
  const tightCap = Math.sqrt(fg * rMin), tightHold = rMin * Math.sin(psi0);
  const tight = legEndSpeedMps(acc, entryMps, tightCap, tightHold, lengthM);
  if (tight > best && tight > floorMps && exitClear(psi0, rMin, Infinity, c)) { best = tight; bestCap = tightCap; bestHold = tightHold; }
  setLastLeg(bestCap, bestHold);
  // Hold no graph or profile pool between calls (they can be collected once the analysis ends).
  leg.g = NO_GRAPH;
  releaseExitRoom();
  return best;
}


/** The leg being evaluated and the exit shapes of the current turn (module state: no allocation in the inner loop). */
const NO_GRAPH = undefined as unknown as ApproachGraph;
const leg = { g: NO_GRAPH, v: 0, edge: -1, dx: 0, dy: 0, nx: 0, ny: 0, lengthM: 0, selected: false };
/** Unit shapes (radius 1) of the spiral (index 0) and the circle (1): X, Y at EXIT_POINTS + 1 points, for (ψ₀, k). */
const shapeX = [new Float64Array(EXIT_POINTS + 1), new Float64Array(EXIT_POINTS + 1)];
const shapeY = [new Float64Array(EXIT_POINTS + 1), new Float64Array(EXIT_POINTS + 1)];
/** tan of the heading at point j − 1 (the tangent bound's slope between points j − 1 and j), index j. */
const shapeSlope = [new Float64Array(EXIT_POINTS + 1), new Float64Array(EXIT_POINTS + 1)];
/**
 * (ψ₀, k) of each shape; `full`: all points computed (else only the end point, which decides most
 * exits); `nested`: every point has 0 ≤ X ≤ X_end and Y ≤ Y_end (so the curve reads bins up to the
 * end point's only, never higher than its Y).
 */
const shapeKey = [{ psi0: NaN, k: NaN, full: false, nested: false, slopes: false }, { psi0: NaN, k: NaN, full: false, nested: false, slopes: false }];
let pointX = 0, pointY = 0;

/**
 * Point i of the exit of apex radius 1 from the apex to the exit direction (of EXIT_POINTS + 1; sin0, cos0 of ψ₀), in
 * the leg's axes (X along it, Y outwards; heading φ from ψ₀ down to 0), into pointX, pointY. Circle
 * (k = Infinity): X = sin ψ₀ − sin φ, Y = cos φ − cos ψ₀. Spiral (φ = ψ₀ − ku, ds = ρ·k·eᵘ du,
 * `spiral-exit.ts`): X = k[eᵘ(cos φ − k sin φ) − (cos ψ₀ − k sin ψ₀)] / (1 + k²),
 * Y = k[eᵘ(sin φ + k cos φ) − (sin ψ₀ + k cos ψ₀)] / (1 + k²). Every exit of radius ρ is ρ times it.
 */
function shapePoint(psi0: number, k: number, sin0: number, cos0: number, i: number): void {
  if (k === Infinity) {
    const phi = psi0 * (1 - i / EXIT_POINTS);
    pointX = sin0 - Math.sin(phi); pointY = Math.cos(phi) - cos0;
  } else {
    const u = (psi0 / k) * (i / EXIT_POINTS), phi = psi0 - k * u, e = Math.exp(u), q = k / (1 + k * k);
    pointX = q * (e * (Math.cos(phi) - k * Math.sin(phi)) - (cos0 - k * sin0));
    pointY = q * (e * (Math.sin(phi) + k * Math.cos(phi)) - (sin0 + k * cos0));
  }
}

/** Makes the end point of shape (ψ₀, k) available (X[EXIT_POINTS], Y[EXIT_POINTS]); returns its index. */
function shapeEnd(psi0: number, k: number): number {
  const s = k === Infinity ? 1 : 0;
  const key = shapeKey[s];
  if (key.psi0 === psi0 && key.k === k) return s;
  shapePoint(psi0, k, Math.sin(psi0), Math.cos(psi0), EXIT_POINTS);
  shapeX[s][EXIT_POINTS] = pointX; shapeY[s][EXIT_POINTS] = pointY;
  key.psi0 = psi0; key.k = k; key.full = false;
  return s;
}

/** Completes shape s (its end point is there): every point, whether it is nested. */
function shapeFull(s: number): void {
  const key = shapeKey[s];
  if (key.full) return;
  const psi0 = key.psi0, k = key.k;
  const X = shapeX[s], Y = shapeY[s];
  const sin0 = Math.sin(psi0), cos0 = Math.cos(psi0);
  for (let i = 0; i < EXIT_POINTS; i++) {
    shapePoint(psi0, k, sin0, cos0, i);
    X[i] = pointX; Y[i] = pointY;
  }
  let nested = true;
  for (let j = 1; j <= EXIT_POINTS; j++) if (!(X[j - 1] >= 0 && X[j] <= X[EXIT_POINTS] && Y[j] <= Y[EXIT_POINTS])) nested = false;
  key.full = true; key.nested = nested; key.slopes = false;
}

/** The tangent slopes of shape s (all points there), once per shape: tan of the heading ψ₀·(1 − (j − 1)/EXIT_POINTS) at point j − 1. */
function shapeSlopes(s: number): Float64Array {
  const key = shapeKey[s], slope = shapeSlope[s];
  if (!key.slopes) {
    for (let j = 1; j <= EXIT_POINTS; j++) slope[j] = Math.tan(key.psi0 * (1 - (j - 1) / EXIT_POINTS));
    key.slopes = true;
  }
  return slope;
}

/**
 * Whether the exit of apex radius rho (k = Infinity: the circle; else the spiral) from the apex at
 * the current leg's node, then the straight back onto the leg, keeps h from every obstacle and stays
 * in the area. The straight ends at most REJOIN × the swing further along (at most 14° off the leg's
 * direction) and at the leg's end at the latest; the leg itself is clear already (a graph edge, or
 * a last leg checked by the caller). First the node's room c (distance to every obstacle but the
 * wrapped one, less h: X and Y grow along the exit, so all of it is within √(X_e² + Y_e²) of the
 * apex; the wrapped obstacle lies inside the turn), else the leg's room profile (`exit-room.ts`):
 * between two of its points the curve stays below the later one, and the straight below its start.
 */
function exitClear(psi0: number, rho: number, k: number, roomM: number): boolean {
  const s = shapeEnd(psi0, k);
  const Xe = rho * shapeX[s][EXIT_POINTS], Ye = rho * shapeY[s][EXIT_POINTS];
  const lengthM = leg.lengthM;
  if (Xe > lengthM) return false;
  const Xq = Math.min(lengthM, Xe + REJOIN * Ye);
  if (Xe * Xe + Ye * Ye <= roomM * roomM && Xq * Xq <= roomM * roomM) return true;
  if (Ye > roomM) return false;
  if (!leg.selected) { selectExitRoom(leg.g, leg.v, leg.edge, leg.dx, leg.dy, leg.nx, leg.ny, lengthM); leg.selected = true; }
  const last = roomCount - 1;
  const iq = Math.min(last, Math.floor(Xq / EXIT_BIN_M)), ie = Math.floor(Xe / EXIT_BIN_M);
  // The outermost point first: most exits that do not fit fail there. Bins are computed through
  // iq at once (one search for the obstacle edges near the leg, not two): on W2 M1, of the 353 k
  // checks that had to compute the outermost point's bin, 239 k passed it and then computed more
  // bins up to iq (a second search), 37 k failed there (now computing 1.8 M bins, 6.6 % of all,
  // that they do not read yet). A bin does not depend on how the profile was filled
  // (`exit-room.ts`, `corner-exit.test.ts`), so the answer is the same.
  if (ie >= roomFilled) extendExitRoom(iq);
  if (Ye * 100 > roomBins[roomOffset + ie]) return false;
  if (iq >= roomFilled) extendExitRoom(iq);
  const bins = roomBins, off = roomOffset, blocks = roomBlocks;
  // Every point of the exit is at most Ye out and at most Xq along: fits when the room up to Xq does.
  if (Ye * 100 <= roomMinTo(iq)) return true;
  // The straight back (each bin's height as before; it falls along the straight, so a whole block
  // of bins under it is skipped when its first bin's height is within the block's lowest room).
  if (Xq > Xe) {
    const slope = Ye / (Xq - Xe);
    let i = ie;
    while (i <= iq) {
      const x = i * EXIT_BIN_M > Xe ? i * EXIT_BIN_M : Xe;
      const y = (Xq - x) * slope * 100;
      if ((i & (EXIT_BLOCK - 1)) === 0 && i + EXIT_BLOCK - 1 <= iq && y <= bins[blocks + i / EXIT_BLOCK]) { i += EXIT_BLOCK; continue; }
      if (y > bins[off + i]) return false;
      i++;
    }
  }
  // The curve: a nested shape stays under Ye and reads bins up to ie only.
  shapeFull(s);
  if (shapeKey[s].nested && Ye * 100 <= roomMinTo(ie)) return true;
  // Between two points the curve is below the later one and below the tangent at the earlier one
  // (its heading falls from ψ₀ to 0, so Y is a concave function of X; the heading at point j is
  // ψ₀·(1 − j/EXIT_POINTS) on both shapes).
  if (!shapeKey[s].nested) { extendExitRoom(last); return curveClear(s, rho, roomBins, roomOffset, last); }
  return curveClear(s, rho, bins, off, last);
}

/** The curve of shape s at radius rho under bins (from off) 0 … last, point by point (see `exitClear`). */
function curveClear(s: number, rho: number, bins: Uint16Array, off: number, last: number): boolean {
  const X = shapeX[s], Y = shapeY[s], slopes = shapeSlopes(s);
  for (let j = EXIT_POINTS; j >= 1; j--) {
    const x0 = rho * X[j - 1], y0 = rho * Y[j - 1], yEnd = rho * Y[j];
    const slope = slopes[j];
    const i0 = Math.floor(x0 / EXIT_BIN_M), i1 = Math.min(last, Math.floor((rho * X[j]) / EXIT_BIN_M));
    for (let i = i1; i >= i0; i--) {
      const tangent = y0 + slope * ((i + 1) * EXIT_BIN_M - x0);
      if ((tangent < yEnd ? tangent : yEnd) * 100 > bins[off + i]) return false;
    }
  }
  return true;
}
