/**
 * Kingery–Bulmash (1984) airblast for a hemispherical surface burst of TNT, in the simplified fits
 * of Swisdak (1994): Y = exp(A + B·L + C·L² + …), L = ln Z, Z = R / W^(1/3) in m/kg^(1/3).
 * Coefficients: shared/reference/blast-standoff.md §2a (Swisdak, "Simplified Kingery Airblast
 * Calculations", NSWC 1994, ADA526744; as coded in fcento100/kingery-bulmash), with the metric
 * reflected-impulse cubic term taken as −0.01123 (the PyPI package's +0.01123 is a sign bug, §2a).
 * Pressures come out directly in kPa; times (ms) and impulses (kPa·ms) are scaled per kg^(1/3)
 * and are multiplied by W^(1/3) here. Outside a fit's range we refuse (§2d): never extrapolate.
 */

/** A scaled distance outside the range a fit was made for. */
export class BlastRangeError extends Error {
  constructor(
    readonly quantity: string,
    readonly scaledDistance: number,
    readonly minZ: number,
    readonly maxZ: number,
  ) {
    super(
      `${quantity}: scaled distance Z = ${formatZ(scaledDistance)} m/kg^(1/3) is outside the Kingery–Bulmash fit range ` +
        `${minZ}–${maxZ} m/kg^(1/3); no value is given outside it`,
    );
    this.name = 'BlastRangeError';
  }
}

function formatZ(z: number): string {
  return Number.isFinite(z) ? String(Math.round(z * 1e4) / 1e4) : String(z);
}

interface Segment {
  minZ: number;
  maxZ: number;
  coefficients: readonly number[];
}

/** A piecewise fit in ln Z; segments ordered by Z, sharing their end points. */
interface Fit {
  quantity: string;
  unit: string;
  segments: readonly Segment[];
}

const fit = (quantity: string, unit: string, segments: [number, number, number[]][]): Fit => ({
  quantity,
  unit,
  segments: segments.map(([minZ, maxZ, coefficients]) => ({ minZ, maxZ, coefficients })),
});

// blast-standoff.md §2a table, metric.
export const INCIDENT_PRESSURE_FIT = fit('incident overpressure Ps', 'kPa', [
  [0.2, 2.9, [7.2106, -2.1069, -0.3229, 0.1117, 0.0685]],
  [2.9, 23.8, [7.5938, -3.0523, 0.40977, 0.0261, -0.01267]],
  [23.8, 198.5, [6.0536, -1.4066]],
]);
export const REFLECTED_PRESSURE_FIT = fit('reflected overpressure Pr', 'kPa', [
  [0.06, 2.0, [9.006, -2.6893, -0.6295, 0.1011, 0.29255, 0.13505, 0.019736]],
  [2.0, 40, [8.8396, -1.733, -2.64, 2.293, -0.8232, 0.14247, -0.0099]],
]);
export const ARRIVAL_TIME_FIT = fit('arrival time ta', 'ms/kg^(1/3)', [
  [0.06, 1.5, [-0.7604, 1.8058, 0.1257, -0.0437, -0.031, -0.00669]],
  [1.5, 40, [-0.7137, 1.5732, 0.5561, -0.4213, 0.1054, -0.00929]],
]);
export const POSITIVE_DURATION_FIT = fit('positive phase duration td', 'ms/kg^(1/3)', [
  [0.2, 1.02, [0.5426, 3.2299, -1.5931, -5.9667, -4.0815, -0.9149]],
  [1.02, 2.8, [0.544, 2.7082, -9.7354, 14.3425, -9.7791, 2.8535]],
  [2.8, 40, [-2.4608, 7.1639, -5.6215, 2.2711, -0.44994, 0.03486]],
]);
export const INCIDENT_IMPULSE_FIT = fit('incident impulse is', 'kPa·ms/kg^(1/3)', [
  [0.2, 0.96, [5.522, 1.117, 0.6, -0.292, -0.087]],
  [0.96, 2.38, [5.465, -0.308, -1.464, 1.362, -0.432]],
  [2.38, 33.7, [5.2749, -0.4677, -0.2499, 0.0588, -0.00554]],
  [33.7, 158.7, [5.9825, -1.062]],
]);
export const REFLECTED_IMPULSE_FIT = fit('reflected impulse ir', 'kPa·ms/kg^(1/3)', [
  [0.06, 40, [6.7853, -1.3466, 0.101, -0.01123]],
]);

/** The fit's value at scaled distance z (units of the fit), or BlastRangeError. */
export function evaluateFit(f: Fit, z: number): number {
  const first = f.segments[0];
  const last = f.segments[f.segments.length - 1];
  if (!Number.isFinite(z) || z < first.minZ || z > last.maxZ) throw new BlastRangeError(f.quantity, z, first.minZ, last.maxZ);
  const segment = f.segments.find((s) => z <= s.maxZ) ?? last;
  return polynomialInLnZ(segment.coefficients, z);
}

/** Scaled distance Z = R / W^(1/3), m/kg^(1/3) (Hopkinson–Cranz scaling). */
export function scaledDistance(distanceM: number, tntKg: number): number {
  if (!(tntKg > 0)) throw new Error(`charge mass must be a positive number of kg TNT, got ${tntKg}`);
  if (!(distanceM >= 0)) throw new Error(`distance must be a non-negative number of metres, got ${distanceM}`);
  return distanceM / Math.cbrt(tntKg);
}

/** Incident (side-on) overpressure, kPa, at scaled distance Z (valid 0.2–198.5). */
export const incidentPressureKpa = (z: number): number => evaluateFit(INCIDENT_PRESSURE_FIT, z);
/** Normally reflected overpressure, kPa (valid 0.06–40): what a façade facing the burst takes. */
export const reflectedPressureKpa = (z: number): number => evaluateFit(REFLECTED_PRESSURE_FIT, z);

/** All airblast parameters at one distance; each is null where Z is outside its fit, with the reason in `outOfRange`. */
export interface Airblast {
  distanceM: number;
  tntKg: number;
  scaledDistance: number;
  incidentKpa: number | null;
  reflectedKpa: number | null;
  arrivalMs: number | null;
  positiveDurationMs: number | null;
  incidentImpulseKpaMs: number | null;
  reflectedImpulseKpaMs: number | null;
  /** One message per quantity that has no value. */
  outOfRange: string[];
}

/**
 * Airblast of a hemispherical surface burst of `tntKg` kg TNT at `distanceM` m (Swisdak fits of KB,
 * blast-standoff.md §2a; times and impulses × W^(1/3), §2c).
 */
export function airblast(distanceM: number, tntKg: number): Airblast {
  const z = scaledDistance(distanceM, tntKg);
  const w3 = Math.cbrt(tntKg);
  const outOfRange: string[] = [];
  const at = (f: Fit, scale: number): number | null => {
    try {
      return evaluateFit(f, z) * scale;
    } catch (e) {
      if (e instanceof BlastRangeError) {
        outOfRange.push(e.message);
        return null;
      }
      throw e;
    }
  };
  return {
    distanceM,
    tntKg,
    scaledDistance: z,
    incidentKpa: at(INCIDENT_PRESSURE_FIT, 1),
    reflectedKpa: at(REFLECTED_PRESSURE_FIT, 1),
    arrivalMs: at(ARRIVAL_TIME_FIT, w3),
    positiveDurationMs: at(POSITIVE_DURATION_FIT, w3),
    incidentImpulseKpaMs: at(INCIDENT_IMPULSE_FIT, w3),
    reflectedImpulseKpaMs: at(REFLECTED_IMPULSE_FIT, w3),
    outOfRange,
  };
}

/**
 * The distance, m, at which `tntKg` kg TNT gives incident overpressure `incidentKpa`: bisection on
 * ln Z over the incident-pressure fit, which falls monotonically with Z inside each segment
 * (blast-standoff.md §2d, the DDESB BEC-O goal seek). The Swisdak segments do not quite meet (Ps
 * jumps up 0.7 % across Z = 23.8), so a pressure in that sliver has several distances: we return the
 * farthest, the safe side for a threshold distance. Pressures above Ps(0.2) or below Ps(198.5) are out
 * of range.
 */
export function distanceForIncidentPressure(incidentKpa: number, tntKg: number): number {
  return Math.cbrt(tntKg) * scaledDistanceForIncidentPressure(incidentKpa);
}

export function scaledDistanceForIncidentPressure(incidentKpa: number): number {
  const segments = INCIDENT_PRESSURE_FIT.segments;
  const zMin = segments[0].minZ;
  const zMax = segments[segments.length - 1].maxZ;
  for (let s = segments.length - 1; s >= 0; s--) {
    const seg = segments[s];
    const pNear = incidentPressureOnSegment(s, seg.minZ);
    const pFar = incidentPressureOnSegment(s, seg.maxZ);
    if (!(incidentKpa <= pNear && incidentKpa >= pFar)) continue;
    let lo = Math.log(seg.minZ);
    let hi = Math.log(seg.maxZ);
    // 60 halvings of a ln-range below 7 leave < 1e-17 relative error: far below the fits' accuracy.
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (incidentPressureOnSegment(s, Math.exp(mid)) > incidentKpa) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  }
  const pHigh = incidentPressureOnSegment(0, zMin);
  const pLow = incidentPressureOnSegment(segments.length - 1, zMax);
  throw new Error(
    `incident overpressure ${incidentKpa} kPa is outside the Kingery–Bulmash range ${pLow.toPrecision(4)}–${pHigh.toPrecision(5)} kPa ` +
      `(Z ${zMin}–${zMax} m/kg^(1/3))`,
  );
}

function incidentPressureOnSegment(index: number, z: number): number {
  return polynomialInLnZ(INCIDENT_PRESSURE_FIT.segments[index].coefficients, z);
}

function polynomialInLnZ(coefficients: readonly number[], z: number): number {
  const l = Math.log(z);
  let exponent = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) exponent = exponent * l + coefficients[i];
  return Math.exp(exponent);
}
