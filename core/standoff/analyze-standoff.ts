import { airblast } from '../blast/kingery-bulmash.js';
import { analysisArea, clusteredDifference, drivableSpace, multiPolygonToPaths, type DrivableSpace } from '../drivable/index.js';
import { sceneFrame, type LocalFrame } from '../geometry/local-frame.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { resolveThreats, type Threat } from '../threats/threats.js';
import { bufferLine, intersection, offsetRegion, regionNear, union, type Region } from './polygon-ops.js';
import { parseRating } from '../ratings/parse-rating.js';
import { vehicleClassesFor } from '../vehicles/vehicle-classes-for.js';
import { regionDistanceM, regionLineDistanceM } from './region-distance.js';
import { bodyWithin } from './body-within.js';
import { featureRegion, regionGeometry } from './region-geometry.js';

/** One line of `summary.standoff.results` (shared/spec/cli.md). */
export interface StandoffResult {
  target_id: string;
  threat: string;
  /** Least distance from the space the threat can reach to the target's outline, m; null when it reaches nowhere. */
  achieved_m: number | null;
  /** The chart's mandatory evacuation distance, m. */
  required_m: number;
  ok: boolean;
  /** Kingery–Bulmash incident overpressure at the outline from the nearest reachable point, kPa; null out of range. */
  incident_kpa: number | null;
}

export interface StandoffNote {
  target_id?: string;
  threat?: string;
  feature_id?: string;
  message: string;
}

export type StandoffBreachFeature = SceneFeature<'standoff_breach'>;

export interface StandoffAnalysis {
  features: StandoffBreachFeature[];
  summary: { results: StandoffResult[] };
  /** Why a number is missing or what was assumed (out-of-range blast, unread ratings). */
  notes: StandoffNote[];
}

/**
 * Where a threat can be, in local metres: `centre` grown by `radiusM` (a vehicle's body is its
 * centre space grown by half its width), plus `extra` ground reached directly (penetration behind
 * rated barriers). Kept apart so distances need no growing: for a disc Minkowski sum,
 * dist(centre ⊕ disc(r), T) = max(0, dist(centre, T) − r) exactly. Hand-made polygons plug in as
 * `{ centre: polygons, radiusM: 0, extra: [] }`.
 */
export interface ReachableSpace {
  centre: Region;
  radiusM: number;
  extra: Region;
}

/** Least distance, m, from a reachable space to a target outline; Infinity when it reaches nowhere. */
export function reachableDistanceM(space: ReachableSpace, target: Region): number {
  const fromCentre = Math.max(0, regionDistanceM(space.centre, target) - space.radiusM);
  return Math.min(fromCentre, regionDistanceM(space.extra, target));
}

/**
 * The reachable ground within `distanceM` of the target: the breach of a required standoff. The
 * body space is grown only where the zone is (`bodyWithin`), from rings grown once per space.
 */
export function reachableWithin(space: ReachableSpace, target: Region, distanceM: number): Region {
  const zone = offsetRegion(target, distanceM);
  const body = space.radiusM > 0
    ? bodyWithin(space.centre, space.radiusM, zone, BREACH_ARC_TOLERANCE_M)
    : intersection(regionNear(space.centre, zone), zone);
  if (space.extra.length === 0) return body;
  const extra = intersection(regionNear(space.extra, zone), zone);
  return extra.length === 0 ? body : union(body, extra);
}

export interface StandoffOptions {
  /** Threat ids (threats.ts), `custom:<kg>[:<class>]`; all chart rows by default. */
  threats?: string[];
  /** Vehicle widths by class code, m, overriding the scene's `bulwark.vehicles` and the built-in table (core/vehicles). */
  vehicleWidthsM?: Record<string, number>;
}

export interface AnalysisProgress {
  onProgress?: (fraction: number) => void;
  signal?: { aborted: boolean };
}

/** A stopped vehicle's body is on the barrier when within this of the line (clipper arcs are 5 mm). */
const CONTACT_M = 0.05;
/** Breach polygons are drawn, not measured: their round joins may be 1 cm off the true arc. */
const BREACH_ARC_TOLERANCE_M = 0.01;

function abortError(): Error {
  const e = new Error('standoff analysis aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * Where a vehicle-borne device can be: the reachable centre space of the threat's vehicle class
 * (core/drivable: barriers, gaps and buildings respected) grown by half the width, plus, behind
 * every rated barrier that stops it and that its body reaches, the rated dynamic penetration
 * (scene-format.md "Measurement conventions"): the points within the penetration of both the
 * barrier line and the body. An unrated barrier, wall or building stops it with no penetration.
 */
export function vehicleReachableSpace(space: DrivableSpace, scene: Scene, notes: StandoffNote[]): ReachableSpace {
  const centre: Region = space.reachableCentre;
  const r = space.vehicleWidthM / 2;
  const extensions: Region[] = [];
  const byId = new Map(scene.features.map((f) => [f.id, f]));
  for (const o of space.obstacles) {
    if (o.shape !== 'line') continue;
    const rating = byId.get(o.featureId)?.properties.rating;
    if (typeof rating !== 'string' || rating.trim() === '') continue;
    let penetrationM: number | null;
    try {
      penetrationM = parseRating(rating).penetration_m;
    } catch (e) {
      notes.push({ feature_id: o.featureId, message: `barrier ${o.featureId}: ${(e as Error).message}; taken as stopping with no penetration` });
      continue;
    }
    if (regionLineDistanceM(centre, [o.line]) > r + CONTACT_M) continue;
    if (penetrationM === null) {
      notes.push({ feature_id: o.featureId, message: `barrier ${o.featureId}: rating "${rating}" bounds no penetration; standoff measured at the barrier line (optimistic)` });
      continue;
    }
    if (penetrationM <= 0) continue;
    // The body near this line only: centre within r + penetration of it, grown by r.
    const reach = bufferLine(o.line, penetrationM);
    const lineWindow = bufferLine(o.line, r + penetrationM + 2 * CONTACT_M);
    const nearCentre = intersection(regionNear(centre, lineWindow), lineWindow);
    extensions.push(intersection(reach, offsetRegion(nearCentre, r + penetrationM + CONTACT_M)));
  }
  return { centre, radiusM: r, extra: extensions.length > 0 ? union(...extensions) : [] };
}

/** A closed perimeter as a region: Polygon perimeters, and LineStrings whose ends meet. */
function closedPerimeterRegion(f: SceneFeature, frame: LocalFrame): Region {
  if (f.geometry.type === 'Polygon') return featureRegion(f, frame);
  if (f.geometry.type === 'LineString') {
    const c = f.geometry.coordinates;
    const first = c[0];
    const last = c[c.length - 1];
    if (c.length >= 4 && first[0] === last[0] && first[1] === last[1]) return union([[c.map((p) => frame.toLocal(p))]]);
  }
  return [];
}

/**
 * Where a person-borne device can be: the public space of the analysis area outside every
 * `screening` perimeter and outside buildings; the whole area when nothing is screened.
 */
export function personReachableSpace(scene: Scene, frame: LocalFrame): ReachableSpace {
  const area: Region = analysisArea(scene, frame);
  const screened: Region[] = [];
  const buildings: Region[] = [];
  for (const f of scene.features) {
    if (f.properties.kind === 'perimeter' && f.properties.perimeter_type === 'screening') screened.push(closedPerimeterRegion(f, frame));
    if (f.properties.kind === 'building') buildings.push(featureRegion(f, frame));
  }
  // Buildings and screened areas that do not meet are differenced one cluster at a time (fast on a district).
  const closedOff = [...screened, ...buildings].flatMap((region) => region.map((polygon) => multiPolygonToPaths([polygon])));
  return { centre: closedOff.length > 0 ? clusteredDifference(multiPolygonToPaths(area), closedOff) : area, radiusM: 0, extra: [] };
}

/**
 * The incident overpressure at the target, kPa, or null with one note saying why. Reaching the
 * outline itself (standoff 0, Z = 0) gets one plain notice rather than the fit's range error: the
 * planner needs to hear that the threat touches the target, not about scaled distances.
 */
function incidentAt(distanceM: number, threat: Threat, target: SceneFeature, notes: StandoffNote[]): number | null {
  if (distanceM === 0) {
    const name = target.properties.name;
    const label = typeof name === 'string' && name.trim() !== '' ? `${name} (${target.id})` : target.id;
    notes.push({
      target_id: target.id,
      threat: threat.id,
      message: `a ${threat.name.toLowerCase()} threat can reach the outline of ${label}: achieved standoff 0 m (required ${threat.mandatoryM} m); no overpressure figure at the outline`,
    });
    return null;
  }
  const blast = airblast(distanceM, threat.tntKg);
  if (blast.incidentKpa === null) notes.push({ target_id: target.id, threat: threat.id, message: `${threat.name}: ${blast.outOfRange[0]}` });
  return blast.incidentKpa;
}

/**
 * Achieved standoff of every site and crowd zone against each threat: the least distance from the
 * space the threat can reach to the target's outline (exact, between polygon boundaries; 0 when the
 * threat can reach the target itself), against the NCTC mandatory evacuation distance
 * (blast-standoff.md §1, §5: UFC measures from the closest point of the building to the closest
 * edge of the reachable ground). Adds the Kingery–Bulmash incident overpressure at that distance
 * (§2) and `standoff_breach` polygons: the reachable ground closer than required.
 */
export function analyzeStandoff(scene: Scene, options: StandoffOptions = {}, progress: AnalysisProgress = {}): StandoffAnalysis {
  const frame = sceneFrame(scene);
  const threats = resolveThreats(options.threats);
  const targets = scene.features.filter((f) => f.properties.kind === 'site' || f.properties.kind === 'crowd_zone');
  const notes: StandoffNote[] = [];
  const results: StandoffResult[] = [];
  const features: StandoffBreachFeature[] = [];

  const classes = vehicleClassesFor(scene);
  const widthOf = (code: string): number => {
    const given = options.vehicleWidthsM?.[code];
    if (given !== undefined) {
      if (!(given > 0)) throw new Error(`vehicle ${code}: width must be a positive number of metres, got ${given}`);
      return given;
    }
    const row = classes.find((c) => c.code === code);
    if (!row) throw new Error(`threat vehicle class ${code} is not a known vehicle class (add it to bulwark.vehicles)`);
    return row.widthM;
  };
  // One reachable space per vehicle width (the drivable space and the rated penetrations depend on
  // nothing else), shared by every target and by every threat whose carrier has that width.
  const spaces = new Map<string, ReachableSpace>();
  const reachableFor = (threat: Threat): ReachableSpace => {
    const widthM = threat.carrier === 'person' ? 0 : widthOf(threat.vehicleClass!);
    const key = threat.carrier === 'person' ? 'person' : `vehicle:${widthM}`;
    let space = spaces.get(key);
    if (!space) {
      space = threat.carrier === 'person' ? personReachableSpace(scene, frame) : vehicleReachableSpace(drivableSpace(scene, { widthM }, frame), scene, notes);
      spaces.set(key, space);
    }
    return space;
  };

  const total = Math.max(1, targets.length * threats.length);
  let step = 0;
  for (const target of targets) {
    const outline = featureRegion(target, frame);
    for (const threat of threats) {
      if (progress.signal?.aborted) throw abortError();
      const reach = reachableFor(threat);
      const d = reachableDistanceM(reach, outline);
      const achieved = Number.isFinite(d) ? d : null;
      const required = threat.mandatoryM;
      results.push({
        target_id: target.id,
        threat: threat.id,
        achieved_m: achieved,
        required_m: required,
        ok: achieved === null || achieved >= required,
        incident_kpa: achieved === null ? null : incidentAt(achieved, threat, target, notes),
      });
      if (achieved !== null && achieved < required) {
        const breach = regionGeometry(reachableWithin(reach, outline, required), frame);
        if (breach) {
          features.push({
            type: 'Feature',
            id: `breach:${target.id}:${threat.id}`,
            geometry: breach,
            properties: { kind: 'standoff_breach', threat: threat.id, target_id: target.id, achieved_m: achieved, required_m: required },
          });
        }
      }
      progress.onProgress?.(++step / total);
    }
  }
  // A barrier note comes once per vehicle width that reaches it: say it once.
  const seen = new Set<string>();
  const uniqueNotes = notes.filter((n) => {
    const key = JSON.stringify([n.target_id, n.threat, n.feature_id, n.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { features, summary: { results }, notes: uniqueNotes };
}

