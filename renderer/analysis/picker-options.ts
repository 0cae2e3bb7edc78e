import type { DoriPreset } from '../../core/coverage/dori-presets.js';
import type { Threat } from '../../core/threats/threats.js';
import type { VehicleClass, VehicleStandard } from '../../core/vehicles/vehicle-classes.js';
import { formatKg } from './format.js';
import type { ChoiceOption, VehicleOption } from './panels/AnalysisToolbar.js';

const STANDARD_LABEL: Record<VehicleStandard, string> = { 'IWA14-1': 'IWA 14-1 / ISO 22343-1', PAS68: 'PAS 68', 'ASTM-F2656': 'ASTM F2656' };

/**
 * Toolbar options from the vehicle-class table (`vehicleClassesFor(scene)` or the built-in one).
 * The "verify" flag is for a disputed test mass, the number a rating check rests on; every row's
 * unverified fields are in its tooltip (most rows estimate width, top speed, turning and rollover).
 */
export function vehicleOptions(classes: readonly VehicleClass[]): VehicleOption[] {
  return classes.map((c) => ({
    code: c.code,
    label: `${c.name}, ${formatKg(c.massKg)}`,
    standard: STANDARD_LABEL[c.standard] ?? c.standard,
    verify: c.verify.includes('massKg'),
    note: c.verify.length ? `Unverified: ${c.verify.join(', ')}. ${c.source}` : c.source,
  }));
}

/** Toolbar options from the stand-off chart rows. */
export function threatOptions(threats: readonly Threat[]): ChoiceOption[] {
  return threats.map((t) => ({ id: t.id, label: `${t.name}, ${formatKg(t.tntKg)} TNT`, verify: t.verify }));
}

/** Toolbar options from the DORI presets; a preset resting on a single source is flagged. */
export function doriPresetOptions(presets: readonly DoriPreset[]): ChoiceOption[] {
  return presets.map((p) => ({ id: p.id, label: p.title, verify: p.levels.some((l) => l.verify) }));
}
