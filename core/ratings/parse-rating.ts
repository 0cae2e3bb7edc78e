/**
 * Crash-rating strings of vehicle security barriers, read into one shape (hvm.md §2,
 * "Rating strings"). Penetrations are stored with their standard and never compared across
 * standards (datums differ: hvm.md §2, frontierpitts / pas68.com / crashtest-service).
 */
export type RatingStandard = 'IWA14-1' | 'ISO22343-1' | 'PAS68' | 'ASTM-F2656' | 'DOS-SD-STD-02.01';

export interface BarrierRating {
  standard: RatingStandard;
  /** Test method: V vehicle, F finite-element/design, P pendulum (PAS 68); null for ASTM and DoS. */
  method: 'V' | 'F' | 'P' | null;
  /** Test vehicle as the standard writes it: `N2A`, `N2`, `M`, `PU`… (`M` for DoS K-ratings: the 15,000 lb truck). */
  vehicle: string;
  mass_kg: number;
  speed_kmh: number;
  /** Impact angle, degrees; null when the string gives none (PAS 68:2007, ASTM, DoS). */
  angle_deg: number | null;
  /** Dynamic penetration, m (ASTM/DoS: the upper bound of the class); null when unbounded. */
  penetration_m: number | null;
  /** PAS 68 major-debris distance, m; null elsewhere (IWA 14-1 has no debris value: Heald, hvm.md §2). */
  debris_m: number | null;
}

const MPH_TO_KMH = 1.609344;
const LB_TO_KG = 0.45359237;

/**
 * ASTM F2656 test vehicles (hvm.md §2 ASTM table): mass kg. Speeds are nominal mph figures.
 * M is 15,000 lb = 6804 kg; hvm.md acceptance 7 reads `M50/P1` as 6800 kg, the rounded figure
 * quoted by Delta Scientific, which we keep.
 */
const ASTM_MASS_KG: Record<string, number> = { C: 1100, FS: 2100, PU: 2300, M: 6800, C7: 7200, H: 29500 };
/** ASTM penetration classes, upper bound m (Delta Scientific, hvm.md §2); P4 (≥ 30 m, dropped in F2656-15) unbounded. */
const ASTM_PENETRATION_M: Record<string, number | null> = { '1': 1, '2': 7, '3': 30, '4': null };
/** Metric speeds quoted for ASTM M30/M40/M50 (hvm.md §2: 50/65/80 km/h) and for 60 mph. */
const ASTM_NOMINAL_KMH: Record<number, number> = { 30: 50, 40: 65, 50: 80, 60: 100 };
/** DoS SD-STD-02.01 K-ratings: speed mph; L-ratings: penetration upper bound (3 / 20 / 50 ft). */
const DOS_K_MPH: Record<string, number> = { '4': 30, '8': 40, '12': 50 };
const DOS_L_M: Record<string, number> = { '3': 3 * 0.3048, '2': 20 * 0.3048, '1': 50 * 0.3048 };

/** PAS 68 classes that IWA 14-1 does not use (IWA splits N2/N3 into lettered classes). */
const PAS_ONLY_CLASSES = new Set(['N2', 'N3']);

function expectedMessage(text: string): string {
  return `cannot read rating '${text}': expected e.g. V/7200[N2A]/48/90:3.5 or M50 P1`;
}

/**
 * An ASTM speed in km/h: the lower of the exact conversion and the quoted metric figure, so a
 * barrier is never credited with more than it was tested at (M50 → 80 km/h, M30 → 48.3 km/h).
 */
function astmSpeedKmh(mph: number): number {
  const exact = mph * MPH_TO_KMH;
  const nominal = ASTM_NOMINAL_KMH[mph];
  return nominal === undefined ? exact : Math.min(exact, nominal);
}

/**
 * Reads a rating string; throws an Error with a readable message when it is not one.
 *
 * - IWA 14-1 / ISO 22343-1: `V/7200[N2A]/48/90:3.5` (method/mass[class]/speed/angle:penetration).
 * - PAS 68: `V/7500[N3]/80/90:3.3/25.0` (…:penetration/debris), 2007 strings without the angle.
 * - ASTM F2656: `M50 P1`, `M50/P1`, `C750 P2`, `PU60`, optionally prefixed `ASTM F2656(-20)`.
 * - DoS SD-STD-02.01: `K12`, `K12 L3`.
 * A leading standard name (`IWA 14-1:2013`, `ISO 22343-1`, `PAS 68:2010`) picks the standard;
 * otherwise N2/N3, 7500 kg, a debris figure or a missing angle mean PAS 68, else IWA 14-1.
 * Spaces anywhere are tolerated (`V/7200 [N3C]/48/90:0`, catalogue data).
 */
export function parseRating(text: string): BarrierRating {
  const raw = String(text ?? '').trim();
  let s = raw.replace(/\s+/g, ' ');
  let declared: RatingStandard | undefined;
  const prefix = /^(IWA\s?14(?:-1)?(?::\d{4})?|ISO\s?22343(?:-1)?(?::\d{4})?|PAS\s?68(?::\d{4})?|ASTM\s?F\s?2656(?:-\d{2})?|(?:DOS|SD-STD-02\.01)(?:\s?Rev\s?A)?)\s*[:,]?\s*/i.exec(s);
  if (prefix) {
    const p = prefix[1].toUpperCase().replace(/\s/g, '');
    declared = p.startsWith('IWA') ? 'IWA14-1' : p.startsWith('ISO') ? 'ISO22343-1' : p.startsWith('PAS') ? 'PAS68' : p.startsWith('ASTM') ? 'ASTM-F2656' : 'DOS-SD-STD-02.01';
    s = s.slice(prefix[0].length);
  }
  const compact = s.replace(/\s/g, '').toUpperCase();

  const vsb = /^([VFP])\/(\d+(?:\.\d+)?)\[([A-Z0-9]+)\]\/(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?:(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(compact);
  if (vsb && (declared === undefined || declared === 'IWA14-1' || declared === 'ISO22343-1' || declared === 'PAS68')) {
    const [, method, mass, vehicle, speed, angle, pen, debris] = vsb;
    const isPas = declared === 'PAS68' || (declared === undefined && (PAS_ONLY_CLASSES.has(vehicle) || Number(mass) === 7500 || debris !== undefined || angle === undefined));
    const standard: RatingStandard = declared ?? (isPas ? 'PAS68' : 'IWA14-1');
    if (standard !== 'PAS68' && method !== 'V') throw new Error(`${expectedMessage(raw)} (method ${method} exists only in PAS 68)`);
    return {
      standard,
      method: method as 'V' | 'F' | 'P',
      vehicle,
      mass_kg: Number(mass),
      speed_kmh: Number(speed),
      angle_deg: angle === undefined ? null : Number(angle),
      penetration_m: Number(pen),
      debris_m: debris === undefined ? null : Number(debris),
    };
  }

  const astm = /^(C7|FS|PU|M|C|H)(\d{2})(?:[/-]?P([1-4]))?$/.exec(compact);
  if (astm && (declared === undefined || declared === 'ASTM-F2656')) {
    const [, vehicle, mph, p] = astm;
    return {
      standard: 'ASTM-F2656',
      method: null,
      vehicle,
      mass_kg: ASTM_MASS_KG[vehicle],
      speed_kmh: astmSpeedKmh(Number(mph)),
      angle_deg: null,
      penetration_m: p === undefined ? null : ASTM_PENETRATION_M[p],
      debris_m: null,
    };
  }

  const dos = /^K(4|8|12)(?:[/-]?L([1-3]))?$/.exec(compact);
  if (dos && (declared === undefined || declared === 'DOS-SD-STD-02.01')) {
    const [, k, l] = dos;
    return {
      standard: 'DOS-SD-STD-02.01',
      method: null,
      vehicle: 'M',
      mass_kg: Math.round(15000 * LB_TO_KG),
      speed_kmh: astmSpeedKmh(DOS_K_MPH[k]),
      angle_deg: null,
      penetration_m: l === undefined ? null : DOS_L_M[l],
      debris_m: null,
    };
  }
  throw new Error(expectedMessage(raw));
}
