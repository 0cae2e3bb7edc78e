import type { Scene, VehicleClassInput } from '../scene/types.js';
import { BUILT_IN_VEHICLE_CLASSES, DEFAULT_BRAKE_MPS2, type VehicleClass } from './vehicle-classes.js';

/**
 * The vehicle classes of a scene: the built-in table merged with `bulwark.vehicles`
 * (scene-format.md): a row whose `code` matches a built-in class replaces the fields it gives,
 * a new code adds a class (every field then required, as validation checks). Order: built-ins
 * first, then added classes in file order.
 */
export function vehicleClassesFor(scene: Pick<Scene, 'bulwark'>): VehicleClass[] {
  const out = BUILT_IN_VEHICLE_CLASSES.map((c) => ({ ...c }));
  for (const v of scene.bulwark.vehicles ?? []) {
    const i = out.findIndex((c) => c.code === v.code);
    if (i >= 0) out[i] = applyOverride(out[i], v);
    else out.push(applyOverride(newClass(v), v));
  }
  return out;
}

function newClass(v: VehicleClassInput): VehicleClass {
  for (const key of ['mass_kg', 'width_m', 'accel_mps2', 'top_speed_kmh', 'min_turn_radius_m', 'lateral_g'] as const) {
    if (typeof v[key] !== 'number') throw new Error(`bulwark.vehicles: new class '${v.code}' needs ${key} (a number); only built-in classes may be given in part`);
  }
  return {
    code: v.code,
    name: v.name ?? v.code,
    standard: 'IWA14-1',
    ratingClass: v.code,
    massKg: v.mass_kg,
    widthM: v.width_m,
    accelMps2: v.accel_mps2,
    topSpeedKmh: v.top_speed_kmh,
    minTurnRadiusM: v.min_turn_radius_m,
    rolloverG: v.lateral_g,
    lateralG: v.lateral_g,
    brakeMps2: v.brake_mps2 ?? DEFAULT_BRAKE_MPS2,
    source: 'scene bulwark.vehicles',
    verify: [],
  };
}

function applyOverride(c: VehicleClass, v: Partial<VehicleClassInput>): VehicleClass {
  const r: VehicleClass = { ...c, verify: [...c.verify] };
  const set = <K extends keyof VehicleClass>(key: K, value: VehicleClass[K] | undefined, field: string) => {
    if (value === undefined || value === null) return;
    r[key] = value;
    r.verify = r.verify.filter((f) => f !== field);
  };
  if (typeof v.name === 'string') r.name = v.name;
  set('massKg', v.mass_kg, 'massKg');
  set('widthM', v.width_m, 'widthM');
  set('accelMps2', v.accel_mps2, 'accelMps2');
  set('topSpeedKmh', v.top_speed_kmh, 'topSpeedKmh');
  set('minTurnRadiusM', v.min_turn_radius_m, 'minTurnRadiusM');
  if (typeof v.lateral_g === 'number') {
    r.lateralG = v.lateral_g;
    r.verify = r.verify.filter((f) => f !== 'rolloverG');
  }
  set('brakeMps2', v.brake_mps2, 'brakeMps2');
  if (Array.isArray(v.accel_curve)) r.accelCurve = v.accel_curve.map(([s, a]) => [s, a]);
  if (r !== c) r.source = c.source === 'scene bulwark.vehicles' ? c.source : `${c.source}; overridden by scene bulwark.vehicles`;
  return r;
}

/** The classes to analyse: `codes` in the given order, or the defaults; unknown codes are an error. */
export function selectVehicleClasses(all: readonly VehicleClass[], codes: readonly string[]): VehicleClass[] {
  return codes.map((code) => {
    const c = all.find((v) => v.code === code);
    if (!c) throw new Error(`unknown vehicle class '${code}': known classes are ${all.map((v) => v.code).join(', ')}`);
    return c;
  });
}
