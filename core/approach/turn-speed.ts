import { G_MPS2 } from '../vehicles/vehicle-classes.js';

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
 */
export function turnSpeedMps(
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  nodeX: number, nodeY: number, cornerX: number, cornerY: number,
  clearanceM: number, minTurnRadiusM: number, lateralG: number,
): number {
  const cosT = dInX * dOutX + dInY * dOutY;
  if (cosT > 1 - 1e-12) return Infinity;
  const turn = dInX * dOutY - dInY * dOutX;
  const side = dInX * (cornerY - nodeY) - dInY * (cornerX - nodeX);
  if (!(turn * side > 0)) return -1;
  const cosHalf = Math.sqrt(Math.max(0, (1 + cosT) / 2));
  const radiusM = clearanceM / (1 - cosHalf);
  if (!(radiusM >= minTurnRadiusM)) return -1;
  return Math.sqrt(lateralG * G_MPS2 * radiusM);
}
