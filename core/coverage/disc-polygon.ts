import type { XY } from '../geometry/local-frame.js';

/** Default largest distance between a polygonised arc and the true circle, metres. */
export const DEFAULT_ARC_TOLERANCE_M = 0.002;

/**
 * Number of sides so that a regular polygon stays within `toleranceM` of a circle of radius r.
 * The vertices sit on an area-preserving radius (see arcVertexRadiusM), which deviates from the
 * circle by about half the sagitta r(1 − cos(π/n)) either way.
 */
export function arcSides(radiusM: number, toleranceM: number, fullAngleRad = 2 * Math.PI): number {
  const perFull = Math.ceil(Math.PI / Math.acos(Math.max(-1, 1 - (2 * toleranceM) / radiusM)));
  return Math.max(8, Math.min(4096, Math.ceil((perFull * fullAngleRad) / (2 * Math.PI))));
}

/**
 * The radius on which n vertices enclose exactly the circle's area: r·√(2π / (n·sin(2π/n))) —
 * so discs and the area-based acceptance numbers (cctv.md §6 A8, A9) carry no polygon bias.
 */
export function arcVertexRadiusM(radiusM: number, stepRad: number): number {
  return radiusM * Math.sqrt(stepRad / Math.sin(stepRad));
}

/** A counter-clockwise regular polygon approximating the disc (x east, y north). */
export function discPolygon(center: readonly number[], radiusM: number, toleranceM = DEFAULT_ARC_TOLERANCE_M): XY[] {
  const n = arcSides(radiusM, toleranceM);
  const step = (2 * Math.PI) / n;
  const r = arcVertexRadiusM(radiusM, step);
  const out: XY[] = [];
  for (let i = 0; i < n; i++) out.push([center[0] + r * Math.cos(i * step), center[1] + r * Math.sin(i * step)]);
  return out;
}

/**
 * A counter-clockwise disc sector between two compass bearings (clockwise from north, as cameras
 * give them), spanning `widthDeg` centred on `bearingDeg`. A full 360° gives the disc.
 */
export function sectorPolygon(center: readonly number[], radiusM: number, bearingDeg: number, widthDeg: number, toleranceM = DEFAULT_ARC_TOLERANCE_M): XY[] {
  if (widthDeg >= 360) return discPolygon(center, radiusM, toleranceM);
  const width = (widthDeg * Math.PI) / 180;
  const n = arcSides(radiusM, toleranceM, width);
  const step = width / n;
  const r = arcVertexRadiusM(radiusM, step);
  // Math angle (CCW from east) of the sector's right edge: 90° − (bearing + width/2).
  const start = Math.PI / 2 - (bearingDeg * Math.PI) / 180 - width / 2;
  const out: XY[] = [[center[0], center[1]]];
  for (let i = 0; i <= n; i++) {
    const rr = i === 0 || i === n ? radiusM : r;
    out.push([center[0] + rr * Math.cos(start + i * step), center[1] + rr * Math.sin(start + i * step)]);
  }
  return out;
}
