import type { Scene } from '../scene/types.js';

/**
 * Body widths of the IWA 14-1 test-vehicle classes the threat chart maps to, m. Stand-ins until the
 * approach analysis' vehicle-class table is merged: the car and van values are the narrow end of the
 * ranges in shared/reference/hvm.md §1 "Gaps and widths" (standard car 1.80–2.00, van 1.90–2.50;
 * the narrow end reaches furthest, the safe side for standoff). Truck widths are our assumption
 * (2.55 m is the usual legal maximum) and are flagged `verify`.
 */
export const FALLBACK_VEHICLE_WIDTHS_M: Readonly<Record<string, { widthM: number; verify: boolean; source: string }>> = {
  M1: { widthM: 1.8, verify: false, source: 'hvm.md §1: standard car 1.80–2.00 m' },
  N1G: { widthM: 1.9, verify: false, source: 'hvm.md §1: SUV 1.90–2.10 m' },
  N1: { widthM: 1.9, verify: false, source: 'hvm.md §1: van 1.90–2.50 m' },
  N2A: { widthM: 2.3, verify: true, source: 'assumption: 2-axle cab-over rigid' },
  N2B: { widthM: 2.4, verify: true, source: 'assumption: 2-axle bonneted rigid' },
  N3C: { widthM: 2.5, verify: true, source: 'assumption: heavy rigid' },
  N3D: { widthM: 2.5, verify: true, source: 'assumption: heavy rigid' },
  N3E: { widthM: 2.55, verify: true, source: 'assumption: legal maximum width' },
  N3F: { widthM: 2.55, verify: true, source: 'assumption: legal maximum width' },
  N3G: { widthM: 2.55, verify: true, source: 'assumption: legal maximum width' },
};

/**
 * The width of a vehicle class: the option's value, else the scene's own `bulwark.vehicles` row
 * (scene-format.md), else the fallback table; an unknown class is an error naming it.
 */
export function vehicleWidthM(scene: Scene, code: string, overrides: Readonly<Record<string, number>> = {}): number {
  const given = overrides[code];
  if (given !== undefined) {
    if (!(given > 0)) throw new Error(`vehicle ${code}: width must be a positive number of metres, got ${given}`);
    return given;
  }
  const row = scene.bulwark.vehicles?.find((v) => v.code === code);
  if (row && row.width_m > 0) return row.width_m;
  const fallback = FALLBACK_VEHICLE_WIDTHS_M[code];
  if (fallback) return fallback.widthM;
  throw new Error(`vehicle class ${code}: no width known (add it to bulwark.vehicles)`);
}
