/**
 * Number formatting for analysis panels and findings: one locale (en-GB) so the same result reads
 * the same on every machine, units always written out, and rounding only for display (cli.md:
 * "rounded to 0.1 only for display").
 */
const LOCALE = 'en-GB';

// One formatter per digit count: building an Intl.NumberFormat per call costs more than the formatting.
const formatters = new Map<number, Intl.NumberFormat>();
function fixed(value: number, digits: number): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(value);
}

export const formatKmh = (kmh: number): string => `${fixed(kmh, 1)} km/h`;
export const formatM = (m: number): string => `${fixed(m, m >= 100 ? 0 : 1)} m`;
export const formatM2 = (m2: number): string => `${fixed(m2, 0)} m²`;
export const formatPct = (pct: number): string => `${fixed(pct, 1)} %`;
export const formatKpa = (kpa: number): string => `${fixed(kpa, 1)} kPa`;
export const formatKj = (kj: number): string => `${fixed(kj, 0)} kJ`;
export const formatKg = (kg: number): string => `${fixed(kg, 0)} kg`;
export const formatS = (s: number): string => `${fixed(s, 0)} s`;

/** km/h → m/s, exact by definition (1 km/h = 1000 m / 3600 s). */
export const kmhToMps = (kmh: number): number => kmh / 3.6;

/** Kinetic energy ½·m·v², kJ, with v in km/h (shared/reference/hvm.md §1, "KE = ½·m·v²"). */
export function kineticEnergyKj(massKg: number, speedKmh: number): number {
  const v = kmhToMps(speedKmh);
  return (0.5 * massKg * v * v) / 1000;
}

/** Capitalised label for a DORI level name as outputs carry it (`detect` → `Detect`). */
export const levelLabel = (level: string): string => level.charAt(0).toUpperCase() + level.slice(1);
