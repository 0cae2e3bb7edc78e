import type { VehicleClassInput } from '../scene/types.js';
import type { VehicleClass } from './vehicle-classes.js';

/** A number a planner may set on a vehicle row, keyed as in `bulwark.vehicles` (scene-format.md). */
export type VehicleNumberKey = 'mass_kg' | 'width_m' | 'accel_mps2' | 'top_speed_kmh' | 'min_turn_radius_m' | 'lateral_g' | 'brake_mps2';

export interface VehicleNumberField {
  key: VehicleNumberKey;
  /** The same value on a `VehicleClass`. */
  classKey: keyof VehicleClass;
  /** The `VehicleClass.verify` entry that flags this value as unverified. */
  verifyKey: string;
  label: string;
  unit: string;
  /** Accepted range; `minExclusive` means the value must be above `min`. */
  min: number;
  max: number;
  minExclusive?: boolean;
  /** Needed for a new vehicle (braking has the scene-format default of 7 m/s²). */
  required: boolean;
}

/**
 * The editable numbers of a vehicle with the ranges a planner's value must fall in. The ranges
 * are plausibility bounds for road vehicles, wider than every row of hvm.md §2, so a typo (a
 * width in mm, a speed in m/s) is caught while any real vehicle fits: widths up to the 2.55 m EU
 * limit with room for specials, turning radii of cars (≈ 5 m) to articulated trucks (≈ 12.5 m),
 * lateral limits of loaded HGVs (SRT 0.35 g, hvm.md §1) to dry-road grip (μ ≈ 1.0).
 */
export const VEHICLE_NUMBER_FIELDS: readonly VehicleNumberField[] = [
  { key: 'mass_kg', classKey: 'massKg', verifyKey: 'massKg', label: 'Mass', unit: 'kg', min: 0, max: 1_000_000, minExclusive: true, required: true },
  { key: 'width_m', classKey: 'widthM', verifyKey: 'widthM', label: 'Width', unit: 'm', min: 0.5, max: 4, required: true },
  { key: 'accel_mps2', classKey: 'accelMps2', verifyKey: 'accelMps2', label: 'Acceleration', unit: 'm/s²', min: 0, max: 10, minExclusive: true, required: true },
  { key: 'top_speed_kmh', classKey: 'topSpeedKmh', verifyKey: 'topSpeedKmh', label: 'Top speed', unit: 'km/h', min: 5, max: 250, required: true },
  { key: 'min_turn_radius_m', classKey: 'minTurnRadiusM', verifyKey: 'minTurnRadiusM', label: 'Min turning radius', unit: 'm', min: 2, max: 40, required: true },
  { key: 'lateral_g', classKey: 'lateralG', verifyKey: 'rolloverG', label: 'Lateral limit', unit: 'g', min: 0.1, max: 1.5, required: true },
  { key: 'brake_mps2', classKey: 'brakeMps2', verifyKey: 'brakeMps2', label: 'Braking', unit: 'm/s²', min: 1, max: 12, required: false },
];

/** A row of `bulwark.vehicles`: a whole new vehicle, or a built-in code with only the fields it changes. */
export type VehicleRow = Partial<VehicleClassInput> & { code: string };

/** "0.5–4 m", "> 0 kg": the accepted range as a planner reads it. */
export function rangeText(f: VehicleNumberField): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  return f.minExclusive ? `above ${n(f.min)} and at most ${n(f.max)} ${f.unit}` : `${n(f.min)}–${n(f.max)} ${f.unit}`;
}
