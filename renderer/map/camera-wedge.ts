import { localFrame } from '../../core/geometry/local-frame.js';
import { numberProperty } from '../../core/scene/properties.js';
import type { SceneFeature } from '../../core/scene/types.js';

/** IEC 62676-4:2014 Detect level, 25 px/m (shared/reference/cctv.md §1.1). */
const DETECT_PX_PER_M = 25;

/**
 * The distance at which a camera's horizontal pixel density falls to the Detect level: the width
 * seen at distance d is 2·d·tan(hfov/2), so px/m = res_h / (2·d·tan(hfov/2)) and
 * d = res_h / (25 · 2·tan(hfov/2)) — 38.4 m for 1920 px at 90° (cctv.md A2). A display
 * default only; the coverage analysis owns the real (slant, tilted) view.
 */
export function nominalDetectRangeM(resolutionHPx: number, hfovDeg: number): number {
  const half = (Math.min(hfovDeg, 179) * Math.PI) / 360;
  return resolutionHPx / (DETECT_PX_PER_M * 2 * Math.tan(half));
}

/**
 * The outline of a camera's field of view on the ground, as drawn on the plan: a wedge from the
 * camera along `bearing_deg` (clockwise from north), `hfov_deg` wide, out to `range_m` (or the
 * nominal Detect range). Built in a local metric frame around the camera.
 */
export function cameraWedge(camera: SceneFeature, steps = 24): { type: 'Polygon'; coordinates: number[][][] } | undefined {
  if (camera.geometry.type !== 'Point') return undefined;
  const p = camera.properties;
  const bearing = numberProperty('camera', p, 'bearing_deg') ?? 0;
  const hfov = numberProperty('camera', p, 'hfov_deg') ?? 90;
  const resH = numberProperty('camera', p, 'resolution_h_px') ?? 1920;
  const range = numberProperty('camera', p, 'range_m') ?? nominalDetectRangeM(resH, hfov);
  if (!(range > 0) || !(hfov > 0)) return undefined;
  const origin = camera.geometry.coordinates;
  const frame = localFrame(origin);
  const ring: number[][] = [];
  const full = hfov >= 360;
  if (!full) ring.push([origin[0], origin[1]]);
  for (let i = 0; i <= steps; i++) {
    const az = ((bearing - hfov / 2 + (hfov * i) / steps) * Math.PI) / 180;
    ring.push(frame.toLonLat([range * Math.sin(az), range * Math.cos(az)]));
  }
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}
