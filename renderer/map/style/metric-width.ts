import type { ExpressionSpecification } from 'maplibre-gl';
import { metresPerPixel } from '../scale.js';

/**
 * A line width or circle radius given in metres on the ground, as a zoom expression in pixels:
 * pixels = metres / metresPerPixel(lat, zoom), which doubles with every zoom level, so an
 * exponential base-2 interpolation between zoom 0 and 24 is exact at every zoom.
 */
export function metricWidth(metres: ExpressionSpecification | number, latDeg: number, minPx = 0): ExpressionSpecification {
  const k0 = 1 / metresPerPixel(latDeg, 0);
  const k24 = 1 / metresPerPixel(latDeg, 24);
  const atZoom = (k: number): ExpressionSpecification => ['max', minPx, ['*', metres, k]];
  return ['interpolate', ['exponential', 2], ['zoom'], 0, atZoom(k0), 24, atZoom(k24)];
}
