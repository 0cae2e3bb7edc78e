/**
 * Built-in hostile-vehicle classes: the test vehicles of IWA 14-1 / ISO 22343-1, PAS 68 and
 * ASTM F2656, with the dynamics the approach analysis needs. Data, one row per class, each value
 * with its source (shared/reference/hvm.md). `verify` lists the fields whose value is a guess or
 * where sources conflict: the UI shows them as editable defaults, and a scene's
 * `bulwark.vehicles` may replace any of them (see `vehicleClassesFor`).
 */
export type VehicleStandard = 'IWA14-1' | 'PAS68' | 'ASTM-F2656';

export interface VehicleClass {
  /** Unique code: IWA classes use the bare class (`N2A`); PAS 68 and ASTM are prefixed (`PAS68-N2`, `ASTM-M`). */
  code: string;
  name: string;
  standard: VehicleStandard;
  /** The class as written inside a rating string of its standard (`N2A`, `N2`, `M`). */
  ratingClass: string;
  /** Test mass, kg. */
  massKg: number;
  /** Gross vehicle weight of the base vehicle, kg, where the reference gives one. */
  gvwKg?: number;
  /** Overall width (mirrors folded), m: sets which gaps it passes and its body margin. */
  widthM: number;
  /** Constant acceleration from rest to top speed, m/s². */
  accelMps2: number;
  /** Optional a(v): [speed km/h, acceleration m/s²] points, linear between; replaces `accelMps2`. */
  accelCurve?: [number, number][];
  topSpeedKmh: number;
  /** Smallest radius of the path of the vehicle's centre at full lock, m. */
  minTurnRadiusM: number;
  /** Static rollover threshold, g (lateral acceleration at which the vehicle tips). */
  rolloverG: number;
  /** Lateral limit, g: min(μ, SRT) with μ = 1.0 on unknown surface (hvm.md §1, acceptance 10). */
  lateralG: number;
  /** Braking deceleration, m/s². */
  brakeMps2: number;
  /** Where the numbers come from. */
  source: string;
  /** Fields whose value is unverified (VERIFY in hvm.md, or our estimate). */
  verify: string[];
}

/** Tyre–road friction when the surface is unknown: MIL-HDBK-1013/14 eq. 5–6, "use f = 1.0 (conservative)" (hvm.md §1). */
export const UNKNOWN_SURFACE_FRICTION = 1.0;
/** Default braking, m/s² (scene-format.md, `brake_mps2` default 7). */
export const DEFAULT_BRAKE_MPS2 = 7;
/** Standard gravity, m/s² (hvm.md acceptance numbers use 9.81). */
export const G_MPS2 = 9.81;

const IWA_SRC = 'hvm.md §2 IWA 14-1/ISO 22343 table (mass; BarricadiX VEHICLE_CLASSES, NPSA catalogue); §3 BarricadiX accel defaults';
const PAS_SRC = 'hvm.md §2 PAS 68 vehicles (malaysiabollards, pssasecurity); accel by analogy with IWA class of like mass';
const ASTM_SRC = 'hvm.md §2 ASTM F2656 table (Delta Scientific, malaysiabollards); accel by analogy with IWA class of like mass';
// Widths: cars/vans from hvm.md §1 (wheelsforwellbeing); trucks at the 2.55 m EU maximum (our estimate).
// Top speeds and turning radii are our estimates (road-vehicle limiters, typical turning circles).
// Rollover: HGVs at the PBS baseline SRT 0.35 g, tankers ≥ 0.40 g (hvm.md §1); light vehicles' SSF > 1.
const GUESSED = ['widthM', 'topSpeedKmh', 'minTurnRadiusM', 'rolloverG'];

interface Row {
  code: string; name: string; standard: VehicleStandard; ratingClass: string; massKg: number; gvwKg?: number;
  widthM: number; accelMps2: number; topSpeedKmh: number; minTurnRadiusM: number; rolloverG: number;
  source: string; verify: string[];
}

const ROWS: Row[] = [
  { code: 'M1', name: 'Car', standard: 'IWA14-1', ratingClass: 'M1', massKg: 1500, widthM: 1.8, accelMps2: 3.2, topSpeedKmh: 160, minTurnRadiusM: 5.5, rolloverG: 1.2, source: IWA_SRC, verify: GUESSED },
  { code: 'N1G', name: 'Double-cab 4×4 pick-up', standard: 'IWA14-1', ratingClass: 'N1G', massKg: 2500, widthM: 1.9, accelMps2: 2.5, topSpeedKmh: 150, minTurnRadiusM: 6.5, rolloverG: 1.0, source: IWA_SRC, verify: GUESSED },
  { code: 'N1', name: 'Single-cab flatbed (van class)', standard: 'IWA14-1', ratingClass: 'N1', massKg: 3500, gvwKg: 3500, widthM: 2.1, accelMps2: 1.9, topSpeedKmh: 130, minTurnRadiusM: 6.5, rolloverG: 0.9, source: IWA_SRC, verify: GUESSED },
  { code: 'N2A', name: '2-axle cab-over truck', standard: 'IWA14-1', ratingClass: 'N2A', massKg: 7200, gvwKg: 8000, widthM: 2.3, accelMps2: 2.0, topSpeedKmh: 100, minTurnRadiusM: 8, rolloverG: 0.5, source: IWA_SRC, verify: GUESSED },
  { code: 'N2B', name: '2-axle bonneted truck', standard: 'IWA14-1', ratingClass: 'N2B', massKg: 7200, gvwKg: 14900, widthM: 2.45, accelMps2: 1.5, topSpeedKmh: 100, minTurnRadiusM: 9, rolloverG: 0.45, source: `${IWA_SRC}; mass 6800 (peer) vs 7200 (NPSA catalogue): catalogue value used`, verify: ['massKg', ...GUESSED] },
  { code: 'N3C', name: '2-axle cab-over truck (heavy chassis)', standard: 'IWA14-1', ratingClass: 'N3C', massKg: 7200, gvwKg: 20500, widthM: 2.5, accelMps2: 1.25, topSpeedKmh: 90, minTurnRadiusM: 9.5, rolloverG: 0.4, source: IWA_SRC, verify: GUESSED },
  { code: 'N3D', name: '2-axle cab-over truck, 12 t', standard: 'IWA14-1', ratingClass: 'N3D', massKg: 12000, gvwKg: 20500, widthM: 2.5, accelMps2: 1.0, topSpeedKmh: 90, minTurnRadiusM: 9.5, rolloverG: 0.4, source: IWA_SRC, verify: GUESSED },
  { code: 'N3E', name: '3-axle bonneted truck', standard: 'IWA14-1', ratingClass: 'N3E', massKg: 29500, gvwKg: 27300, widthM: 2.55, accelMps2: 0.85, topSpeedKmh: 90, minTurnRadiusM: 11, rolloverG: 0.35, source: IWA_SRC, verify: GUESSED },
  { code: 'N3F', name: '3-axle cab-over truck', standard: 'IWA14-1', ratingClass: 'N3F', massKg: 30000, gvwKg: 26000, widthM: 2.55, accelMps2: 0.8, topSpeedKmh: 90, minTurnRadiusM: 11, rolloverG: 0.35, source: `${IWA_SRC}; mass 24000 (peer) vs 30000 (NPSA catalogue): catalogue value used`, verify: ['massKg', ...GUESSED] },
  { code: 'N3G', name: '4-axle cab-over truck', standard: 'IWA14-1', ratingClass: 'N3G', massKg: 30000, gvwKg: 36000, widthM: 2.55, accelMps2: 0.75, topSpeedKmh: 90, minTurnRadiusM: 12, rolloverG: 0.35, source: IWA_SRC, verify: GUESSED },

  { code: 'PAS68-M1', name: 'Car (PAS 68)', standard: 'PAS68', ratingClass: 'M1', massKg: 1500, widthM: 1.8, accelMps2: 3.2, topSpeedKmh: 160, minTurnRadiusM: 5.5, rolloverG: 1.2, source: PAS_SRC, verify: GUESSED },
  { code: 'PAS68-N1G', name: '4×4 pick-up (PAS 68)', standard: 'PAS68', ratingClass: 'N1G', massKg: 2500, widthM: 1.9, accelMps2: 2.5, topSpeedKmh: 150, minTurnRadiusM: 6.5, rolloverG: 1.0, source: PAS_SRC, verify: GUESSED },
  { code: 'PAS68-N1', name: 'Flatbed, 3.5 t (PAS 68)', standard: 'PAS68', ratingClass: 'N1', massKg: 3500, widthM: 2.1, accelMps2: 1.9, topSpeedKmh: 130, minTurnRadiusM: 6.5, rolloverG: 0.9, source: PAS_SRC, verify: GUESSED },
  { code: 'PAS68-N2', name: '2-axle rigid, 7.5 t (PAS 68)', standard: 'PAS68', ratingClass: 'N2', massKg: 7500, widthM: 2.4, accelMps2: 2.0, topSpeedKmh: 100, minTurnRadiusM: 8.5, rolloverG: 0.45, source: PAS_SRC, verify: GUESSED },
  { code: 'PAS68-N3', name: '2-axle rigid cab-over, 7.5 t on 18 t chassis (PAS 68)', standard: 'PAS68', ratingClass: 'N3', massKg: 7500, gvwKg: 18000, widthM: 2.5, accelMps2: 1.25, topSpeedKmh: 90, minTurnRadiusM: 9.5, rolloverG: 0.4, source: PAS_SRC, verify: GUESSED },

  { code: 'ASTM-C', name: 'Small passenger car (ASTM)', standard: 'ASTM-F2656', ratingClass: 'C', massKg: 1100, widthM: 1.7, accelMps2: 3.2, topSpeedKmh: 160, minTurnRadiusM: 5.2, rolloverG: 1.2, source: ASTM_SRC, verify: GUESSED },
  { code: 'ASTM-FS', name: 'Full-size sedan (ASTM)', standard: 'ASTM-F2656', ratingClass: 'FS', massKg: 2100, widthM: 1.85, accelMps2: 3.0, topSpeedKmh: 160, minTurnRadiusM: 5.8, rolloverG: 1.2, source: ASTM_SRC, verify: GUESSED },
  { code: 'ASTM-PU', name: 'Pickup truck (ASTM)', standard: 'ASTM-F2656', ratingClass: 'PU', massKg: 2300, widthM: 2.0, accelMps2: 2.5, topSpeedKmh: 150, minTurnRadiusM: 6.8, rolloverG: 1.0, source: `${ASTM_SRC}; CTS quotes 2270 kg for F2656-20`, verify: ['massKg', ...GUESSED] },
  { code: 'ASTM-M', name: 'Medium-duty truck, 15,000 lb (ASTM)', standard: 'ASTM-F2656', ratingClass: 'M', massKg: 6800, widthM: 2.4, accelMps2: 1.5, topSpeedKmh: 100, minTurnRadiusM: 9, rolloverG: 0.45, source: ASTM_SRC, verify: GUESSED },
  { code: 'ASTM-C7', name: 'Class 7 cab-over (ASTM)', standard: 'ASTM-F2656', ratingClass: 'C7', massKg: 7200, widthM: 2.45, accelMps2: 1.25, topSpeedKmh: 100, minTurnRadiusM: 9.5, rolloverG: 0.4, source: ASTM_SRC, verify: GUESSED },
  { code: 'ASTM-H', name: 'Heavy goods vehicle, 65,000 lb (ASTM)', standard: 'ASTM-F2656', ratingClass: 'H', massKg: 29500, widthM: 2.55, accelMps2: 0.75, topSpeedKmh: 90, minTurnRadiusM: 12, rolloverG: 0.35, source: ASTM_SRC, verify: GUESSED },
];

export const BUILT_IN_VEHICLE_CLASSES: readonly VehicleClass[] = ROWS.map((r) => ({
  ...r,
  lateralG: Math.min(UNKNOWN_SURFACE_FRICTION, r.rolloverG),
  brakeMps2: DEFAULT_BRAKE_MPS2,
}));

/** The IWA 14-1 / ISO 22343-1 classes, analysed by default (workloads.md W2). */
export const DEFAULT_VEHICLE_CODES: readonly string[] = ROWS.filter((r) => r.standard === 'IWA14-1').map((r) => r.code);
