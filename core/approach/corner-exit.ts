import { G_MPS2 } from '../vehicles/vehicle-classes.js';
import { insideArea, SECTORS, sectorOf, type ApproachGraph } from './approach-graph.js';
import type { VehicleLimits } from './max-speed-search.js';
import { pointSegmentDistance, segmentClear } from './obstacle-edges.js';
import { spiralExitOffsetPerRadius } from './spiral-exit.js';
import { FILLET_RADIUS_STEP, lastTurnClearanceM, lastTurnPsi0, lastTurnRadiusM, legEndSpeedMps, setLastLeg } from './turn-speed.js';

const LOG_STEP = Math.log(FILLET_RADIUS_STEP);
/** Chords per exit curve; each is checked with h plus a bound on how far the curve strays from it. */
const EXIT_CHORDS = 4;
/** The straight back onto the leg ends at most this many swings further along it (atan(1/4) = 14°). */
const REJOIN = 4;

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
 * runs towards a wall the reported path passed through it (issue #4, README 2026-11-28). Each check
 * only fails more when an obstacle is added and the ladder is fixed, so the answer stays monotone.
 * Classes with an a(v) curve have no closed-form spiral: they get the tight circle only.
 */
export function cornerExitLegMps(
  g: ApproachGraph, limits: VehicleLimits, entryMps: number,
  dOutX: number, dOutY: number, v: number, lengthM: number, floorMps = -1,
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
  const a = acc.constantAccelMps2;
  if (a !== undefined && a > 0) {
    const k = fg / (2 * a);
    const rhoMax = Math.min(rC, c / spiralExitOffsetPerRadius(psi0, k));
    if (rhoMax >= rMin) {
      const rungs = Math.floor(Math.log(rhoMax / rMin) / LOG_STEP + 1e-9);
      for (let j = rungs; j >= 0; j--) {
        const rho = rMin * FILLET_RADIUS_STEP ** j;
        const cap = Math.sqrt(fg * rho);
        const end = legEndSpeedMps(acc, entryMps, cap, 0, lengthM);
        if (end <= floorMps) break;
        if (exitClear(g, v, px, py, dOutX, dOutY, nx, ny, lengthM, psi0, rho, k, c)) { best = end; bestCap = cap; break; }
      }
    }
  }
  const tightCap = Math.sqrt(fg * rMin), tightHold = rMin * Math.sin(psi0);
  const tight = legEndSpeedMps(acc, entryMps, tightCap, tightHold, lengthM);
  if (tight > best && tight > floorMps && exitClear(g, v, px, py, dOutX, dOutY, nx, ny, lengthM, psi0, rMin, Infinity, c)) { best = tight; bestCap = tightCap; bestHold = tightHold; }
  setLastLeg(bestCap, bestHold);
  return best;
}

/** Where the exit reaches the exit direction, in the local axes of `exitClear`. */
function exitEnd(psi0: number, rho: number, k: number): { X: number; Y: number } {
  if (k === Infinity) return { X: rho * Math.sin(psi0), Y: rho * (1 - Math.cos(psi0)) };
  const e = Math.exp(psi0 / k), q = (rho * k) / (1 + k * k);
  return { X: q * (e - (Math.cos(psi0) - k * Math.sin(psi0))), Y: q * (e * k - (Math.sin(psi0) + k * Math.cos(psi0))) };
}

/**
 * Whether the exit from the apex at (px, py) keeps h from every obstacle and stays in the area:
 * the curve (k = Infinity: the circle of radius rho; else the spiral of apex radius rho) as chords,
 * then the straight from its end to the leg's end. Local axes X along dOut, Y outwards; heading
 * φ from ψ₀ down to 0. Circle: X = r(sin ψ₀ − sin φ), Y = r(cos φ − cos ψ₀). Spiral (φ = ψ₀ − ku,
 * ds = ρ·k·eᵘ du): X = ρk[eᵘ(cos φ − k sin φ) − (cos ψ₀ − k sin ψ₀)] / (1 + k²),
 * Y = ρk[eᵘ(sin φ + k cos φ) − (sin ψ₀ + k cos ψ₀)] / (1 + k²).
 */
function exitClear(g: ApproachGraph, v: number, px: number, py: number, dx: number, dy: number, nx: number, ny: number, lengthM: number, psi0: number, rho: number, k: number, roomM: number): boolean {
  let X = 0;
  // Cheap and exact first: X and Y both grow along the exit, so every point of the curve is within
  // √(X_e² + Y_e²) of the apex; inside the room c (distance from the node to every obstacle but the
  // wrapped corner's own, less h) the curve is clear of those. The wrapped corner lies inside the
  // turn, behind the leg, away from the outward swing.
  const { X: Xe, Y: Ye } = exitEnd(psi0, rho, k);
  if (Xe > lengthM) return false;
  // Back onto the leg (clear already: a graph edge, or the last leg checked by the caller) within
  // REJOIN × the swing, at most 14° off the leg's direction.
  const Xq = Math.min(lengthM, Xe + REJOIN * Ye);
  const qx = px + Xq * dx, qy = py + Xq * dy;
  if (Xe * Xe + Ye * Ye <= roomM * roomM) {
    if (Xq * Xq <= roomM * roomM) return true;
    const x1 = px + Xe * dx + Ye * nx, y1 = py + Xe * dy + Ye * ny;
    return pieceClear(g, v, x1, y1, qx, qy, 0);
  }
  // Farthest pieces first: an exit that does not fit usually fails at its outer end.
  const ex = px + Xe * dx + Ye * nx, ey = py + Xe * dy + Ye * ny;
  let x0 = ex, y0 = ey;
  if (!pieceClear(g, v, ex, ey, qx, qy, 0)) return false;
  const sin0 = Math.sin(psi0), cos0 = Math.cos(psi0), tanStray = 0.5 * Math.tan(psi0 / (2 * EXIT_CHORDS));
  for (let i = EXIT_CHORDS - 1; i >= 0; i--) {
    let Y: number;
    if (k === Infinity) {
      const phi = psi0 * (1 - i / EXIT_CHORDS);
      X = rho * (sin0 - Math.sin(phi)); Y = rho * (Math.cos(phi) - cos0);
    } else {
      const u = (psi0 / k) * (i / EXIT_CHORDS), phi = psi0 - k * u, e = Math.exp(u), q = (rho * k) / (1 + k * k);
      X = q * (e * (Math.cos(phi) - k * Math.sin(phi)) - (cos0 - k * sin0));
      Y = q * (e * (Math.sin(phi) + k * Math.cos(phi)) - (sin0 + k * cos0));
    }
    const x1 = px + X * dx + Y * nx, y1 = py + X * dy + Y * ny;
    // The curve between the chord's ends turns by ψ₀/EXIT_CHORDS and is convex, so it lies within
    // (chord / 2)·tan(turn / 2) of the chord (the triangle of the chord and both tangents).
    if (!pieceClear(g, v, x1, y1, x0, y0, Math.hypot(x1 - x0, y1 - y0) * tanStray)) return false;
    x0 = x1; y0 = y1;
  }
  return true;
}

/**
 * Whether a piece of the exit keeps h + `extraM` from every obstacle (but the wrapped corner's own)
 * and stays in the area. First from the node's room per direction (`sectorClearanceM`, exact): an
 * edge within h + extra of a point P of the piece has its nearest point Q within
 * asin((h + extra) / |P|) of P's direction and |Q| ≤ |P| + h + extra, so the sector of Q has room at
 * most |P| + extra; if every sector the piece spans (widened by that angle) has more room than the
 * piece's farthest point + extra, no edge is that close. Else the exact segment test.
 */
function pieceClear(g: ApproachGraph, v: number, ax: number, ay: number, bx: number, by: number, extraM: number): boolean {
  const px = g.x[v], py = g.y[v], h = g.halfWidthM;
  const near = pointSegmentDistance(px, py, ax, ay, bx, by);
  const reach = h + extraM;
  if (near > reach) {
    const far = Math.max(Math.hypot(ax - px, ay - py), Math.hypot(bx - px, by - py)) + extraM;
    const a0 = Math.atan2(ay - py, ax - px);
    let d = Math.atan2(by - py, bx - px) - a0;
    while (d > Math.PI) d -= 2 * Math.PI;
    while (d < -Math.PI) d += 2 * Math.PI;
    const m = Math.asin(reach / near);
    let from = (d >= 0 ? a0 : a0 + d) - m;
    while (from < -Math.PI) from += 2 * Math.PI;
    const span = Math.abs(d) + 2 * m;
    const k0 = sectorOf(from);
    const n = Math.ceil((span / (2 * Math.PI)) * SECTORS) + 1;
    let ok = true;
    for (let j = 0; j <= n && j < SECTORS; j++) if (!(g.sectorClearanceM[v * SECTORS + ((k0 + j) % SECTORS)] > far)) { ok = false; break; }
    if (ok) return true;
  }
  return segmentClear(g.edges, ax, ay, bx, by, h + extraM) && insideArea(g.areaSegments, ax, ay, bx, by);
}
