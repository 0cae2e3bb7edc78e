import { G_MPS2 } from '../vehicles/vehicle-classes.js';
import type { Accelerator } from './kinematics.js';
import { spiralExitOffsetPerRadius } from './spiral-exit.js';

/**
 * Speed at the end of a leg of `lengthM` that starts with a turn capped at `capMps` whose arc
 * runs on for `holdM` along the leg: the speed stays at most the cap until the arc ends, then the
 * vehicle accelerates freely (v² = u² + 2as in each part).
 */
export function legEndSpeedMps(acc: Accelerator, entryMps: number, capMps: number, holdM: number, lengthM: number): number {
  const u = entryMps < capMps ? entryMps : capMps;
  if (capMps === Infinity || holdM <= 0) return acc.speedAfter(u, lengthM);
  if (holdM >= lengthM) return Math.min(capMps, acc.speedAfter(u, lengthM));
  return acc.speedAfter(Math.min(capMps, acc.speedAfter(u, holdM)), lengthM - holdM);
}

/**
 * The fastest a vehicle can take a turn at a corner node (m/s), or -1 when it cannot take it.
 *
 * The turn is a circular arc whose apex touches the node (the tightest place the body may pass
 * the corner) and whose straights swing out to the outside of the turn — the racing line. For a
 * deflection θ, straights parallel to the path's legs lie r·(1 − cos(θ/2)) outside them, so with
 * `clearanceM` of room the largest radius is r = clearance / (1 − cos(θ/2)) (for a 90° street
 * corner of free width W this is the textbook (2 + √2)·W). The speed is the skid limit
 * v = √(f·g·r) (MIL-HDBK-1013/14 eq. 6, hvm.md §1), f = the class's lateral limit in g.
 * A turn needing a radius below the class's minimum turning radius is impossible, and so is a
 * turn that bends away from the corner it wraps (the corner must lie inside the turn).
 *
 * The arc must also fit the legs: its tangent length r·tan(θ/2) is at most `maxTangentM` (half
 * of each leg it shares with a neighbouring turn, the whole last leg into a target).
 *
 * A free node (no corner: `cornerX` NaN) is a bend in open ground: the arc is tangent to both legs
 * inside the bend and stays within r·tan(θ/2) of the node, so r = clearance / tan(θ/2).
 */
/**
 * Length along the outgoing leg over which the turn's arc still holds the speed to its cap, m:
 * the tangent length r·tan(θ/2) of the last turn `turnSpeedMps` computed (0 for straight on).
 * A module variable, read right after the call, so the inner loop allocates nothing.
 */
export let lastTurnHoldM = 0;
/** tan(θ/2) of the last turn `turnSpeedMps` computed. */
export let lastTurnTanHalf = 0;
/** How far past the node the last turn's arc ends per metre of radius (sin(θ/2) at a corner, tan(θ/2) at a free node), θ/2, the corner circle's radius (0: no spiral) and its room. */
let lastTurnHoldPerRadius = 0;
export let lastTurnPsi0 = 0, lastTurnRadiusM = 0, lastTurnClearanceM = 0;

/**
 * Speed at the end of the leg after the last corner turn computed (`turnSpeedMps`), the best of
 * three exits from the racing line's apex at the node:
 * - the widest circle that fits, held at its skid speed until it reaches the exit direction, which
 *   is r·sin(θ/2) along the out-leg past the apex (the arc's end; not its tangent length r·tan(θ/2),
 *   which counted up to 40 % of r too much at 90° and under-estimated: README 2026-11-28);
 * - the tightest circle the class can steer (r_min), held the same way (a wider arc is faster but
 *   holds the speed down for longer);
 * - a spiral exit (`spiralExitOffsetPerRadius`): apex radius ρ at most the circle's and small enough
 *   that the spiral's sideways swing ρ·k·F fits the same room c, then full acceleration from the apex
 *   (v² = min(u², f·g·ρ) + 2aL; the spiral's own path is at least the leg, so this does not over-count).
 * With an a(v) curve (no constant a) the spiral is not tried. Each exit is monotone in c, so their
 * maximum is too (adding an obstacle never raises it).
 */
export function legAfterTurnMps(acc: Accelerator, entryMps: number, capMps: number, lengthM: number, minTurnRadiusM: number, lateralG: number): number {
  const wide = legEndSpeedMps(acc, entryMps, capMps, lastTurnHoldM, lengthM);
  if (capMps === Infinity) { lastLegCapMps = capMps; lastLegHoldM = lastTurnHoldM; return wide; }
  let best = wide, bestCap = capMps, bestHold = lastTurnHoldM;
  const fg = lateralG * G_MPS2;
  const tightCap = Math.sqrt(fg * minTurnRadiusM);
  const tightHold = minTurnRadiusM * lastTurnHoldPerRadius;
  const tight = legEndSpeedMps(acc, entryMps, tightCap, tightHold, lengthM);
  if (tight > best) { best = tight; bestCap = tightCap; bestHold = tightHold; }
  const a = acc.constantAccelMps2;
  if (a !== undefined && a > 0 && lastTurnRadiusM > 0) {
    const perRadius = spiralExitOffsetPerRadius(lastTurnPsi0, fg / (2 * a));
    const rho = Math.min(lastTurnRadiusM, lastTurnClearanceM / perRadius);
    if (rho >= minTurnRadiusM) {
      const spiralCap = Math.sqrt(fg * rho);
      const spiral = legEndSpeedMps(acc, entryMps, spiralCap, 0, lengthM);
      if (spiral > best) { best = spiral; bestCap = spiralCap; bestHold = 0; }
    }
  }
  lastLegCapMps = bestCap; lastLegHoldM = bestHold;
  return best;
}
/** Records the cap and hold of the leg just evaluated (read by the path's speed profile). */
export function setLastLeg(capMps: number, holdM: number): void { lastLegCapMps = capMps; lastLegHoldM = holdM; }
/** The cap and hold `legAfterTurnMps` chose last. */
export let lastLegCapMps = 0;
export let lastLegHoldM = 0;

export function turnSpeedMps(
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  nodeX: number, nodeY: number, cornerX: number, cornerY: number,
  clearanceM: number, minTurnRadiusM: number, lateralG: number, maxTangentM = Infinity,
): number {
  const cosT = dInX * dOutX + dInY * dOutY;
  lastTurnHoldM = 0;
  lastTurnTanHalf = 0;
  lastTurnRadiusM = 0;
  if (cosT > 1 - 1e-12) return Infinity;
  if (cornerX !== cornerX) {
    const cosHalfFree = Math.sqrt(Math.max(0, (1 + cosT) / 2));
    const sinHalf = Math.sqrt(Math.max(0, (1 - cosT) / 2));
    const r = Math.min(cosHalfFree === 0 ? 0 : (clearanceM * cosHalfFree) / sinHalf, (maxTangentM * cosHalfFree) / sinHalf);
    if (!(r >= minTurnRadiusM)) return -1;
    lastTurnTanHalf = sinHalf / cosHalfFree;
    lastTurnHoldM = r * lastTurnTanHalf;
    lastTurnHoldPerRadius = lastTurnTanHalf;
    return Math.sqrt(lateralG * G_MPS2 * r);
  }
  const turn = dInX * dOutY - dInY * dOutX;
  const side = dInX * (cornerY - nodeY) - dInY * (cornerX - nodeX);
  if (!(turn * side > 0)) return -1;
  const cosHalf = Math.sqrt(Math.max(0, (1 + cosT) / 2));
  const sinHalf = Math.sqrt(Math.max(0, (1 - cosT) / 2));
  const radiusM = Math.min(clearanceM / (1 - cosHalf), (maxTangentM * cosHalf) / sinHalf);
  if (!(radiusM >= minTurnRadiusM)) return -1;
  lastTurnTanHalf = cosHalf === 0 ? 1e9 : sinHalf / cosHalf;
  // The racing line's arc runs from the apex (the node) to the exit direction: r·sin(θ/2) along the out-leg.
  lastTurnHoldM = radiusM * sinHalf;
  lastTurnHoldPerRadius = sinHalf; lastTurnPsi0 = Math.atan2(sinHalf, cosHalf); lastTurnRadiusM = radiusM; lastTurnClearanceM = clearanceM;
  return Math.sqrt(lateralG * G_MPS2 * radiusM);
}

/** Ratio between neighbouring radii tried for a bend in open ground (a fixed ladder from the class's minimum radius). */
export const FILLET_RADIUS_STEP = 1.05;
const LOG_STEP = Math.log(FILLET_RADIUS_STEP);

/**
 * Speed at the end of the leg after a bend at a free node (a point of the obstacle-independent
 * lattice), m/s, or -1 when no arc of at least the class's minimum radius fits. The bend is a fillet
 * (arc tangent to both legs, see `filletClear`) of a radius from a fixed ladder r_min·1.05^k up to the
 * largest the legs allow (tangent length within `maxTangentM`). The speed is the skid limit √(f·g·r),
 * held along the arc's tangent length past the node. With constant acceleration the leg's end speed
 * is monotone in r (v² = min(r·(f·g − 2a·tan(θ/2)), u²) + 2aL), so the best clear rung is the first
 * clear one counted from the better end: the answer is the maximum over a fixed set of radii, each
 * either clear or not — adding an obstacle can only remove radii, never add a faster one.
 * Sets `lastLegCapMps` / `lastLegHoldM`.
 */
export function freeBendLegMps(
  acc: Accelerator, entryMps: number, lengthM: number,
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  clearanceM: number, maxTangentM: number,
  minTurnRadiusM: number, lateralG: number,
  clear: (radiusM: number) => boolean,
  floorMps = -1,
): number {
  const cosT = dInX * dOutX + dInY * dOutY;
  if (cosT > 1 - 1e-12) {
    lastLegCapMps = Infinity; lastLegHoldM = 0;
    return acc.speedAfter(entryMps, lengthM);
  }
  const cosHalf = Math.sqrt(Math.max(0, (1 + cosT) / 2));
  const sinHalf = Math.sqrt(Math.max(0, (1 - cosT) / 2));
  if (cosHalf < 1e-9) return -1;
  const tanHalf = sinHalf / cosHalf;
  const fg = lateralG * G_MPS2;
  // Beyond the radius whose skid speed is the top speed every radius drives the same: the ladder stops there.
  const rTop = (acc.topSpeedMps * acc.topSpeedMps) / fg;
  const rFit = Math.min(maxTangentM / tanHalf, Math.max(minTurnRadiusM, rTop));
  if (!(rFit >= minTurnRadiusM)) return -1;
  if (floorMps >= 0) {
    // Cheaper exact bound first: every rung's cap is at most the widest one's (rungs overshoot
    // rFit by rounding only, hence the 1e-6), and holding at a cap never beats accelerating
    // straight from the capped entry speed (rounding slack 1e-7 m/s).
    const capMax = Math.sqrt(fg * rFit * (1 + 1e-6));
    if (acc.speedAfter(entryMps < capMax ? entryMps : capMax, lengthM) + 1e-7 <= floorMps) return -1;
  }
  // Cheap exact bound first: no radius beats the better of the two ends of the ladder.
  const top = legEndSpeedMps(acc, entryMps, Math.sqrt(fg * rFit), rFit * tanHalf, lengthM);
  const bottom = legEndSpeedMps(acc, entryMps, Math.sqrt(fg * minTurnRadiusM), minTurnRadiusM * tanHalf, lengthM);
  if (top <= floorMps && bottom <= floorMps) return -1;
  const down = top >= bottom;
  const rBest = down ? rFit : minTurnRadiusM;
  if (rBest * tanHalf <= clearanceM) { lastLegCapMps = Math.sqrt(fg * rBest); lastLegHoldM = rBest * tanHalf; return down ? top : bottom; }
  const rungs = Math.floor(Math.log(rFit / minTurnRadiusM) / LOG_STEP + 1e-9);
  // The leg is monotone in r: nothing on the ladder beats the better end, and the scan stops
  // as soon as the rungs left cannot beat `floorMps` (exact pruning, same maximum).
  for (let j = 0; j <= rungs + 1; j++) {
    const k = down ? rungs + 1 - j : j;
    const r = k > rungs ? rFit : minTurnRadiusM * FILLET_RADIUS_STEP ** k;
    const v = legEndSpeedMps(acc, entryMps, Math.sqrt(fg * r), r * tanHalf, lengthM);
    if (v <= floorMps) return -1;
    if (r * tanHalf <= clearanceM || clear(r)) { lastLegCapMps = Math.sqrt(fg * r); lastLegHoldM = r * tanHalf; return v; }
  }
  return -1;
}
