import type { XY } from '../geometry/local-frame.js';
import type { CameraModel } from './camera-model.js';
import { groundHitM } from './camera-optics.js';
import { DEFAULT_ARC_TOLERANCE_M, discPolygon, sectorPolygon } from './disc-polygon.js';

const RAD = Math.PI / 180;
type V3 = [number, number, number];

/**
 * The camera frame: forward (horizontal, along the bearing), right, optical axis (tilted down by
 * tilt), and image-up. Bearings are clockwise from north; x east, y north, z up.
 */
function cameraAxes(c: CameraModel): { axis: V3; right: V3; up: V3 } {
  const b = c.bearingDeg * RAD;
  const t = c.tiltDeg * RAD;
  const forward: V3 = [Math.sin(b), Math.cos(b), 0];
  const right: V3 = [Math.cos(b), -Math.sin(b), 0];
  const axis: V3 = [forward[0] * Math.cos(t), forward[1] * Math.cos(t), -Math.sin(t)];
  const up: V3 = [forward[0] * Math.sin(t), forward[1] * Math.sin(t), Math.cos(t)];
  return { axis, right, up };
}

/**
 * The four side planes of the viewing pyramid as inward normals n (a direction v is seen when
 * n·v ≥ 0 for all four): |v·right| ≤ tan(HFOV/2)·(v·axis) and |v·up| ≤ tan(VFOV/2)·(v·axis).
 */
function frustumNormals(c: CameraModel): V3[] {
  const { axis, right, up } = cameraAxes(c);
  const th = Math.tan((c.hfovDeg / 2) * RAD);
  const tv = Math.tan((c.vfovDeg / 2) * RAD);
  const comb = (k: number, s: number, w: V3): V3 => [k * axis[0] + s * w[0], k * axis[1] + s * w[1], k * axis[2] + s * w[2]];
  return [comb(th, -1, right), comb(th, 1, right), comb(tv, -1, up), comb(tv, 1, up)];
}

/**
 * Where the four corner rays of the frustum meet the target plane (cctv.md §2, "use the 4 frustum
 * corner rays"), relative to the camera's foot, in the order near-left, near-right, far-right,
 * far-left; a corner ray at or above the horizon gives null.
 */
export function footprintCorners(c: CameraModel): (XY | null)[] {
  const { axis, right, up } = cameraAxes(c);
  const th = Math.tan((c.hfovDeg / 2) * RAD);
  const tv = Math.tan((c.vfovDeg / 2) * RAD);
  const h = c.heightM - c.targetHeightM;
  const corner = (sx: number, sy: number): XY | null => {
    const v: V3 = [axis[0] + sx * th * right[0] + sy * tv * up[0], axis[1] + sx * th * right[1] + sy * tv * up[1], axis[2] + sx * th * right[2] + sy * tv * up[2]];
    if (v[2] >= 0) return null;
    const k = h / -v[2];
    return [k * v[0], k * v[1]];
  };
  return [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
}

/**
 * Near edge (end of the blind zone) and far edge of the footprint along the camera's centre line,
 * ground metres from its foot: H'/tan(tilt + VFOV/2) and H'/tan(tilt − VFOV/2), ∞ above the
 * horizon (cctv.md §2, §6 A6). Panoramic cameras: 0 and ∞.
 */
export function footprintDepthsM(c: CameraModel): { nearM: number; farM: number } {
  if (c.panoramic) return { nearM: 0, farM: Infinity };
  const h = c.heightM - c.targetHeightM;
  const lower = c.tiltDeg + c.vfovDeg / 2;
  return { nearM: lower >= 90 ? 0 : groundHitM(h, lower), farM: groundHitM(h, c.tiltDeg - c.vfovDeg / 2) };
}

/** Sutherland–Hodgman against one half-plane a·x + b·y + k ≥ 0 (convex input stays convex). */
function clipHalfPlane(poly: XY[], a: number, b: number, k: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const fp = a * p[0] + b * p[1] + k;
    const fq = a * q[0] + b * q[1] + k;
    if (fp >= 0) out.push(p);
    if ((fp >= 0) !== (fq >= 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * What a camera's frame covers on the target plane out to ground radius `radiusM` (local metres,
 * counter-clockwise): the tilted frustum's footprint — a trapezoid with its blind zone, not a
 * sector — intersected with the disc; where the upper rays pass the horizon, the disc is the far
 * edge. Panoramic cameras: the disc sector of width hfov on the bearing. Empty when nothing is seen.
 */
export function groundFootprint(c: CameraModel, radiusM: number, toleranceM = DEFAULT_ARC_TOLERANCE_M): XY[] {
  if (!(radiusM > 0)) return [];
  if (c.panoramic) return sectorPolygon(c.xy, radiusM, c.bearingDeg, c.hfovDeg, toleranceM);
  const h = c.heightM - c.targetHeightM;
  if (!(h > 0)) return [];
  let poly = discPolygon(c.xy, radiusM, toleranceM);
  // A ground point p is seen when n·(p − C) ≥ 0 with C = (x, y, h): n_x·dx + n_y·dy − n_z·h ≥ 0.
  for (const n of frustumNormals(c)) {
    poly = clipHalfPlane(poly, n[0], n[1], -n[0] * c.xy[0] - n[1] * c.xy[1] - n[2] * h);
    if (poly.length < 3) return [];
  }
  return poly;
}
