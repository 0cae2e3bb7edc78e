import type { LocalFrame } from '../geometry/local-frame.js';
import type { SceneFeature } from '../scene/types.js';
import type { CameraView } from './camera-view.js';
import { cameraViewWithIndex } from './camera-view.js';
import type { CoverageIndex } from './coverage-index.js';
import { GAP_COLOUR } from './level-style.js';
import {
  atLeastTwoPaths,
  differencePaths,
  intersectPaths,
  lengthInsideM,
  pathLengthM,
  pathsAreaM2,
  pathsToPolygons,
  ringToPath,
  unionPaths,
  type Path,
  type Paths,
} from './polygon-ops.js';
import { pathsBox } from './sight-blockers.js';
import { polygonsToWgs84 } from './to-wgs84.js';

export interface ZoneCoverage {
  zone_id: string;
  /** Open ground of the zone: its area less buildings and sight-blocking obstacles, m². */
  area_m2: number;
  covered_m2: Record<string, number>;
  covered_pct: Record<string, number>;
  /** Open ground seen by at least two cameras at the Detect level, m². */
  k2_m2: number;
}

export interface PerimeterCoverage {
  id: string;
  length_m: number;
  covered_detect_m: number;
  covered_detect_pct: number;
}

/** Crowd zones, sites and polygon perimeters: the areas whose coverage is measured. */
export function isCoverageZone(f: SceneFeature): boolean {
  const k = f.properties.kind;
  const polygonal = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
  return polygonal && (k === 'crowd_zone' || k === 'site' || k === 'perimeter');
}

/**
 * Per zone and level: covered open ground (union of the views ∩ zone), its share, the gap
 * polygons (zone minus union) as coverage_gap features, and the area seen by ≥ 2 cameras at Detect
 * (cctv.md §5). Takes views already computed, so a drag can recompute one view and call this.
 */
export function zoneCoverage(index: CoverageIndex, views: CameraView[], zones: SceneFeature[], tick: () => void = () => {}): { rows: ZoneCoverage[]; gaps: SceneFeature[] } {
  const near = nearViews(views);
  const rows: ZoneCoverage[] = [];
  const gaps: SceneFeature[] = [];
  for (const z of zones) {
    tick();
    const ground = openGround(index, zonePaths(index.frame, z));
    const seen = near(pathsBox(ground));
    const areaM2 = pathsAreaM2(ground);
    const row: ZoneCoverage = { zone_id: z.id, area_m2: areaM2, covered_m2: {}, covered_pct: {}, k2_m2: 0 };
    index.levels.forEach((l, i) => {
      const parts = seen.flatMap((v) => v.levels[i].paths);
      const covered = pathsAreaM2(intersectPaths(ground, parts));
      row.covered_m2[l.name] = covered;
      row.covered_pct[l.name] = areaM2 > 0 ? (100 * covered) / areaM2 : 0;
      pathsToPolygons(differencePaths(ground, parts)).forEach((polygon, k) => {
        gaps.push({
          type: 'Feature',
          id: `${z.id}:gap:${l.name}:${k + 1}`,
          geometry: polygonsToWgs84(index.frame, [polygon]),
          properties: { kind: 'coverage_gap', zone_id: z.id, dori: l.name, area_m2: ringsAreaM2(polygon), fill: GAP_COLOUR, 'fill-opacity': 0.45, stroke: GAP_COLOUR, 'stroke-width': 1 },
        });
      });
    });
    row.k2_m2 = pathsAreaM2(atLeastTwoPaths(seen.map((v) => detectPaths(index, v)), ground));
    rows.push(row);
  }
  return { rows, gaps };
}

/** Per perimeter (line, or polygon outline) the length seen at Detect or better. */
export function perimeterCoverage(index: CoverageIndex, views: CameraView[], perimeters: SceneFeature[], tick: () => void = () => {}): PerimeterCoverage[] {
  const near = nearViews(views);
  const rows: PerimeterCoverage[] = [];
  for (const p of perimeters) {
    tick();
    const lines = perimeterLines(index.frame, p);
    if (!lines.length) continue;
    const lengthM = lines.reduce((s, l) => s + pathLengthM(l, false), 0);
    const seen = near(pathsBox(lines)).flatMap((v) => detectPaths(index, v));
    const coveredM = Math.min(lengthM, lengthInsideM(lines, seen));
    rows.push({ id: p.id, length_m: lengthM, covered_detect_m: coveredM, covered_detect_pct: lengthM > 0 ? (100 * coveredM) / lengthM : 0 });
  }
  return rows;
}

/** Views whose extent meets a box (mm): a linear filter, cheap beside the clipping it saves. */
function nearViews(views: CameraView[]): (box: number[]) => CameraView[] {
  const boxes = views.map((v) => pathsBox(v.levels.flatMap((l) => l.paths)));
  return (box) => views.filter((_, i) => boxesMeet(boxes[i], box));
}

/** The Detect-role view; recomputed when options.levels left that level out. */
function detectPaths(index: CoverageIndex, v: CameraView): Paths {
  const at = index.levels.findIndex((l) => l.name === index.detectLevel.name);
  if (at >= 0) return v.levels[at].paths;
  return cameraViewWithIndex({ ...index, levels: [index.detectLevel] }, v.camera).levels[0].paths;
}

function boxesMeet(a: number[], b: number[]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** A zone's polygons in mm, each normalised even-odd (ring orientation of the input does not matter). */
function zonePaths(frame: LocalFrame, f: SceneFeature): Paths {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const parts: Paths = [];
  for (const rings of polys) for (const item of evenOdd(rings.map((r) => ringToPath(r.map((p) => frame.toLocal(p)))))) parts.push(item);
  return unionPaths(parts);
}

function evenOdd(rings: Paths): Paths {
  // Clipper's union with the non-zero rule would fill a hole drawn with the outer's orientation;
  // XOR of the rings is the even-odd reading GeoJSON intends.
  let acc: Paths = [];
  for (const r of rings) acc = acc.length ? xorPaths(acc, [r]) : unionPaths([r]);
  return acc;
}

function xorPaths(a: Paths, b: Paths): Paths {
  const inA = differencePaths(a, b);
  const inB = differencePaths(b, a);
  return unionPaths([...inA, ...inB]);
}

/** The zone less buildings and sight-blocking obstacles: ground a camera could see at all. */
function openGround(index: CoverageIndex, zone: Paths): Paths {
  const { polygons, polygonIndex } = index.blockers;
  if (!zone.length || !polygonIndex) return zone;
  const b = pathsBox(zone);
  const hits = polygonIndex.search(b[0], b[1], b[2], b[3]);
  if (!hits.length) return zone;
  const blocked: Paths = [];
  for (const i of hits) for (const item of evenOdd(polygons[i].rings)) blocked.push(item);
  return differencePaths(zone, blocked);
}

/** A perimeter as open lines in mm: the LineString, or each ring of the outline closed. */
function perimeterLines(frame: LocalFrame, f: SceneFeature): Path[] {
  const g = f.geometry;
  const toPath = (line: readonly (readonly number[])[]) => ringToPath(line.map((p) => frame.toLocal(p)));
  if (g.type === 'LineString') return [toPath(g.coordinates)];
  const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  return rings.map((r) => {
    const closed = r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]) ? [...r, r[0]] : r;
    return toPath(closed);
  });
}

function ringsAreaM2(polygon: number[][][]): number {
  let s = 0;
  for (const ring of polygon) {
    let a = 0;
    for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    s += a / 2;
  }
  return Math.abs(s);
}

