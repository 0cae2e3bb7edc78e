/**
 * The ATF vehicle-bomb table (Dipole Might tests, C-4 and ANFO), kept beside the NCTC chart for
 * comparison: a different chart with different columns, never mixed into it. Ranges assume open,
 * level terrain. Source: police1.com "Car bomb risks and evacuation guidelines", via
 * shared/reference/blast-standoff.md §1.
 */
export interface AtfVehicleBomb {
  vehicle: string;
  capacityLb: number;
  /** Lethal air-blast range, ft. */
  lethalAirBlastFt: number;
  /** Range at which life-threatening injury from blast or fragments is unlikely, ft. */
  minimumEvacuationFt: number;
  fallingGlassHazardFt: number;
  source: string;
}

const ATF = 'ATF vehicle-bomb table, https://www.police1.com/swat/articles/car-bomb-risks-and-evacuation-guidelines-25fDEdc3MSUQSM44/ (blast-standoff.md §1)';

export const ATF_VEHICLE_BOMBS: readonly AtfVehicleBomb[] = [
  { vehicle: 'Compact sedan', capacityLb: 500, lethalAirBlastFt: 100, minimumEvacuationFt: 1500, fallingGlassHazardFt: 1250, source: ATF },
  { vehicle: 'Full-size sedan', capacityLb: 1000, lethalAirBlastFt: 125, minimumEvacuationFt: 1750, fallingGlassHazardFt: 1750, source: ATF },
  { vehicle: 'Passenger or cargo van', capacityLb: 4000, lethalAirBlastFt: 200, minimumEvacuationFt: 2750, fallingGlassHazardFt: 2750, source: ATF },
  { vehicle: 'Small box van', capacityLb: 10000, lethalAirBlastFt: 300, minimumEvacuationFt: 3750, fallingGlassHazardFt: 3750, source: ATF },
  { vehicle: 'Water/fuel truck or box van', capacityLb: 30000, lethalAirBlastFt: 450, minimumEvacuationFt: 6500, fallingGlassHazardFt: 6500, source: ATF },
  { vehicle: 'Semi-trailer', capacityLb: 60000, lethalAirBlastFt: 600, minimumEvacuationFt: 7000, fallingGlassHazardFt: 7000, source: ATF },
];
