import { localFrame } from '../../core/geometry/local-frame.js';

/**
 * Lengths and areas the measure tool shows, computed in a local transverse-Mercator frame centred
 * on the measured shape (DESIGN.md "Geometry happens in metres"), never on degrees.
 */
export function lineLengthM(lonLats: readonly (readonly number[])[]): number {
  if (lonLats.length < 2) return 0;
  const frame = localFrame(lonLats[0]);
  let total = 0;
  let prev = frame.toLocal(lonLats[0]);
  for (let i = 1; i < lonLats.length; i++) {
    const p = frame.toLocal(lonLats[i]);
    total += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  return total;
}

/** Area of a ring (closed or not) in m², by the shoelace formula in the local frame. */
export function ringAreaM2(ring: readonly (readonly number[])[]): number {
  if (ring.length < 3) return 0;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const p of ring) {
    minLon = Math.min(minLon, p[0]); maxLon = Math.max(maxLon, p[0]);
    minLat = Math.min(minLat, p[1]); maxLat = Math.max(maxLat, p[1]);
  }
  const frame = localFrame([(minLon + maxLon) / 2, (minLat + maxLat) / 2]);
  const xy = ring.map((p) => frame.toLocal(p));
  let twice = 0;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i], b = xy[(i + 1) % xy.length];
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twice) / 2;
}

/** "12.4 m", "1.27 km", "350 m²", "1.20 ha". */
export function formatLengthM(m: number): string {
  if (m >= 1000) return `${(m / 1000).toFixed(2)} km`;
  return `${m < 10 ? m.toFixed(2) : m.toFixed(1)} m`;
}

export function formatAreaM2(a: number): string {
  if (a >= 10000) return `${(a / 10000).toFixed(2)} ha (${Math.round(a).toLocaleString('en-GB')} m²)`;
  return `${a < 100 ? a.toFixed(1) : Math.round(a).toLocaleString('en-GB')} m²`;
}
