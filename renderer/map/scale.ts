/** Web Mercator ground resolution of MapLibre's 512-px tiles (WGS 84 equatorial circumference). */
const EARTH_CIRCUMFERENCE_M = 40075016.686;
/** A CSS pixel is 1/96 inch: 0.0254 / 96 m on screen. */
const CSS_PIXEL_M = 0.0254 / 96;

export function metresPerPixel(latDeg: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latDeg * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The N of "1:N" for a screen at 96 dpi. */
export function scaleDenominator(latDeg: number, zoom: number): number {
  return metresPerPixel(latDeg, zoom) / CSS_PIXEL_M;
}

/** A round scale-bar length (1, 2, 5 × 10^k m) no wider than `maxPx`, and its width in pixels. */
export function scaleBar(latDeg: number, zoom: number, maxPx = 100): { metres: number; px: number; label: string } {
  const mpp = metresPerPixel(latDeg, zoom);
  const maxM = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= maxM) ?? pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : metres >= 1 ? `${metres} m` : `${Math.round(metres * 100)} cm`;
  return { metres, px: metres / mpp, label };
}

/** 1:1,250 style, rounded to 2 significant figures as planners read it. */
export function formatScale(denominator: number): string {
  const digits = Math.max(0, Math.floor(Math.log10(denominator)) - 1);
  const rounded = Math.round(denominator / 10 ** digits) * 10 ** digits;
  return `1:${rounded.toLocaleString('en-GB')}`;
}
