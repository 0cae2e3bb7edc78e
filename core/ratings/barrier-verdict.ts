import { BUILT_IN_VEHICLE_CLASSES, type VehicleClass } from '../vehicles/vehicle-classes.js';
import type { BarrierRating } from './parse-rating.js';

export type Verdict = 'pass' | 'fail' | 'unrated' | 'not_reached';

export interface VerdictInput {
  vehicle: VehicleClass;
  /** Parsed rating, or undefined when the barrier has none (or it is street furniture). */
  rating: BarrierRating | undefined;
  /** Impact speed of this class at the barrier, km/h; undefined when no route reaches it. */
  impactSpeedKmh: number | undefined;
  /** Whether the barrier's widest gap lets this class through. */
  gapLetsThrough: boolean;
  /** Distance behind the barrier to the nearest protected zone or site, m (undefined when none). */
  protectedDistanceM?: number;
}

export interface BarrierVerdict {
  verdict: Verdict;
  /** Why, in the planner's words. */
  reason: string;
}

/** Standards whose test vehicles are the same family, so classes compare by their base vehicle. */
function baseClass(rating: BarrierRating): VehicleClass | undefined {
  const std = rating.standard === 'ISO22343-1' ? 'IWA14-1' : rating.standard;
  return BUILT_IN_VEHICLE_CLASSES.find((c) => c.standard === std && c.ratingClass === rating.vehicle);
}

/**
 * A barrier's verdict for one vehicle class (hvm.md acceptance 8, after AHVVA's "potentially
 * ineffective" rule, hvm.md §4): `pass` when the rated test vehicle is at least as heavy as the
 * class (and, where both are known, on a chassis at least as heavy: a 7.2 t N3C is not an N2A),
 * the rated speed is at least the impact speed, and the rated penetration stays short of the
 * protected zone behind; `fail` otherwise, and whenever the class drives through a gap.
 * No rating → `unrated`; no route → `not_reached`.
 */
export function barrierVerdict(input: VerdictInput): BarrierVerdict {
  const { vehicle, rating, impactSpeedKmh } = input;
  if (impactSpeedKmh === undefined) return { verdict: 'not_reached', reason: `no route lets ${aVehicle(vehicle.code)} reach this barrier` };
  if (input.gapLetsThrough) return { verdict: 'fail', reason: `its widest gap lets ${aVehicle(vehicle.code)} (${vehicle.widthM} m wide) through` };
  if (!rating) return { verdict: 'unrated', reason: 'no crash rating' };
  if (rating.mass_kg < vehicle.massKg) {
    return { verdict: 'fail', reason: `rated for ${rating.mass_kg} kg (${rating.vehicle}); ${aVehicle(vehicle.code)} is ${vehicle.massKg} kg` };
  }
  const base = baseClass(rating);
  if (base?.gvwKg !== undefined && vehicle.gvwKg !== undefined && base.gvwKg < vehicle.gvwKg) {
    return { verdict: 'fail', reason: `rated against ${aVehicle(rating.vehicle)} (${base.gvwKg} kg chassis); ${aVehicle(vehicle.code)} is on a ${vehicle.gvwKg} kg chassis` };
  }
  if (rating.speed_kmh < impactSpeedKmh) {
    return { verdict: 'fail', reason: `rated at ${rating.speed_kmh} km/h; ${aVehicle(vehicle.code)} can hit it at ${impactSpeedKmh.toFixed(1)} km/h` };
  }
  if (rating.penetration_m !== null && input.protectedDistanceM !== undefined && rating.penetration_m > input.protectedDistanceM) {
    return { verdict: 'fail', reason: `rated penetration ${rating.penetration_m} m (${rating.standard}) exceeds the ${input.protectedDistanceM.toFixed(1)} m to the protected area behind` };
  }
  return { verdict: 'pass', reason: `rated ${rating.mass_kg} kg at ${rating.speed_kmh} km/h ≥ ${vehicle.code} at ${impactSpeedKmh.toFixed(1)} km/h` };
}

/**
 * The class code with its article, as a reader says it: codes written in capitals are spelt out
 * letter by letter ("an M1", "an N2A", "a C"), other names by their first vowel ("a Sprinter").
 */
export function aVehicle(code: string): string {
  const spelt = /^[A-Z][A-Z0-9-]*$/.test(code);
  const vowelSound = spelt ? /^[AEFHILMNORSX]/.test(code) : /^[aeiou]/i.test(code);
  return `${vowelSound ? 'an' : 'a'} ${code}`;
}
