import { sceneFrame, type LocalFrame, type XY } from '../geometry/local-frame.js';
import { approachArea } from './approach-area.js';
import { blockedObstacles, closingLineIds } from '../drivable/blocked-obstacles.js';
import type { StartPlace } from '../drivable/drivable-space.js';
import { numberProperty, booleanProperty } from '../scene/properties.js';
import type { PropertyValue, Scene, SceneFeature } from '../scene/types.js';
import { barrierVerdict, type Verdict } from '../ratings/barrier-verdict.js';
import { gapLetsThrough, gapOk } from '../ratings/gap-check.js';
import { parseRating, type BarrierRating } from '../ratings/parse-rating.js';
import { DEFAULT_VEHICLE_CODES, type VehicleClass } from '../vehicles/vehicle-classes.js';
import { selectVehicleClasses, vehicleClassesFor } from '../vehicles/vehicle-classes-for.js';
import type { ApproachGraph } from './approach-graph.js';
import { approachRoutes, DEFAULT_ROUTE_OPTIONS, type ApproachTarget, type RouteOptions, type RouteResult } from './approach-routes.js';
import { kineticEnergyKj, kmhFromMps } from './kinematics.js';
import { abortError } from './abort-error.js';
import { segmentSegmentDistance } from './obstacle-edges.js';

export interface ApproachOptions {
  /** Vehicle class codes to analyse, in this order; default the IWA 14-1 / ISO 22343-1 classes. */
  vehicles?: readonly string[];
  onProgress?: (fraction: number) => void;
  signal?: { aborted: boolean };
  /** Search resolution (tests and the benchmark); defaults to DEFAULT_ROUTE_OPTIONS. */
  route?: Partial<RouteOptions>;
  /** Local frame (tests); defaults to sceneFrame(scene). */
  frame?: LocalFrame;
  /** Routes of some classes already computed by `approachClassRoutes` on this scene (another thread). */
  routes?: ApproachRoutes;
}

/** `summary.approach` of `bulwark analyze` (shared/spec/cli.md). */
export interface ApproachSummary {
  results: (
    | { target_id: string; vehicle: string; reachable: true; impact_speed_kmh: number; energy_kj: number; path_length_m: number }
    | { target_id: string; vehicle: string; reachable: false }
  )[];
  barriers: {
    barrier_id: string;
    vehicle: string;
    impact_speed_kmh?: number;
    rating: { standard: string; vehicle: string; mass_kg: number; speed_kmh: number; angle_deg: number | null; penetration_m: number | null } | null;
    verdict: Verdict;
    gap_ok: boolean;
  }[];
}

export interface ApproachAnalysis {
  features: SceneFeature[];
  summary: ApproachSummary;
}

type Outline = ApproachTarget['outline'];

function ringsOf(f: SceneFeature, frame: LocalFrame): XY[][] {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const out: XY[][] = [];
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const r = ring.map((p) => frame.toLocal(p));
      let a = 0;
      for (let k = 0; k + 1 < r.length; k++) a += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1];
      // Target on the left: outer rings counter-clockwise, holes clockwise.
      if (a > 0 !== (i === 0)) r.reverse();
      out.push(r);
    });
  }
  return out;
}

function targetsOf(scene: Scene, frame: LocalFrame): { target: ApproachTarget; feature: SceneFeature }[] {
  const out: { target: ApproachTarget; feature: SceneFeature }[] = [];
  for (const f of scene.features) {
    const k = f.properties.kind;
    if ((k === 'crowd_zone' || k === 'site') && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
      out.push({ target: { id: f.id, outline: { rings: ringsOf(f, frame), lines: [] } }, feature: f });
    } else if (k === 'barrier' && f.geometry.type === 'LineString') {
      out.push({ target: { id: f.id, barrierId: f.id, outline: { rings: [], lines: [f.geometry.coordinates.map((p) => frame.toLocal(p))] } }, feature: f });
    }
  }
  return out;
}

function starts(scene: Scene, frame: LocalFrame, area: ReturnType<typeof approachArea>): StartPlace[] {
  const origins = scene.features.filter((f) => f.properties.kind === 'vehicle_origin' && f.geometry.type === 'Point');
  if (origins.length > 0) return origins.map((f) => ({ kind: 'origin', featureId: f.id, at: frame.toLocal(f.geometry.coordinates as number[]) }));
  return area.map((poly) => ({ kind: 'edge', ring: poly[0] }));
}

/** Distance from a barrier line to the nearest crowd zone or site outline (0 when it touches one), m. */
function protectedDistanceM(line: XY[], protectedOutlines: Outline[]): number | undefined {
  let best: number | undefined;
  for (const o of protectedOutlines) {
    for (const ring of o.rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        for (let j = 0; j + 1 < line.length; j++) {
          const d = segmentSegmentDistance(line[j][0], line[j][1], line[j + 1][0], line[j + 1][1], ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
          if (best === undefined || d < best) best = d;
        }
      }
    }
  }
  return best;
}

function ratingOf(f: SceneFeature): { rating?: BarrierRating; error?: string } {
  const text = f.properties.rating;
  const type = typeof f.properties.barrier_type === 'string' ? f.properties.barrier_type : 'bollard';
  if (type === 'street_furniture' || typeof text !== 'string' || text.trim() === '') return {};
  try {
    return { rating: parseRating(text) };
  } catch (e) {
    return { error: `feature ${f.id}: ${(e as Error).message}` };
  }
}

/** Route results per vehicle class code (plain data, structured-clone safe): the expensive part. */
export type ApproachRoutes = Record<string, RouteResult[]>;

interface Prepared {
  frame: LocalFrame;
  wanted: VehicleClass[];
  targets: { target: ApproachTarget; feature: SceneFeature }[];
  area: ReturnType<typeof approachArea>;
}

function prepare(scene: Scene, options: ApproachOptions): Prepared {
  const frame = options.frame ?? sceneFrame(scene);
  const wanted = selectVehicleClasses(vehicleClassesFor(scene), options.vehicles ?? DEFAULT_VEHICLE_CODES);
  return { frame, wanted, targets: targetsOf(scene, frame), area: approachArea(scene, frame) };
}

/**
 * The vehicle classes of `options.vehicles` grouped by width, in the order asked for within a
 * group; bigger groups first (then wider vehicles, whose searches are longer). Classes of one width
 * share their graph, so a group is the unit of work to hand to another thread.
 */
export function approachWidthGroups(scene: Scene, vehicles?: readonly string[]): string[][] {
  const wanted = selectVehicleClasses(vehicleClassesFor(scene), vehicles ?? DEFAULT_VEHICLE_CODES);
  const groups = new Map<string, { widthM: number; codes: string[] }>();
  for (const v of wanted) {
    const key = String(v.widthM);
    const g = groups.get(key) ?? { widthM: v.widthM, codes: [] };
    if (!g.codes.includes(v.code)) g.codes.push(v.code);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.codes.length - a.codes.length || b.widthM - a.widthM).map((g) => g.codes);
}

/**
 * The expensive, pure part of `analyzeApproach`: the route of every asked class into every
 * target (scene order), keyed by class code. Classes already in `options.routes` are not searched
 * again. Progress is reported after each class; `signal` is checked before each.
 */
export function approachClassRoutes(scene: Scene, options: ApproachOptions = {}): ApproachRoutes {
  return routesOf(scene, options, prepare(scene, options));
}

/**
 * What each class's routes depend on, as text (a part shared by all classes and one per class code): the area, the starts and
 * targets, the obstacles that stop that class (in the scene's local frame, so a moved frame changes
 * it too), the class's whole row and the search options. Equal text → `approachClassRoutes` gives
 * the same routes (it is pure), so a caller may keep routes from an earlier run of an edited plan
 * whose edit left them alone (a camera moved, a rating changed: ratings only enter the verdicts,
 * assembled afresh each time). Routes are the same when both `shared` and the class's own text are:
 * the shared part (1.4 MB on the W2 district) is kept once, not per class.
 */
export function approachRouteKeys(scene: Scene, options: ApproachOptions = {}): { shared: string; byClass: Record<string, string> } {
  const p = prepare(scene, options);
  const { signal: _signal, ...routeOptions } = { ...DEFAULT_ROUTE_OPTIONS, ...options.route };
  // Every obstacle that can stop some class, once; a class's own list is this one without the
  // lines whose gap lets it through, so naming the lines it keeps fixes that list.
  const all = blockedObstacles(scene, p.frame, Infinity);
  const shared = JSON.stringify([p.area, starts(scene, p.frame, p.area), p.targets.map((t) => t.target), routeOptions, all]);
  const out: Record<string, string> = {};
  for (const vehicle of p.wanted) {
    const lines = closingLineIds(scene, vehicle.widthM);
    out[vehicle.code] = JSON.stringify([vehicle, lines]);
  }
  return { shared, byClass: out };
}

function routesOf(scene: Scene, options: ApproachOptions, p: Prepared): ApproachRoutes {
  const startPlaces = starts(scene, p.frame, p.area);
  const routeOptions: RouteOptions = { ...DEFAULT_ROUTE_OPTIONS, ...options.route, signal: options.signal };
  const out: ApproachRoutes = {};
  const graphs = new Map<string, ApproachGraph>();
  p.wanted.forEach((vehicle, i) => {
    if (options.signal?.aborted) throw abortError();
    const given = options.routes?.[vehicle.code];
    if (given) out[vehicle.code] = given;
    else {
      const obstacles = blockedObstacles(scene, p.frame, vehicle.widthM);
      out[vehicle.code] = approachRoutes({ area: p.area, obstacles, starts: startPlaces, targets: p.targets.map((t) => t.target) }, vehicle, routeOptions, graphs);
    }
    options.onProgress?.((i + 1) / p.wanted.length);
  });
  return out;
}

/**
 * Hostile vehicle approach (DESIGN.md "vehicle approach (HVM)"; hvm.md): for each vehicle class
 * and each crowd zone, site and barrier line, the route that reaches it fastest from a start at
 * rest, its speed profile, impact speed, energy and angle; then each barrier's verdict against
 * its crash rating and the TAL 1/11 gap rule. Output features are in WGS 84; the summary is
 * `summary.approach` of shared/spec/cli.md. Ordering: targets in scene order, classes in the
 * order asked for. Routes of classes given in `options.routes` (computed elsewhere by
 * `approachClassRoutes` on the same scene) are used as they are: the output is then byte-identical
 * to computing them here.
 */
export function analyzeApproach(scene: Scene, options: ApproachOptions = {}, progress?: (fraction: number) => void): ApproachAnalysis {
  const p = prepare(scene, options);
  const perClass = routesOf(scene, { ...options, onProgress: options.onProgress ?? progress }, p);
  return assemble(p, perClass);
}

/** The cheap part: features and summary from per-class routes, in the canonical order. */
function assemble({ frame, wanted, targets }: Prepared, perClass: ApproachRoutes): ApproachAnalysis {
  const protectedOutlines = targets.filter((t) => t.feature.properties.kind !== 'barrier').map((t) => t.target.outline);
  const features: SceneFeature[] = [];
  const summary: ApproachSummary = { results: [], barriers: [] };
  targets.forEach(({ target, feature }, ti) => {
    for (const vehicle of wanted) {
      const r = perClass[vehicle.code][ti];
      if (!r.arrival || !r.speedsMps) {
        summary.results.push({ target_id: target.id, vehicle: vehicle.code, reachable: false });
        continue;
      }
      const impactKmh = kmhFromMps(r.arrival.impactMps);
      const energyKj = kineticEnergyKj(vehicle.massKg, r.arrival.impactMps);
      summary.results.push({ target_id: target.id, vehicle: vehicle.code, reachable: true, impact_speed_kmh: impactKmh, energy_kj: energyKj, path_length_m: r.arrival.lengthM });
      features.push({
        type: 'Feature',
        id: `approach_path:${vehicle.code}:${target.id}`,
        geometry: { type: 'LineString', coordinates: r.arrival.path.map((p) => frame.toLonLat(p)) },
        properties: {
          kind: 'approach_path',
          vehicle: vehicle.code,
          target_id: target.id,
          impact_speed_kmh: impactKmh,
          speeds_kmh: r.speedsMps.map(kmhFromMps),
          length_m: r.arrival.lengthM,
          energy_kj: energyKj,
          impact_angle_deg: r.arrival.impactAngleDeg,
          mass_kg: vehicle.massKg,
        },
      });
    }
    if (feature.properties.kind !== 'barrier') return;
    barrierChecks(feature, target.outline.lines[0], wanted, perClass, ti, protectedOutlines, features, summary);
  });
  return { features, summary };
}

function barrierChecks(
  feature: SceneFeature,
  line: XY[],
  wanted: VehicleClass[],
  perClass: ApproachRoutes,
  ti: number,
  protectedOutlines: Outline[],
  features: SceneFeature[],
  summary: ApproachSummary,
): void {
  const stops = booleanProperty('barrier', feature.properties, 'stops_vehicles');
  const gapM = numberProperty('barrier', feature.properties, 'gap_m') ?? 0;
  // TAL 1/11 applies to vehicle-stopping lines; others have no gap rule.
  const okGap = !stops || gapOk(gapM);
  const { rating, error } = ratingOf(feature);
  const distanceM = protectedDistanceM(line, protectedOutlines);
  for (const vehicle of wanted) {
    const arrival = perClass[vehicle.code][ti].arrival;
    const impactKmh = arrival ? kmhFromMps(arrival.impactMps) : undefined;
    const through = stops && gapLetsThrough(gapM, vehicle.widthM);
    const v = stops || rating
      ? barrierVerdict({ vehicle, rating, impactSpeedKmh: impactKmh, gapLetsThrough: through, protectedDistanceM: distanceM })
      : { verdict: impactKmh === undefined ? ('not_reached' as const) : ('unrated' as const), reason: 'does not stop vehicles' };
    const props: Record<string, PropertyValue> = {
      kind: 'barrier_check',
      barrier_id: feature.id,
      vehicle: vehicle.code,
      required_speed_kmh: impactKmh ?? null,
      rated_speed_kmh: rating?.speed_kmh ?? null,
      verdict: v.verdict,
      reason: error ?? v.reason,
      gap_ok: okGap,
      gap_m: gapM,
    };
    if (through) props.gap_lets_through = vehicle.code;
    if (rating) props.rating = { ...rating };
    if (distanceM !== undefined) props.protected_distance_m = distanceM;
    features.push({ type: 'Feature', id: `barrier_check:${vehicle.code}:${feature.id}`, geometry: feature.geometry, properties: { ...props, kind: 'barrier_check' } });
    const entry: ApproachSummary['barriers'][number] = {
      barrier_id: feature.id,
      vehicle: vehicle.code,
      ...(impactKmh !== undefined ? { impact_speed_kmh: impactKmh } : {}),
      rating: rating ? { standard: rating.standard, vehicle: rating.vehicle, mass_kg: rating.mass_kg, speed_kmh: rating.speed_kmh, angle_deg: rating.angle_deg, penetration_m: rating.penetration_m } : null,
      verdict: v.verdict,
      gap_ok: okGap,
    };
    summary.barriers.push(entry);
  }
}

