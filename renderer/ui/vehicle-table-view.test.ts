import { describe, expect, it } from 'vitest';
import type { VehicleClassInput } from '../../core/scene/types.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../core/vehicles/vehicle-classes.js';
import { formFor, removeVehicleRow, rowFromForm, saveVehicleForm, vehicleTableView, type VehicleForm } from './vehicle-table-view.js';

const TRL40: VehicleClassInput = {
  code: 'TRL40', name: 'Tractor unit + trailer, 40 t', mass_kg: 40000, width_m: 2.55, accel_mps2: 0.6,
  top_speed_kmh: 90, min_turn_radius_m: 12.5, lateral_g: 0.35,
};
const meta = (vehicles?: VehicleClassInput[]) => ({ vehicles });
const form = (over: Partial<VehicleForm>): VehicleForm => ({ ...formFor(null), ...over });

describe('vehicleTableView', () => {
  it("shows M1's built-in values with the reference's VERIFY marks (hvm.md §2: width, top speed, turning, rollover guessed)", () => {
    const m1 = vehicleTableView(null).find((r) => r.code === 'M1')!;
    expect(m1).toMatchObject({ origin: 'built-in', group: 'IWA 14-1 / ISO 22343-1', name: 'Car' });
    expect(m1.cells.mass_kg).toEqual({ value: 1500, verify: false, project: false });
    expect(m1.cells.width_m).toEqual({ value: 1.8, verify: true, project: false });
    // Lateral limit min(μ = 1.0, SRT 1.2) = 1.0 g, flagged through its rollover threshold.
    expect(m1.cells.lateral_g).toEqual({ value: 1, verify: true, project: false });
    expect(m1.cells.brake_mps2.value).toBe(7);
    expect(vehicleTableView(null)).toHaveLength(BUILT_IN_VEHICLE_CLASSES.length);
  });

  it('marks project values and project vehicles', () => {
    const rows = vehicleTableView(meta([{ code: 'M1', width_m: 1.95 } as VehicleClassInput, TRL40]));
    const m1 = rows.find((r) => r.code === 'M1')!;
    expect(m1.origin).toBe('project value');
    expect(m1.cells.width_m).toEqual({ value: 1.95, verify: false, project: true });
    expect(m1.cells.top_speed_kmh).toEqual({ value: 160, verify: true, project: false });
    expect(rows.at(-1)).toMatchObject({ code: 'TRL40', origin: 'project vehicle', group: 'Project vehicles' });
    expect(rows.at(-1)!.cells.brake_mps2).toEqual({ value: 7, verify: false, project: true });
  });
});

describe('saveVehicleForm', () => {
  it('adds a new vehicle from typed text (decimal comma accepted), braking defaulted', () => {
    const out = saveVehicleForm(null, form({ code: 'TRL40', name: 'Tractor unit + trailer, 40 t', mass_kg: '40000', width_m: '2,55', accel_mps2: '0.6', top_speed_kmh: '90', min_turn_radius_m: '12.5', lateral_g: '0.35', brake_mps2: '' }), null);
    expect(out).toEqual({ ok: true, table: [TRL40], note: 'Add vehicle TRL40' });
  });

  it('an edited built-in row stores only the changed value; editing it back removes the override', () => {
    const m1 = vehicleTableView(null).find((r) => r.code === 'M1')!;
    const out = saveVehicleForm(null, { ...formFor(m1), width_m: '1.95' }, 'M1');
    expect(out).toEqual({ ok: true, table: [{ code: 'M1', width_m: 1.95 }], note: 'Edit vehicle M1' });
    const back = saveVehicleForm(meta([{ code: 'M1', width_m: 1.95 } as VehicleClassInput]), { ...formFor(m1), width_m: '1.8' }, 'M1');
    expect(back).toEqual({ ok: true, table: [], note: 'Edit vehicle M1' });
  });

  it('refuses bad values with their messages, a duplicate code and a built-in code for a new vehicle', () => {
    const bad = saveVehicleForm(meta([TRL40]), form({ code: 'trl40', name: 'x', mass_kg: 'heavy', width_m: '6', accel_mps2: '1', top_speed_kmh: '90', min_turn_radius_m: '10', lateral_g: '0.5' }), null);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.message)).toEqual([
      'Code "trl40" is already used by another vehicle; codes must be unique',
      'trl40: Mass must be a number in kg',
      'trl40: Width 6 m is outside the accepted range (0.5–4 m)',
    ]);
    const builtIn = saveVehicleForm(null, form({ ...formFor(vehicleTableView(null)[0]) }), null);
    expect(!builtIn.ok && builtIn.problems[0].message).toBe('Code "M1" is a built-in class: edit its row instead');
  });

  it('edits a project vehicle in place, keeping its code', () => {
    const row = vehicleTableView(meta([TRL40])).at(-1)!;
    const out = saveVehicleForm(meta([TRL40]), { ...formFor(row), code: 'CHANGED', mass_kg: '38000' }, 'TRL40');
    expect(out.ok && out.table).toEqual([{ ...TRL40, mass_kg: 38000, brake_mps2: 7 }]);
  });
});

describe('removeVehicleRow and rowFromForm', () => {
  it('resets a built-in class and deletes a project vehicle', () => {
    const m = meta([{ code: 'M1', width_m: 1.95 } as VehicleClassInput, TRL40]);
    expect(removeVehicleRow(m, 'M1')).toEqual({ table: [TRL40], note: 'Reset vehicle M1 to built-in' });
    expect(removeVehicleRow(m, 'TRL40')).toEqual({ table: [{ code: 'M1', width_m: 1.95 }], note: 'Delete vehicle TRL40' });
  });

  it('reads blanks as absent and text as NaN', () => {
    const r = rowFromForm(form({ code: ' X ', mass_kg: '', width_m: 'wide' }));
    expect(r.code).toBe('X');
    expect('mass_kg' in r).toBe(false);
    expect(r.width_m).toBeNaN();
  });
});
