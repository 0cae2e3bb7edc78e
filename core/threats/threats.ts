/**
 * Bomb threats as data: the NCTC / DHS / FBI Bomb Threat Stand-Off chart (2013–2014 version),
 * one row per device, with the TNT-equivalent charge, the mandatory and preferred evacuation
 * distances, who carries it and, for vehicle-borne devices, the IWA 14-1 / ISO 22343 test-vehicle
 * class whose reachable space the device can reach.
 *
 * Source for every number: shared/reference/blast-standoff.md §1 (NCTC
 * https://webarchive.library.unt.edu/web/20130217125606/http://www.nctc.gov/site/technical/bomb_threat.html ;
 * ODNI https://odni.gov/nctc/index.html). Vehicle classes: shared/reference/hvm.md §2.
 * Chart weights are already TNT-equivalent (chart footnote 1).
 */

export type ThreatCarrier = 'person' | 'vehicle';

export interface Threat {
  /** Stable id used in outputs (`threat` property, CLI `--threat`). */
  id: string;
  name: string;
  carrier: ThreatCarrier;
  /** Explosive capacity, TNT equivalent, kg (chart metric column). */
  tntKg: number;
  /** Explosive capacity as printed, lb. */
  tntLb: number;
  /** Mandatory evacuation distance, m: everyone inside it must leave (buildings included). */
  mandatoryM: number;
  /** Preferred evacuation distance, m: between mandatory and preferred people shelter in place. */
  preferredM: number;
  mandatoryFt: number;
  preferredFt: number;
  /** IWA 14-1 test-vehicle class that can carry the device; null for person-borne devices. */
  vehicleClass: string | null;
  /** Why that class (the chart names a vehicle kind, not a crash-test class). */
  vehicleClassNote?: string;
  /** True where the mapping or a value is our judgement or the sources disagree (UI shows "verify"). */
  verify: boolean;
  /** How the distances were obtained: `chart` rows are printed values; custom threats are scaled. */
  scaling: string;
  source: string;
  note?: string;
}

const NCTC = 'NCTC/DHS Bomb Threat Stand-Off chart (NCTC 2013–2014, ODNI) via shared/reference/blast-standoff.md §1';
const CHART = 'NCTC chart row, printed values';

export const THREATS: readonly Threat[] = [
  {
    id: 'pipe_bomb', name: 'Pipe bomb', carrier: 'person', tntKg: 2.3, tntLb: 5,
    mandatoryM: 21, preferredM: 366, mandatoryFt: 70, preferredFt: 1200,
    vehicleClass: null, verify: false, scaling: CHART, source: NCTC,
    note: 'Preferred distance is governed by fragment throw of a cased charge (chart footnote 3).',
  },
  {
    id: 'suicide_vest', name: 'Suicide vest', carrier: 'person', tntKg: 9.2, tntLb: 20,
    mandatoryM: 34, preferredM: 518, mandatoryFt: 110, preferredFt: 1700,
    vehicleClass: null, verify: true, scaling: CHART, source: NCTC,
    note: 'NCTC 2013 page prints 1,750 ft / 518 m; ODNI prints 1,700 ft; 518 m = 1,699 ft, so 1,700 ft is kept.',
  },
  {
    id: 'briefcase', name: 'Briefcase / suitcase bomb', carrier: 'person', tntKg: 23, tntLb: 50,
    mandatoryM: 46, preferredM: 564, mandatoryFt: 150, preferredFt: 1850,
    vehicleClass: null, verify: false, scaling: CHART, source: NCTC,
  },
  {
    id: 'car', name: 'Car (sedan)', carrier: 'vehicle', tntKg: 227, tntLb: 500,
    mandatoryM: 98, preferredM: 580, mandatoryFt: 320, preferredFt: 1900,
    vehicleClass: 'M1',
    vehicleClassNote: 'IWA 14-1 M1 is the 1,500 kg passenger car, the test vehicle of a sedan (hvm.md §2).',
    verify: false, scaling: CHART, source: NCTC,
  },
  {
    id: 'suv_van', name: 'SUV / van', carrier: 'vehicle', tntKg: 454, tntLb: 1000,
    mandatoryM: 122, preferredM: 732, mandatoryFt: 400, preferredFt: 2400,
    vehicleClass: 'N1',
    vehicleClassNote:
      'IWA 14-1 N1 (3,500 kg light goods vehicle) stands for a van; an SUV is nearer N1G (2,500 kg 4×4) but is narrower, ' +
      'so N1 gives the same or a shorter reach only where a gap fits an SUV and not a van (hvm.md §2).',
    verify: true, scaling: CHART, source: NCTC,
  },
  {
    id: 'small_truck', name: 'Small delivery truck', carrier: 'vehicle', tntKg: 1814, tntLb: 4000,
    mandatoryM: 195, preferredM: 1159, mandatoryFt: 640, preferredFt: 3800,
    vehicleClass: 'N2A',
    vehicleClassNote: 'IWA 14-1 N2A is the 7,200 kg 2-axle cab-over rigid (GVW 8 t), a small delivery truck (hvm.md §2).',
    verify: false, scaling: CHART, source: NCTC,
  },
  {
    id: 'container_truck', name: 'Container / water truck', carrier: 'vehicle', tntKg: 4536, tntLb: 10000,
    mandatoryM: 263, preferredM: 1555, mandatoryFt: 860, preferredFt: 5100,
    vehicleClass: 'N3C',
    vehicleClassNote:
      'A 4.5 t payload needs a heavy rigid above 12 t GVW (category N3); IWA 14-1 N3C is the 2-axle cab-over rigid of ' +
      '20.5 t GVW, the nearest test vehicle to a 2-axle water or container truck. Our judgement, not the chart’s (hvm.md §2).',
    verify: true, scaling: CHART, source: NCTC,
  },
  {
    id: 'semi_trailer', name: 'Semi-trailer', carrier: 'vehicle', tntKg: 27216, tntLb: 60000,
    mandatoryM: 479, preferredM: 2835, mandatoryFt: 1570, preferredFt: 9300,
    vehicleClass: 'N3G',
    vehicleClassNote:
      'IWA 14-1 N3G (4-axle, 30 t test mass, 36 t GVW) is the heaviest test vehicle, the nearest to an articulated ' +
      'semi-trailer; IWA has no articulated class. Our judgement (hvm.md §2).',
    verify: true, scaling: CHART, source: NCTC,
  },
];

/** 1 lb = 0.45359237 kg; 1 ft = 0.3048 m (blast-standoff.md, units). */
const KG_PER_LB = 0.45359237;
const M_PER_FT = 0.3048;

/**
 * The DoD inhabited-building distance factor K40 = 40 ft/lb^(1/3) in metric, ≈ 15.87 m/kg^(1/3):
 * every NCTC mandatory distance equals 40·W^(1/3) ft within 2.3 % (blast-standoff.md §1 "Derived
 * scaling"; Swisdak IBD criterion §3).
 */
export const MANDATORY_K_M_PER_KG3 = (40 * M_PER_FT) / Math.cbrt(KG_PER_LB);

export function threatById(id: string): Threat | undefined {
  return THREATS.find((t) => t.id === id);
}

/**
 * A threat of any TNT-equivalent mass. The mandatory distance is cube-root scaled,
 * R = 15.87·W^(1/3) m (K40, blast-standoff.md §1 "Derived scaling"); the preferred distance keeps the
 * preferred/mandatory ratio of the chart row nearest in mass (nearest in ln W, so a 100 kg charge
 * takes the car row, a 5 kg one the pipe-bomb row). `carrier` decides which space it can reach;
 * a vehicle-borne custom threat needs a vehicle class.
 */
export function customThreat(
  tntKg: number,
  options: { id?: string; name?: string; carrier?: ThreatCarrier; vehicleClass?: string | null } = {},
): Threat {
  if (!Number.isFinite(tntKg) || tntKg <= 0) throw new Error(`custom threat: TNT-equivalent mass must be a positive number of kg, got ${tntKg}`);
  const nearest = nearestRow(tntKg);
  const carrier = options.carrier ?? (options.vehicleClass ? 'vehicle' : nearest.carrier);
  const vehicleClass = carrier === 'vehicle' ? (options.vehicleClass ?? nearest.vehicleClass) : null;
  const mandatoryM = MANDATORY_K_M_PER_KG3 * Math.cbrt(tntKg);
  const ratio = nearest.preferredM / nearest.mandatoryM;
  const preferredM = mandatoryM * ratio;
  return {
    id: options.id ?? `custom_${tntKg}kg`,
    name: options.name ?? `Custom charge ${tntKg} kg TNT`,
    carrier,
    tntKg,
    tntLb: tntKg / KG_PER_LB,
    mandatoryM,
    preferredM,
    mandatoryFt: mandatoryM / M_PER_FT,
    preferredFt: preferredM / M_PER_FT,
    vehicleClass,
    vehicleClassNote: vehicleClass ? `Taken from the nearest chart row (${nearest.name}) unless given.` : undefined,
    verify: true,
    scaling:
      `Mandatory = 15.87·W^(1/3) m (40 ft/lb^(1/3), DoD K40 inhabited-building distance, fits every NCTC row within 2.3 %); ` +
      `preferred = mandatory × ${ratio.toFixed(3)}, the preferred/mandatory ratio of the nearest chart row (${nearest.name}).`,
    source: 'Derived by cube-root scaling from the NCTC chart: shared/reference/blast-standoff.md §1 "Derived scaling"',
  };
}

function nearestRow(tntKg: number): Threat {
  let best = THREATS[0];
  for (const t of THREATS) if (Math.abs(Math.log(t.tntKg / tntKg)) < Math.abs(Math.log(best.tntKg / tntKg))) best = t;
  return best;
}

/** Threats chosen by id (chart ids, or `custom:<kg>` / `custom:<kg>:<vehicle class>`), with a clear error for an unknown id. */
export function resolveThreats(ids?: readonly string[]): Threat[] {
  if (!ids || ids.length === 0) return [...THREATS];
  return ids.map((id) => {
    const row = threatById(id);
    if (row) return row;
    const m = /^custom:([0-9.]+)(?::([A-Za-z0-9]+))?$/.exec(id);
    if (m) return customThreat(Number(m[1]), { id, vehicleClass: m[2] ?? null, carrier: m[2] ? 'vehicle' : 'person' });
    throw new Error(`unknown threat "${id}" (known: ${THREATS.map((t) => t.id).join(', ')}, or custom:<kg>[:<vehicle class>])`);
  });
}
