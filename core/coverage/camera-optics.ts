/**
 * Optics of a fixed rectilinear camera, each formula from shared/reference/cctv.md §2.
 * Angles in degrees at the interface, distances in metres.
 */

const RAD = Math.PI / 180;

/** HFOV = 2·atan(w_sensor / 2f) (cctv.md §2, lens → angle). */
export function hfovFromLensDeg(sensorWidthMm: number, focalLengthMm: number): number {
  return (2 * Math.atan(sensorWidthMm / (2 * focalLengthMm))) / RAD;
}

/** VFOV = 2·atan(tan(HFOV/2)·V/H), square pixels (cctv.md §2 [derived]). */
export function verticalFovDeg(hfovDeg: number, resolutionHPx: number, resolutionVPx: number): number {
  return (2 * Math.atan(Math.tan((hfovDeg * RAD) / 2) * (resolutionVPx / resolutionHPx))) / RAD;
}

/** ppm = H_res / (2·d·tan(HFOV/2)) at distance d from the lens (cctv.md §2, IEC 62676-4 px/m). */
export function pixelDensityPpm(resolutionHPx: number, hfovDeg: number, distanceM: number): number {
  return resolutionHPx / (2 * distanceM * Math.tan((hfovDeg * RAD) / 2));
}

/** d_max = H_res / (2·ppm·tan(HFOV/2)): the farthest lens distance where a level is met (cctv.md §2, §6 A1). */
export function doriReachM(resolutionHPx: number, hfovDeg: number, ppm: number): number {
  return resolutionHPx / (2 * ppm * Math.tan((hfovDeg * RAD) / 2));
}

/**
 * Panoramic (fisheye) cameras spread H_res over the whole horizontal angle, so the tangential
 * density at distance d is H_res / (HFOV_rad · d) — an equidistant projection, our assumption for
 * hfov ≥ PANORAMIC_MIN_HFOV_DEG where a rectilinear lens is not made.
 */
export function panoramicPixelDensityPpm(resolutionHPx: number, hfovDeg: number, distanceM: number): number {
  return resolutionHPx / (hfovDeg * RAD * distanceM);
}

export function panoramicReachM(resolutionHPx: number, hfovDeg: number, ppm: number): number {
  return resolutionHPx / (hfovDeg * RAD * ppm);
}

/** Above this horizontal angle a camera is modelled as panoramic (fisheye), not as a pyramid. */
export const PANORAMIC_MIN_HFOV_DEG = 150;

/** Slant distance lens → target: R = √(D² + (H − h_t)²) (cctv.md §2). */
export function slantRangeM(groundDistanceM: number, lensAboveTargetM: number): number {
  return Math.hypot(groundDistanceM, lensAboveTargetM);
}

/** Ground distance at which the slant range is R, or 0 when R is shorter than the lens height. */
export function groundDistanceAtSlantM(slantM: number, lensAboveTargetM: number): number {
  return slantM > lensAboveTargetM ? Math.sqrt(slantM * slantM - lensAboveTargetM * lensAboveTargetM) : 0;
}

/** A ray at depression α meets the target plane at x = H / tan α; ∞ at or above the horizon (cctv.md §2). */
export function groundHitM(lensAboveTargetM: number, depressionDeg: number): number {
  return depressionDeg > 0 ? lensAboveTargetM / Math.tan(depressionDeg * RAD) : Infinity;
}

/** px/ft = px/m × 0.3048 (cctv.md §1.1, §6 A4). The scene stores px/m only; the UI may show px/ft. */
export function pixelsPerFoot(ppm: number): number {
  return ppm * 0.3048;
}

/** px/m from pixels across an average 16 cm face (Axis face model, cctv.md §1.3, §6 A4). */
export function ppmFromFacePixels(facePx: number, faceWidthM = 0.16): number {
  return facePx / faceWidthM;
}
