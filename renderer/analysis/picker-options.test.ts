import { describe, expect, it } from 'vitest';
import { DORI_PRESETS } from '../../core/coverage/dori-presets.js';
import { THREATS } from '../../core/threats/threats.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../../core/vehicles/vehicle-classes.js';
import { doriPresetOptions, threatOptions, vehicleOptions } from './picker-options.js';

describe('picker options from the core tables', () => {
  it('lists every vehicle class with its mass and standard, flagging unverified rows', () => {
    const opts = vehicleOptions(BUILT_IN_VEHICLE_CLASSES);
    expect(opts).toHaveLength(BUILT_IN_VEHICLE_CLASSES.length);
    // hvm.md §2: IWA 14-1 N2A test mass 7200 kg.
    const n2a = opts.find((o) => o.code === 'N2A')!;
    expect(n2a.label).toContain('7,200 kg');
    expect(n2a.standard).toBe('IWA 14-1 / ISO 22343-1');
    // hvm.md marks the N2B mass VERIFY (6800 peer vs 7200 catalogue).
    expect(opts.find((o) => o.code === 'N2B')!.verify).toBe(true);
    expect(n2a.verify).toBe(false);
    expect(n2a.note).toMatch(/^Unverified: /);
    expect(new Set(opts.map((o) => o.standard))).toEqual(new Set(['IWA 14-1 / ISO 22343-1', 'PAS 68', 'ASTM F2656']));
  });

  it('lists threats with their TNT charge and the DORI presets, the 2025 one flagged', () => {
    // blast-standoff.md §1: sedan 500 lb / 227 kg TNT.
    expect(threatOptions(THREATS).find((t) => t.id === 'car')!.label).toBe('Car (sedan), 227 kg TNT');
    expect(doriPresetOptions(DORI_PRESETS).map((p) => [p.id, p.verify])).toEqual([
      ['IEC62676-4:2014', false],
      ['IEC62676-4:2025', true],
    ]);
  });
});
