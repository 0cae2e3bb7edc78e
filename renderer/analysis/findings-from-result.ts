import type { AnalysisResult } from '../../core/analyze/analysis-types.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { threatById } from '../../core/threats/threats.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import { CRITICAL_SPEED_KMH } from './thresholds.js';
import { formatKg, formatKj, formatKmh, formatKpa, formatM, formatM2, formatPct, formatS, kineticEnergyKj, levelLabel } from './format.js';

/** How bad a finding is; the list is ordered by this first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = ['barrier_fail', 'barrier_gap', 'zone_reachable', 'standoff_short', 'unrated_barrier', 'single_layer', 'coverage_gap', 'analysis_notice'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  /** Stable key: kind plus the ids it is about. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** One line in users' words with numbers and units. */
  message: string;
  /** Features to zoom to: the input feature first, then the analysis outputs behind it. */
  featureIds: string[];
  /** The formula, table row and reference behind the numbers. */
  source: string;
  /** Size of the problem within its severity (km/h, m, m²…): larger sorts first. */
  magnitude: number;
}

export interface FindingsOptions {
  /** Impact speed at or above which a reachable zone is critical, km/h (default CRITICAL_SPEED_KMH). */
  criticalSpeedKmh?: number;
  /** Mass of vehicle class codes, for the energies quoted, over the scene's classes (core/vehicles). */
  vehicleMassKg?: Record<string, number>;
  /** Display names of threat ids over the chart's names (core/threats), e.g. `car` → "Car (sedan)". */
  threatNames?: Record<string, string>;
  /** The response time the layered-security check used, s. */
  responseTimeS?: number;
}

/** DfT TAL 01/11 largest clear (air) gap in a vehicle security barrier line, m (hvm.md §1). */
const TAL_GAP_M = 1.2;
const KINEMATICS = 'v² = u² + 2as with corner limit v = √(μ·g·r), μ = 1.0 unless set (shared/reference/hvm.md §1, MIL-HDBK-1013/14 eq. 6)';
const RATINGS = 'IWA 14-1 / ISO 22343-1 / PAS 68 / ASTM F2656 rating strings (shared/reference/hvm.md §2)';
const STANDOFF = 'NCTC/DHS Bomb Threat Stand-Off chart, mandatory evacuation distance; incident overpressure Kingery–Bulmash (shared/reference/blast-standoff.md §1–2)';
const LAYERS = 'Defence in depth, layers crossed per approach; P(interruption) by EASI, Garcia (shared/reference/crowd-cpted-layers.md §3)';
const DORI = 'IEC 62676-4 DORI pixel density on the ground, reach d = H_res / (2·ppm·tan(HFOV/2)) (shared/reference/cctv.md §1–2)';

type Approach = NonNullable<AnalysisResult['summary']['approach']>;

/**
 * What is wrong in an analysis result, in users' words, most severe first: barriers that fail,
 * targets a vehicle reaches (critical at or above `criticalSpeedKmh`), bomb standoff shortfalls,
 * unrated barriers on a reached line, targets behind a single layer, Detect / Identify coverage
 * gaps, and the analyses' own notices. Pure: same result and scene → same list.
 */
export function findingsFromResult(result: AnalysisResult, scene: Scene, options: FindingsOptions = {}): Finding[] {
  const byId = new Map(scene.features.map((f) => [f.id, f]));
  const outputsByKind = groupBy(result.features, (f) => f.properties.kind);
  const ctx: Context = {
    result,
    scene,
    options,
    byId,
    masses: { ...vehicleMasses(scene), ...options.vehicleMassKg },
    name: (id) => nameOf(byId.get(id), id),
    isZone: (id) => !byId.has(id) || ['site', 'crowd_zone'].includes(byId.get(id)!.properties.kind),
    outputIds: (kind, match) => (outputsByKind.get(kind) ?? []).filter((f) => match(f.properties)).map((f) => f.id),
    threat: (id) => options.threatNames?.[id] ?? threatById(id)?.name ?? id.replace(/_/g, ' '),
  };
  const findings = [...barrierFindings(ctx), ...reachableFindings(ctx), ...standoffFindings(ctx), ...layerFindings(ctx), ...coverageFindings(ctx), ...noticeFindings(ctx)];
  // Within a severity, kinds keep the order of FINDING_KINDS so magnitudes of one unit compare.
  return findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
      b.magnitude - a.magnitude ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

interface Context {
  result: AnalysisResult;
  scene: Scene;
  options: FindingsOptions;
  byId: Map<string, SceneFeature>;
  /** Test mass by class code, kg. */
  masses: Record<string, number>;
  name(id: string): string;
  /** Sites and crowd zones (and ids the scene does not know): where people are. */
  isZone(id: string): boolean;
  outputIds(kind: string, match: (p: SceneFeature['properties']) => boolean): string[];
  threat(id: string): string;
}

/** Sites and crowd zones a vehicle reaches, with the fastest class (the approach also targets barrier lines; those speak through the barrier findings). */
function reachableFindings({ result, options, masses, name, isZone, outputIds }: Context): Finding[] {
  const out: Finding[] = [];
  type Reached = Extract<NonNullable<typeof result.summary.approach>['results'][number], { reachable: true }>;
  const reached = (result.summary.approach?.results ?? []).filter((r): r is Reached => r.reachable && isZone(r.target_id));
  for (const [targetId, rows] of groupBy(reached, (r) => r.target_id)) {
    const sorted = [...rows].sort((a, b) => b.impact_speed_kmh! - a.impact_speed_kmh! || a.vehicle.localeCompare(b.vehicle));
    const worst = sorted[0];
    const speed = worst.impact_speed_kmh!;
    const critical = speed >= (options.criticalSpeedKmh ?? CRITICAL_SPEED_KMH);
    const others = listed(sorted.slice(1).map((r) => `${r.vehicle} ${formatKmh(r.impact_speed_kmh!)}`));
    const mass = masses[worst.vehicle];
    const energy = worst.energy_kj ?? (mass ? kineticEnergyKj(mass, speed) : undefined);
    out.push({
      id: `zone_reachable:${targetId}`,
      kind: 'zone_reachable',
      severity: critical ? 'critical' : 'high',
      message:
        `${name(targetId)} is reachable by ${worst.vehicle} at ${formatKmh(speed)}` +
        (energy !== undefined ? ` (${formatKj(energy)})` : '') +
        (worst.path_length_m !== undefined ? ` after a ${formatM(worst.path_length_m)} run` : '') +
        (others ? `; also ${others}` : ''),
      featureIds: [targetId, ...outputIds('approach_path', (p) => p.target_id === targetId)],
      source: `${KINEMATICS}; ${worst.vehicle}${mass ? ` ${formatKg(mass)}` : ''}, KE = ½·m·v²`,
      magnitude: speed,
    });
  }
  return out;
}

/** One finding per target whose bomb standoff is short, led by the largest shortfall. */
function standoffFindings({ result, name, outputIds, threat }: Context): Finding[] {
  const out: Finding[] = [];
  const short = (result.summary.standoff?.results ?? []).filter((r) => !r.ok && r.achieved_m !== null);
  for (const [targetId, rows] of groupBy(short, (r) => r.target_id)) {
    const sorted = [...rows].sort((x, y) => y.required_m - y.achieved_m! - (x.required_m - x.achieved_m!) || x.threat.localeCompare(y.threat));
    const worst = sorted[0];
    const shortM = worst.required_m - worst.achieved_m!;
    const line = (r: (typeof rows)[number]) =>
      `${threat(r.threat)} at ${formatM(r.achieved_m!)} of ${formatM(r.required_m)}${r.incident_kpa !== null ? ` (${formatKpa(r.incident_kpa)})` : ''}`;
    out.push({
      id: `standoff_short:${targetId}`,
      kind: 'standoff_short',
      severity: 'high',
      message:
        `${name(targetId)}: standoff short by ${formatM(shortM)} — ${threat(worst.threat)} bomb can get ` +
        (worst.achieved_m! < 0.05 ? 'right up to it' : `to ${formatM(worst.achieved_m!)}`) +
        `, ${formatM(worst.required_m)} needed` +
        (worst.incident_kpa !== null ? `, ${formatKpa(worst.incident_kpa)} incident overpressure` : '') +
        (sorted.length > 1 ? `; also ${listed(sorted.slice(1).map(line))}` : ''),
      featureIds: [targetId, ...outputIds('standoff_breach', (p) => p.target_id === targetId && rows.some((r) => r.threat === p.threat))],
      source: `${STANDOFF}; ${sorted.map((r) => `${threat(r.threat)} ${formatM(r.required_m)}`).join(', ')}`,
      magnitude: shortM,
    });
  }
  return out;
}

/** Targets with no defence in depth. */
function layerFindings({ result, options, name }: Context): Finding[] {
  return (result.summary.layers?.results ?? [])
    .filter((t) => t.single_layer)
    .map((t) => {
      const pI = t.p_interruption;
      return {
        id: `single_layer:${t.target_id}`,
        kind: 'single_layer',
        severity: 'medium',
        message:
          `${name(t.target_id)} is protected by a single layer: ${t.vehicle_layers_crossed ?? 'none'} crossed by vehicles, ${t.pedestrian_layers_crossed ?? 'none'} on foot` +
          (pI !== undefined && pI !== null ? `; P(interruption) ${pI.toFixed(2)}${options.responseTimeS !== undefined ? ` at ${formatS(options.responseTimeS)} response` : ''}` : ''),
        featureIds: [t.target_id, ...t.layers.map((l) => l.layer_id)],
        source: LAYERS,
        magnitude: 1 - (pI ?? 0),
      } satisfies Finding;
    });
}

/** Detect and Identify gaps of sites and crowd zones (the coverage analysis also measures inside perimeters). */
function coverageFindings({ result, scene, name, isZone, outputIds }: Context): Finding[] {
  const out: Finding[] = [];
  for (const z of result.summary.coverage?.zones ?? []) {
    if (!isZone(z.zone_id)) continue;
    const levels = Object.keys(z.covered_pct);
    if (levels.length === 0) continue;
    // The lowest level reported plays Detect; Identify where the preset has it, else the highest.
    const checked: [string, Severity][] = [[levels[0], 'medium']];
    const identify = levels.includes('identify') ? 'identify' : levels[levels.length - 1];
    if (identify !== levels[0]) checked.push([identify, 'low']);
    for (const [level, severity] of checked) {
      const gapM2 = z.area_m2 - (z.covered_m2[level] ?? 0);
      if (gapM2 < 1) continue;
      out.push({
        id: `coverage_gap:${z.zone_id}:${level}`,
        kind: 'coverage_gap',
        severity,
        message: `${name(z.zone_id)}: ${formatPct(100 - (z.covered_pct[level] ?? 0))} without ${levelLabel(level)} coverage (${formatM2(gapM2)} of ${formatM2(z.area_m2)})`,
        featureIds: [z.zone_id, ...outputIds('coverage_gap', (p) => p.zone_id === z.zone_id && p.dori === level)],
        source: `${DORI}; preset ${String(scene.bulwark.settings?.dori_preset ?? 'IEC62676-4:2014')}, level ${levelLabel(level)}`,
        magnitude: gapM2,
      });
    }
  }
  return out;
}

/** What an analysis could not use or assumed (a skipped camera, an unread rating): below the problems it found. */
function noticeFindings({ result }: Context): Finding[] {
  return (result.notices ?? []).map((n, i) => ({
    id: `analysis_notice:${i}`,
    kind: 'analysis_notice',
    severity: n.severity === 'error' ? 'medium' : 'low',
    message: n.message,
    featureIds: n.featureId ? [n.featureId] : [],
    source: 'Analysis notice: an input the analysis skipped or a value it assumed',
    magnitude: 0,
  }));
}

/** Barriers that fail, gaps beyond the TAL 01/11 rule, and unrated barriers a vehicle reaches. */
function barrierFindings({ result, byId, masses, outputIds }: Context): Finding[] {
  const out: Finding[] = [];
  const approach = result.summary.approach;
  if (!approach) return out;
  const outputs = result.features;
  // The summary rows may leave the reason to the barrier_check features.
  const checkReasons = new Map<string, string>();
  for (const f of outputs) {
    if (f.properties.kind === 'barrier_check' && typeof f.properties.reason === 'string') checkReasons.set(`${String(f.properties.barrier_id)}\u0000${String(f.properties.vehicle)}`, f.properties.reason);
  }
  for (const [barrierId, rows] of groupBy(approach.barriers, (b) => b.barrier_id)) {
    const feature = byId.get(barrierId);
    const label = nameOf(feature, barrierId);
    const rating = typeof feature?.properties.rating === 'string' ? feature.properties.rating : undefined;
    const checks = outputIds('barrier_check', (p) => p.barrier_id === barrierId);
    const reasonOf = (r: Approach['barriers'][number]) => (r as { reason?: string }).reason ?? checkReasons.get(`${barrierId}\u0000${r.vehicle}`);
    const bySpeed = (a: Approach['barriers'][number], b: Approach['barriers'][number]) => (b.impact_speed_kmh ?? 0) - (a.impact_speed_kmh ?? 0) || a.vehicle.localeCompare(b.vehicle);

    const fails = rows.filter((r) => r.verdict === 'fail').sort(bySpeed);
    if (fails.length) {
      const r0 = fails[0].rating ?? undefined;
      const ratedMass = typeof r0?.mass_kg === 'number' ? r0.mass_kg : undefined;
      const ratedSpeed = typeof r0?.speed_kmh === 'number' ? r0.speed_kmh : undefined;
      const energies = fails
        .filter((r) => r.impact_speed_kmh !== undefined && masses[r.vehicle])
        .map((r) => `${r.vehicle} ${formatKg(masses[r.vehicle])} at ${formatKmh(r.impact_speed_kmh!)} → ${formatKj(kineticEnergyKj(masses[r.vehicle], r.impact_speed_kmh!))}`);
      const reasons = fails.filter((r) => reasonOf(r)).map((r) => `${r.vehicle}: ${reasonOf(r)}`);
      const ratedText = ratedMass !== undefined && ratedSpeed !== undefined
        ? `rated ${formatKg(ratedMass)} at ${formatKmh(ratedSpeed)} → ${formatKj(kineticEnergyKj(ratedMass, ratedSpeed))}`
        : undefined;
      out.push({
        id: `barrier_fail:${barrierId}`,
        kind: 'barrier_fail',
        severity: 'critical',
        message:
          `${label} fails: ` +
          listed(fails.map((r) => `${r.vehicle} at ${r.impact_speed_kmh !== undefined ? formatKmh(r.impact_speed_kmh) : 'unknown speed'}`)) +
          (rating ? ` — rated ${rating}` : ''),
        featureIds: [barrierId, ...checks],
        source: [
          ...(reasons.length ? [`Why: ${listed(reasons, '; ')}`] : []),
          KINEMATICS,
          `${RATINGS}${rating ? `: ${rating}` : ''}`,
          ...(ratedText ? [`KE = ½·m·v²: ${[...energies, ratedText].join('; ')}`] : []),
        ].join('. '),
        magnitude: fails[0].impact_speed_kmh ?? 0,
      });
    }

    // gap_ok is the TAL 01/11 clear-gap rule for vehicle-stopping lines; whether a class fits through is in its verdict.
    if (rows.some((r) => !r.gap_ok)) {
      const gapM = typeof feature?.properties.gap_m === 'number' ? feature.properties.gap_m : undefined;
      out.push({
        id: `barrier_gap:${barrierId}`,
        kind: 'barrier_gap',
        severity: 'high',
        message: `${label}: ${gapM !== undefined ? `its ${formatM(gapM)} gap is` : 'its gaps are'} wider than the ${formatM(TAL_GAP_M)} clear gap allowed between vehicle-stopping elements`,
        featureIds: [barrierId, ...checks],
        source: 'DfT TAL 01/11: air gap ≤ 1.2 m between security barrier elements (shared/reference/hvm.md §1, acceptance 9)',
        magnitude: gapM ?? 0,
      });
    }

    const unrated = rows.filter((r) => r.verdict === 'unrated').sort(bySpeed);
    if (unrated.length) {
      const r = unrated[0];
      out.push({
        id: `unrated_barrier:${barrierId}`,
        kind: 'unrated_barrier',
        severity: 'high',
        message:
          `${label} has no crash rating and is reached by ${listed(unrated.map((u) => `${u.vehicle}${u.impact_speed_kmh !== undefined ? ` at ${formatKmh(u.impact_speed_kmh)}` : ''}`))}` +
          ' — its stopping power is unknown',
        featureIds: [barrierId, ...checks],
        source: `${KINEMATICS}. Unrated: no test to IWA 14-1 / ISO 22343-1 / PAS 68 / ASTM F2656 (shared/reference/hvm.md §2)`,
        magnitude: r.impact_speed_kmh ?? 0,
      });
    }
  }
  return out;
}

/** Test mass per class code: the built-in table with the scene's `bulwark.vehicles` over it. */
function vehicleMasses(scene: Scene): Record<string, number> {
  try {
    return Object.fromEntries(vehicleClassesFor(scene).map((c) => [c.code, c.massKg]));
  } catch {
    // A malformed `bulwark.vehicles` is reported by validation; findings just quote no energy.
    return {};
  }
}

/** The first three items and how many more: a finding stays one or two lines with ten vehicle classes. */
function listed(items: readonly string[], separator = ', '): string {
  return items.length <= 3 ? items.join(separator) : `${items.slice(0, 3).join(separator)}${separator}and ${items.length - 3} more`;
}

function nameOf(feature: SceneFeature | undefined, id: string): string {
  return typeof feature?.properties.name === 'string' && feature.properties.name ? feature.properties.name : id;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
