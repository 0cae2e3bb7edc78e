import { G_MPS2 } from '../vehicles/vehicle-classes.js';
import { insideArea, type ApproachGraph } from './approach-graph.js';
import type { VehicleLimits } from './max-speed-search.js';
import { segmentClear } from './obstacle-edges.js';
import { spiralExitOffsetPerRadius } from './spiral-exit.js';
import { FILLET_RADIUS_STEP, lastTurnClearanceM, lastTurnPsi0, lastTurnRadiusM, legEndSpeedMps, setLastLeg } from './turn-speed.js';

const LOG_STEP = Math.log(FILLET_RADIUS_STEP);
/** Chords per exit curve checked against the obstacles (a 45° exit of r = 30 m strays ≤ 4 cm from them). */
const EXIT_CHORDS = 8;

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
        if (exitClear(g, px, py, dOutX, dOutY, nx, ny, lengthM, psi0, rho, k)) { best = end; bestCap = cap; break; }
      }
    }
  }
  const tightCap = Math.sqrt(fg * rMin), tightHold = rMin * Math.sin(psi0);
  const tight = legEndSpeedMps(acc, entryMps, tightCap, tightHold, lengthM);
  if (tight > best && tight > floorMps && exitClear(g, px, py, dOutX, dOutY, nx, ny, lengthM, psi0, rMin, Infinity)) { best = tight; bestCap = tightCap; bestHold = tightHold; }
  setLastLeg(bestCap, bestHold);
  return best;
}

/**
 * Whether the exit from the apex at (px, py) keeps h from every obstacle and stays in the area:
 * the curve (k = Infinity: the circle of radius rho; else the spiral of apex radius rho) as chords,
 * then the straight from its end to the leg's end. Local axes X along dOut, Y outwards; heading
 * φ from ψ₀ down to 0. Circle: X = r(sin ψ₀ − sin φ), Y = r(cos φ − cos ψ₀). Spiral (φ = ψ₀ − ku,
 * ds = ρ·k·eᵘ du): X = ρk[eᵘ(cos φ − k sin φ) − (cos ψ₀ − k sin ψ₀)] / (1 + k²),
 * Y = ρk[eᵘ(sin φ + k cos φ) − (sin ψ₀ + k cos ψ₀)] / (1 + k²).
 */
function exitClear(g: ApproachGraph, px: number, py: number, dx: number, dy: number, nx: number, ny: number, lengthM: number, psi0: number, rho: number, k: number): boolean {
  const h = g.halfWidthM;
  let x0 = px, y0 = py, X = 0;
  for (let i = 1; i <= EXIT_CHORDS; i++) {
    let Y: number;
    if (k === Infinity) {
      const phi = psi0 * (1 - i / EXIT_CHORDS);
      X = rho * (Math.sin(psi0) - Math.sin(phi)); Y = rho * (Math.cos(phi) - Math.cos(psi0));
    } else {
      const u = (psi0 / k) * (i / EXIT_CHORDS), phi = psi0 - k * u, e = Math.exp(u), q = (rho * k) / (1 + k * k);
      X = q * (e * (Math.cos(phi) - k * Math.sin(phi)) - (Math.cos(psi0) - k * Math.sin(psi0)));
      Y = q * (e * (Math.sin(phi) + k * Math.cos(phi)) - (Math.sin(psi0) + k * Math.cos(psi0)));
    }
    const x1 = px + X * dx + Y * nx, y1 = py + X * dy + Y * ny;
    if (!segmentClear(g.edges, x0, y0, x1, y1, h) || !insideArea(g.areaSegments, x0, y0, x1, y1)) return false;
    x0 = x1; y0 = y1;
  }
  // The exit must be over before the leg ends (the next turn or the target starts there).
  if (X > lengthM) return false;
  const ex = px + lengthM * dx, ey = py + lengthM * dy;
  return segmentClear(g.edges, x0, y0, ex, ey, h) && insideArea(g.areaSegments, x0, y0, ex, ey);
}
