/**
 * Nominal image-sensor widths by optical format (4:3 era), for HFOV = 2·atan(w/2f) when a camera
 * gives a lens instead of an angle. Source: http://www.industrial-camera.com/format.htm via
 * shared/reference/cctv.md §2 ("prefer datasheet HFOV": the inch name is ≈ 1.5× the true diagonal).
 */
export interface SensorFormat {
  format: string;
  widthMm: number;
  heightMm: number;
  source: string;
}

const SRC = 'http://www.industrial-camera.com/format.htm (shared/reference/cctv.md §2)';

export const SENSOR_FORMATS: readonly SensorFormat[] = [
  { format: '1/4"', widthMm: 3.2, heightMm: 2.4, source: SRC },
  { format: '1/3"', widthMm: 4.8, heightMm: 3.6, source: SRC },
  { format: '1/2"', widthMm: 6.4, heightMm: 4.8, source: SRC },
  { format: '2/3"', widthMm: 8.8, heightMm: 6.6, source: SRC },
  { format: '1"', widthMm: 12.8, heightMm: 9.6, source: SRC },
];

/** The sensor row for a format name such as `1/3"` or `1/3` (the inch mark is optional). */
export function sensorFormat(name: string): SensorFormat | undefined {
  const key = name.trim().replace(/(in|inch|″|")$/i, '').trim();
  return SENSOR_FORMATS.find((s) => s.format.slice(0, -1) === key);
}
