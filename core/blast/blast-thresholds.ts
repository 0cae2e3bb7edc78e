/**
 * Damage and injury thresholds of free-field incident overpressure, as labelled bands the map and
 * the findings can name ("at 45 m: 23 kPa — above eardrum rupture threshold"). Each row carries its
 * source; `secondary` marks figures we hold only from a mirror or a secondary page
 * (shared/reference/blast-standoff.md §3). High-explosive blasts are short: long-duration (nuclear)
 * scales overstate damage at equal pressure, so none are used here.
 */

export type ThresholdSubject = 'people' | 'glazing' | 'structures' | 'criterion';

export interface BlastThreshold {
  id: string;
  subject: ThresholdSubject;
  label: string;
  /** The band starts at this incident overpressure, kPa. */
  incidentKpa: number;
  /** The value as the source prints it, when in another unit. */
  printed?: string;
  source: string;
  secondary: boolean;
}

const PSI_KPA = 6.894757;
const REMM = 'REMM / AFRRI 1999, https://www.remm.hhs.gov/blasteffects.htm (blast-standoff.md §3)';
const CLANCEY = 'Clancey, via http://explosion-safety.jp/program/e_blast.html (blast-standoff.md §3)';
const OVERPRESSURE_MIRROR = 'Wikipedia "Overpressure" mirror, https://jurnalpublikasi.com/en/Overpressure (blast-standoff.md §3)';

export const BLAST_THRESHOLDS: readonly BlastThreshold[] = [
  { id: 'glass_breakage', subject: 'glazing', label: 'Typical glass breakage', incidentKpa: 1.03, source: CLANCEY, secondary: true },
  { id: 'safe_distance', subject: 'structures', label: '"Safe distance": 95 % no serious damage, 10 % of glass broken', incidentKpa: 2.07, source: CLANCEY, secondary: true },
  { id: 'windows_shattered', subject: 'glazing', label: 'Large and small windows usually shattered', incidentKpa: 3.4, source: CLANCEY, secondary: true },
  { id: 'minor_house_damage', subject: 'structures', label: 'Minor damage to house structures', incidentKpa: 4.8, source: CLANCEY, secondary: true },
  {
    id: 'inhabited_building_distance', subject: 'criterion',
    label: 'DoD inhabited-building distance (K40, ≈1.2 psi): unstrengthened buildings up to ~5 % damage',
    incidentKpa: 1.2 * PSI_KPA, printed: '1.2 psi',
    source: 'Swisdak, "A Consequence Minimization Approach to Explosive Siting", DDESB seminar (blast-standoff.md §3)', secondary: false,
  },
  { id: 'partial_demolition', subject: 'structures', label: 'Partial demolition of houses, made uninhabitable', incidentKpa: 6.9, source: CLANCEY, secondary: true },
  { id: 'masonry_walls_shattered', subject: 'structures', label: 'Unreinforced concrete or cinder-block walls shattered', incidentKpa: 13.8, source: CLANCEY, secondary: true },
  { id: 'serious_structural_damage', subject: 'structures', label: 'Lower limit of serious structural damage', incidentKpa: 15.8, source: CLANCEY, secondary: true },
  { id: 'brickwork_half_destroyed', subject: 'structures', label: '50 % destruction of brickwork of houses', incidentKpa: 17.2, source: CLANCEY, secondary: true },
  { id: 'eardrum_rupture', subject: 'people', label: 'Eardrum rupture threshold (~1 %)', incidentKpa: 5 * PSI_KPA, printed: '5 psi', source: REMM, secondary: false },
  { id: 'houses_destroyed', subject: 'structures', label: 'Nearly complete destruction of houses', incidentKpa: 34.5, source: CLANCEY, secondary: true },
  { id: 'total_destruction', subject: 'structures', label: 'Probable total destruction of buildings', incidentKpa: 68.9, source: CLANCEY, secondary: true },
  { id: 'eardrum_50', subject: 'people', label: '50 % eardrum rupture', incidentKpa: 15 * PSI_KPA, printed: '15 psi', source: OVERPRESSURE_MIRROR, secondary: true },
  { id: 'lung_damage', subject: 'people', label: 'Lung damage threshold', incidentKpa: 15 * PSI_KPA, printed: '15 psi', source: REMM, secondary: false },
  { id: 'fatality_threshold', subject: 'people', label: 'About 1 % fatalities', incidentKpa: 35 * PSI_KPA, printed: '35–45 psi', source: OVERPRESSURE_MIRROR, secondary: true },
  { id: 'lethal_50', subject: 'people', label: 'Fatal, LD50', incidentKpa: 50 * PSI_KPA, printed: '50 psi', source: REMM, secondary: false },
];

/** The thresholds an incident overpressure reaches or exceeds, mildest first. */
export function thresholdsReached(incidentKpa: number): BlastThreshold[] {
  return BLAST_THRESHOLDS.filter((t) => incidentKpa >= t.incidentKpa).sort((a, b) => a.incidentKpa - b.incidentKpa);
}
