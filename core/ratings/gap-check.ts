/**
 * Clear (air) gaps in a vehicle security barrier line. UK DfT TAL 1/11 (amended 2017): where the
 * line is pedestrian-permeable, air gaps ≤ 1200 mm (hvm.md §1 "Gaps and widths";
 * crowd-cpted-layers.md §3). The limit is inclusive: 1.200 m passes (hvm.md acceptance 9).
 */
export const MAX_CLEAR_GAP_M = 1.2;

/** Millimetre tolerance so 1.2000000001 from a subtraction still reads as 1200 mm. */
const GAP_TOLERANCE_M = 5e-7;

export function gapOk(gapM: number): boolean {
  return gapM <= MAX_CLEAR_GAP_M + GAP_TOLERANCE_M;
}

/** Clear gap between bollards from their centre spacing and diameter, m (hvm.md acceptance 9). */
export function clearGapM(centresM: number, diameterM: number): number {
  return centresM - diameterM;
}

/** Whether a vehicle of this width drives through the barrier's widest gap (scene-format.md). */
export function gapLetsThrough(gapM: number, vehicleWidthM: number): boolean {
  return gapM >= vehicleWidthM;
}
