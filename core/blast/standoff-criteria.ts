/**
 * Published standoff criteria as data, for comparison beside the NCTC chart: cube-root
 * quantity-distance rules (R = k·W^(1/3)) and the UFC 4-010-01 fixed standoffs.
 * Source: shared/reference/blast-standoff.md §3.
 */

export interface QuantityDistanceRule {
  id: string;
  label: string;
  /** R = kMPerKg3 · W^(1/3), R in m, W in kg. */
  kMPerKg3: number;
  source: string;
  secondary: boolean;
}

export const QUANTITY_DISTANCE_RULES: readonly QuantityDistanceRule[] = [
  {
    id: 'dod_ibd', label: 'DoD HD 1.1 inhabited-building distance (K40, 40 ft/lb^(1/3))',
    kMPerKg3: (40 * 0.3048) / Math.cbrt(0.45359237),
    source: 'Swisdak, DDESB seminar paper (blast-standoff.md §3); valid for NEW < 250,000 lb', secondary: false,
  },
  {
    id: 'norway_hospital', label: 'Norway QD: hospitals', kMPerKg3: 44.4,
    source: 'Norwegian explosives regulation §37 as coded in Freeyolo/tangos EksponertQD.py (blast-standoff.md §3)', secondary: true,
  },
  {
    id: 'norway_dwelling', label: 'Norway QD: dwellings', kMPerKg3: 22.2,
    source: 'Norwegian explosives regulation §37 as coded in Freeyolo/tangos EksponertQD.py (blast-standoff.md §3)', secondary: true,
  },
  {
    id: 'norway_road', label: 'Norway QD: roads', kMPerKg3: 14.8,
    source: 'Norwegian explosives regulation §37 as coded in Freeyolo/tangos EksponertQD.py (blast-standoff.md §3)', secondary: true,
  },
];

/** The distance a rule asks for a charge of `tntKg` kg, m. */
export function quantityDistanceM(rule: QuantityDistanceRule, tntKg: number): number {
  if (!(tntKg > 0)) throw new Error(`quantity distance ${rule.id}: charge must be a positive number of kg, got ${tntKg}`);
  return rule.kMPerKg3 * Math.cbrt(tntKg);
}

export interface FixedStandoff {
  id: string;
  label: string;
  standoffM: number;
  source: string;
  /** The 2012 and 2018 editions replace these with construction-dependent tables. */
  superseded: boolean;
  verify: boolean;
}

const UFC = 'UFC 4-010-01 (2003, change 1 2007) App. B, via Hinman and tpub (blast-standoff.md §3)';

export const UFC_STANDOFFS: readonly FixedStandoff[] = [
  { id: 'ufc_controlled_perimeter', label: 'Billeting / primary gathering: building to controlled perimeter (CCSD)', standoffM: 45, source: UFC, superseded: true, verify: false },
  { id: 'ufc_parking_inside', label: 'Billeting / primary gathering: parking and roads inside the perimeter', standoffM: 25, source: UFC, superseded: true, verify: false },
  { id: 'ufc_minimum', label: 'Any inhabited building: minimum standoff regardless of hardening', standoffM: 10, source: UFC, superseded: true, verify: false },
  { id: 'ufc_trash_gathering', label: 'Trash containers from billeting / primary gathering', standoffM: 25, source: UFC, superseded: true, verify: false },
  { id: 'ufc_trash_other', label: 'Trash containers from other inhabited buildings', standoffM: 10, source: UFC, superseded: true, verify: false },
];
