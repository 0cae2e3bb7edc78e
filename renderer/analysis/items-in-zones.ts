import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import type { Threat } from '../../core/threats/threats.js';

/** The kinds an advisor clears or warns around a suspicious item. */
export const EXPOSED_KINDS = ['crowd_zone', 'site', 'building'] as const;
export type ExposedKind = (typeof EXPOSED_KINDS)[number];

export interface ExposedFeature {
  id: string;
  kind: ExposedKind;
  /** Its `name`, else its id. */
  name: string;
  /** Shortest distance from the item to the feature (0 when the item is on or inside it), m. */
  distanceM: number;
  /** Every vertex lies within the zone's outer distance (the whole feature is in it). */
  whole: boolean;
}

export interface ItemExposure {
  /** Features any part of which lies within the mandatory distance: everyone there evacuates. */
  evacuate: ExposedFeature[];
  /** Features reaching into the shelter annulus (within the preferred distance, not the mandatory). */
  shelter: ExposedFeature[];
}

/** Metres per degree of latitude, generous (the bounding-box prefilter only must not miss). */
const M_PER_DEG = 110_000;

function bboxOf(f: SceneFeature): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const g = f.geometry;
  const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  for (const r of rings)
    for (const p of r) {
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    }
  return [x0, y0, x1, y1];
}

function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Even-odd crossing test: holes count, so an item in a courtyard is outside the building. */
function inside(p: XY, rings: readonly XY[][]): boolean {
  let odd = false;
  for (const r of rings)
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      if (r[i][1] > p[1] !== r[j][1] > p[1] && p[0] < ((r[j][0] - r[i][0]) * (p[1] - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0]) odd = !odd;
    }
  return odd;
}

/**
 * A quick local plane around the item: metres per degree from the WGS 84 radii of curvature at
 * its latitude (meridian M = a(1−e²)/(1−e²sin²φ)^1.5, prime vertical N = a/(1−e²sin²φ)^0.5).
 * Within the 2.8 km of the largest chart ring its distances differ from the transverse-Mercator
 * frame's by well under 0.1 %; features that close to a zone edge are measured again exactly.
 */
function quickPlane(lonLat: readonly [number, number]): (p: readonly number[]) => XY {
  const a = 6378137;
  const e2 = 0.00669437999014;
  const phi = (lonLat[1] * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const mPerDegLat = ((a * (1 - e2)) / w ** 1.5) * (Math.PI / 180);
  const mPerDegLon = (a / Math.sqrt(w)) * Math.cos(phi) * (Math.PI / 180);
  return (p) => [(p[0] - lonLat[0]) * mPerDegLon, (p[1] - lonLat[1]) * mPerDegLat];
}

/** Relative margin around a zone edge inside which the quick plane's answer is re-measured exactly. */
const EXACT_MARGIN = 0.005;

/** Nearest and farthest distance from the item (at the frame's origin) to a polygon feature, m. */
function distances(f: SceneFeature, toLocal: (p: readonly number[]) => XY): { near: number; far: number } {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const o: XY = [0, 0];
  let near = Infinity;
  let far = 0;
  for (const polygon of polygons) {
    const rings = polygon.map((r) => r.map(toLocal));
    if (inside(o, rings)) near = 0;
    for (const r of rings)
      for (let i = 0; i < r.length; i++) {
        far = Math.max(far, Math.hypot(r[i][0], r[i][1]));
        if (i > 0) near = Math.min(near, segmentDistance(o, r[i - 1], r[i]));
      }
  }
  return { near, far };
}

/**
 * Which crowd zones, sites and buildings a suspicious item's zones reach (NCTC chart semantics,
 * blast-standoff.md §1: inside the mandatory distance "all personnel must evacuate (inside of
 * buildings and out)"; out to the preferred distance people shelter inside). A feature counts
 * when any part of it lies within the distance, since the people in that part are exposed.
 * Distances in a local frame centred on the item (transverse Mercator, exact near it, for every
 * feature near a zone edge; a quick plane for the rest); nearest first.
 */
export function itemsInZones(scene: Pick<Scene, 'features'> | null, lonLat: readonly [number, number], threat: Threat): ItemExposure {
  const out: ItemExposure = { evacuate: [], shelter: [] };
  if (!scene) return out;
  const quick = quickPlane(lonLat);
  let frame: ReturnType<typeof localFrame> | null = null;
  const edges = [threat.mandatoryM, threat.preferredM];
  const nearEdge = (d: number) => edges.some((e) => Math.abs(d - e) <= EXACT_MARGIN * e);
  // Cheap degree box first: a project may hold tens of thousands of buildings.
  const dLat = threat.preferredM / M_PER_DEG;
  const dLon = dLat / Math.max(0.01, Math.cos((lonLat[1] * Math.PI) / 180));
  for (const f of scene.features) {
    const kind = f.properties.kind;
    if (kind !== 'crowd_zone' && kind !== 'site' && kind !== 'building') continue;
    const b = bboxOf(f);
    if (b[0] > lonLat[0] + dLon || b[2] < lonLat[0] - dLon || b[1] > lonLat[1] + dLat || b[3] < lonLat[1] - dLat) continue;
    let { near, far } = distances(f, quick);
    if (nearEdge(near) || nearEdge(far)) ({ near, far } = distances(f, (frame ??= localFrame(lonLat)).toLocal));
    if (near > threat.preferredM) continue;
    const name = typeof f.properties.name === 'string' && f.properties.name ? f.properties.name : f.id;
    if (near <= threat.mandatoryM) out.evacuate.push({ id: f.id, kind, name, distanceM: near, whole: far <= threat.mandatoryM });
    else out.shelter.push({ id: f.id, kind, name, distanceM: near, whole: far <= threat.preferredM });
  }
  const byDistance = (a: ExposedFeature, b: ExposedFeature) => a.distanceM - b.distanceM || a.id.localeCompare(b.id);
  out.evacuate.sort(byDistance);
  out.shelter.sort(byDistance);
  return out;
}
