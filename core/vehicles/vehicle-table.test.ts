import { describe, expect, it } from 'vitest';
import type { VehicleClassInput } from '../scene/types.js';
import { validateVehicleRow, vehicleTableProblems } from './validate-vehicle-row.js';
import { BUILT_IN_VEHICLE_CLASSES } from './vehicle-classes.js';
import { vehicleClassesFor } from './vehicle-classes-for.js';
import { overrideRow, withoutVehicleRow, withVehicleRow } from './vehicle-table-edits.js';
import type { VehicleRow } from './vehicle-fields.js';

// A planner's own vehicle: a 40 t articulated lorry (tractor unit + semi-trailer), numbers in the
// ranges of hvm.md §2's heaviest classes.
const TRL40: VehicleRow = {
  code: 'TRL40', name: 'Tractor unit + trailer, 40 t', mass_kg: 40000, width_m: 2.55, accel_mps2: 0.6,
  top_speed_kmh: 90, min_turn_radius_m: 12.5, lateral_g: 0.35,
};
const M1 = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === 'M1')!;
const scene = (vehicles: VehicleRow[]) => ({ bulwark: { version: 1 as const, vehicles: vehicles as VehicleClassInput[] } });
const fields = (rows: VehicleRow, others: string[] = []) => validateVehicleRow(rows, others).map((p) => p.field);

describe('validateVehicleRow', () => {
  it('accepts a complete new vehicle and an override giving one value', () => {
    expect(validateVehicleRow(TRL40, ['M1', 'N1'])).toEqual([]);
    expect(validateVehicleRow({ code: 'M1', width_m: 1.95 })).toEqual([]);
  });

  it('needs a name and every required number for a new vehicle, but not braking (default 7 m/s²)', () => {
    expect(fields({ code: 'X1' })).toEqual(['name', 'mass_kg', 'width_m', 'accel_mps2', 'top_speed_kmh', 'min_turn_radius_m', 'lateral_g']);
  });

  it('checks each bound of the brief, inclusive where it says so', () => {
    // Just inside every bound: width 0.5 and 4, top speed 5 and 250, radius 2 and 40, lateral 0.1 and 1.5, accel 10.
    expect(validateVehicleRow({ ...TRL40, width_m: 0.5, top_speed_kmh: 5, min_turn_radius_m: 2, lateral_g: 0.1, accel_mps2: 10 })).toEqual([]);
    expect(validateVehicleRow({ ...TRL40, width_m: 4, top_speed_kmh: 250, min_turn_radius_m: 40, lateral_g: 1.5 })).toEqual([]);
    // Just outside: each is named.
    expect(fields({ ...TRL40, mass_kg: 0 })).toEqual(['mass_kg']);
    expect(fields({ ...TRL40, width_m: 0.49 })).toEqual(['width_m']);
    expect(fields({ ...TRL40, width_m: 4.01 })).toEqual(['width_m']);
    expect(fields({ ...TRL40, accel_mps2: 0 })).toEqual(['accel_mps2']);
    expect(fields({ ...TRL40, accel_mps2: 10.5 })).toEqual(['accel_mps2']);
    expect(fields({ ...TRL40, top_speed_kmh: 4 })).toEqual(['top_speed_kmh']);
    expect(fields({ ...TRL40, top_speed_kmh: 251 })).toEqual(['top_speed_kmh']);
    expect(fields({ ...TRL40, min_turn_radius_m: 1.9 })).toEqual(['min_turn_radius_m']);
    expect(fields({ ...TRL40, min_turn_radius_m: 41 })).toEqual(['min_turn_radius_m']);
    expect(fields({ ...TRL40, lateral_g: 0.05 })).toEqual(['lateral_g']);
    expect(fields({ ...TRL40, lateral_g: 1.6 })).toEqual(['lateral_g']);
    expect(fields({ ...TRL40, brake_mps2: 0.5 })).toEqual(['brake_mps2']);
  });

  it('says what is wrong with units and the range', () => {
    const [p] = validateVehicleRow({ ...TRL40, width_m: 2550 });
    expect(p.message).toBe('TRL40: Width 2550 m is outside the accepted range (0.5–4 m)');
    const [q] = validateVehicleRow({ ...TRL40, mass_kg: Number.NaN });
    expect(q.message).toBe('TRL40: Mass must be a number in kg');
  });

  it('refuses a code that clashes, ignoring case, or that has spaces', () => {
    expect(validateVehicleRow({ ...TRL40, code: 'trl40' }, ['TRL40'])[0].message).toMatch(/already used/);
    expect(fields({ ...TRL40, code: 'TRL 40' })).toEqual(['code']);
    expect(fields({ ...TRL40, code: '' })).toEqual(['code']);
  });
});

describe('vehicleTableProblems', () => {
  it('finds a code given twice and a bad changed row', () => {
    const problems = vehicleTableProblems([TRL40, { ...TRL40, code: 'trl40' }, { code: 'N1', width_m: 9 }]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['trl40', 'code'], ['N1', 'width_m']]);
  });

  it('does not re-check a row stored before, exactly as it was', () => {
    // 5 m wide is a valid file (scene-format allows (0, 10]) but outside the editor's 0.5–4 m.
    const imported: VehicleRow = { code: 'N3G', width_m: 5 };
    expect(vehicleTableProblems([imported, TRL40], [imported])).toEqual([]);
    expect(vehicleTableProblems([imported], [])).toHaveLength(1);
  });
});

describe('editing the table, merged by vehicleClassesFor', () => {
  it('stores only the values that differ from the built-in, so the rest keep their VERIFY flags', () => {
    const row = overrideRow(M1, { code: 'M1', name: M1.name, mass_kg: 1500, width_m: 1.95, top_speed_kmh: 160 });
    expect(row).toEqual({ code: 'M1', width_m: 1.95 });
    const m1 = vehicleClassesFor(scene([row!])).find((c) => c.code === 'M1')!;
    expect(m1.widthM).toBe(1.95);
    expect(m1.massKg).toBe(1500);
    // Built-in M1 flags widthM, topSpeedKmh, minTurnRadiusM, rolloverG; the project value clears widthM only.
    expect(m1.verify).toEqual(['topSpeedKmh', 'minTurnRadiusM', 'rolloverG']);
    expect(m1.source).toMatch(/overridden by scene/);
  });

  it('an edit back to the built-in values is no override at all', () => {
    expect(overrideRow(M1, { code: 'M1', width_m: M1.widthM, lateral_g: M1.lateralG })).toBeNull();
  });

  it('adds a vehicle after the built-ins, replaces it in place, and deletes it', () => {
    const n = BUILT_IN_VEHICLE_CLASSES.length;
    let table = withVehicleRow([{ code: 'M1', width_m: 1.95 }], TRL40);
    let all = vehicleClassesFor(scene(table));
    expect(all).toHaveLength(n + 1);
    expect(all[n]).toMatchObject({ code: 'TRL40', massKg: 40000, widthM: 2.55, lateralG: 0.35, brakeMps2: 7 });
    table = withVehicleRow(table, { ...TRL40, mass_kg: 38000 });
    expect(table.map((r) => r.code)).toEqual(['M1', 'TRL40']);
    expect(vehicleClassesFor(scene(table))[n].massKg).toBe(38000);
    table = withoutVehicleRow(table, 'TRL40');
    all = vehicleClassesFor(scene(table));
    expect(all).toHaveLength(n);
  });

  it('reset to built-in drops the override: the built-in values and flags come back', () => {
    const table = withoutVehicleRow([{ code: 'M1', width_m: 1.95 }, TRL40], 'M1');
    const m1 = vehicleClassesFor(scene(table)).find((c) => c.code === 'M1')!;
    expect(m1).toEqual(M1);
  });
});
