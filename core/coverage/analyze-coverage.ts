import type { LocalFrame } from '../geometry/local-frame.js';
import type { Scene, SceneFeature } from '../scene/types.js';
import { cameraViewFeatures, cameraViewWithIndex, type CameraView } from './camera-view.js';
import { prepareCoverageIndex, type CoverageIndex, type CoverageOptions } from './coverage-index.js';
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

export interface CameraCoverage {
  camera_id: string;
  view_m2: Record<string, number>;
}

export interface PerimeterCoverage {
  id: string;
  length_m: number;
  covered_detect_m: number;
  covered_detect_pct: number;
}

/** `summary.coverage` of shared/spec/cli.md, plus perimeters. */
export interface CoverageSummary {
  zones: ZoneCoverage[];
  cameras: CameraCoverage[];
  perimeters: PerimeterCoverage[];
}

export interface CoverageFinding {
  severity: 'error' | 'warning';
  featureId?: string;
  message: string;
}

export interface CoverageResult {
  features: SceneFeature[];
  summary: CoverageSummary;
  /** Cameras that could not be analysed or see nothing, features skipped, with the reason. */
  findings: CoverageFinding[];
}

export interface AnalysisProgress {
  onProgress?: (fraction: number) => void;
  signal?: { aborted: boolean };
}

function abortError(): Error {
  const e = new Error('coverage analysis aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * Camera coverage of a scene (DESIGN.md "camera coverage"): per camera and DORI level the view
 * polygon; per crowd zone, site and polygon perimeter the covered and uncovered (gap) open ground
 * per level and the area seen by ≥ 2 cameras at Detect (k-coverage, cctv.md §5); per perimeter
 * line or outline the length covered at Detect or better. Features in WGS 84, sorted by kind,
 * owner id and level; the same input gives byte-identical output.
 */
export function analyzeCoverage(scene: Scene, options: CoverageOptions = {}, progress: AnalysisProgress = {}): CoverageResult {
  const index = prepareCoverageIndex(scene, options);
  const findings: CoverageFinding[] = index.blockers.skipped.map((s) => ({ severity: 'warning', featureId: s.featureId, message: s.message }));
  const cameraFeatures = scene.features.filter((f) => f.properties.kind === 'camera');
  const zones = scene.features.filter(isZone);
  const perimeters = scene.features.filter((f) => f.properties.kind === 'perimeter');
  const steps = cameraFeatures.length + zones.length + perimeters.length || 1;
  let done = 0;
  const tick = () => {
    if (progress.signal?.aborted) throw abortError();
    progress.onProgress?.(done++ / steps);
  };

  const views: CameraView[] = [];
  for (const f of cameraFeatures) {
    tick();
    try {
      const v = cameraViewWithIndex(index, f);
      if (v.warning) findings.push({ severity: 'warning', featureId: f.id, message: v.warning });
      views.push(v);
    } catch (e) {
      findings.push({ severity: 'error', featureId: f.id, message: (e as Error).message.replace(`feature ${f.id}: `, '') });
    }
  }
  const viewBoxes = views.map((v) => pathsBox(v.levels.flatMap((l) => l.paths)));
  const detectAt = index.levels.findIndex((l) => l.name === index.detectLevel.name);
  const detectViews = (v: CameraView): Paths => (detectAt >= 0 ? v.levels[detectAt].paths : detectPaths(index, v));
  const near = (box: number[]) => views.filter((_, i) => boxesMeet(viewBoxes[i], box));

  const features: SceneFeature[] = [];
  for (const v of views) features.push(...cameraViewFeatures(index, v));

  const zoneRows: ZoneCoverage[] = [];
  for (const z of zones) {
    tick();
    const ground = openGround(index, zonePaths(index.frame, z));
    const box = pathsBox(ground);
    const seen = near(box);
    const areaM2 = pathsAreaM2(ground);
    const row: ZoneCoverage = { zone_id: z.id, area_m2: areaM2, covered_m2: {}, covered_pct: {}, k2_m2: 0 };
    index.levels.forEach((l, i) => {
      const parts = seen.flatMap((v) => v.levels[i].paths);
      const covered = pathsAreaM2(intersectPaths(ground, parts));
      row.covered_m2[l.name] = covered;
      row.covered_pct[l.name] = areaM2 > 0 ? (100 * covered) / areaM2 : 0;
      const gaps = pathsToPolygons(differencePaths(ground, parts));
      gaps.forEach((polygon, k) => {
        features.push({
          type: 'Feature',
          id: `${z.id}:gap:${l.name}:${k + 1}`,
          geometry: polygonsToWgs84(index.frame, [polygon]),
          properties: { kind: 'coverage_gap', zone_id: z.id, dori: l.name, area_m2: ringsAreaM2(polygon), fill: GAP_COLOUR, 'fill-opacity': 0.45, stroke: GAP_COLOUR, 'stroke-width': 1 },
        });
      });
    });
    row.k2_m2 = pathsAreaM2(atLeastTwoPaths(seen.map(detectViews), ground));
    zoneRows.push(row);
  }

  const perimeterRows: PerimeterCoverage[] = [];
  for (const p of perimeters) {
    tick();
    const lines = perimeterLines(index.frame, p);
    if (!lines.length) continue;
    const lengthM = lines.reduce((s, l) => s + pathLengthM(l, false), 0);
    const seen = near(pathsBox(lines)).flatMap(detectViews);
    const coveredM = Math.min(lengthM, lengthInsideM(lines, seen));
    perimeterRows.push({ id: p.id, length_m: lengthM, covered_detect_m: coveredM, covered_detect_pct: lengthM > 0 ? (100 * coveredM) / lengthM : 0 });
  }

  progress.onProgress?.(1);
  features.sort(compareFeatures(index));
  return {
    features,
    summary: {
      zones: zoneRows,
      cameras: views.map((v) => ({ camera_id: v.camera.id, view_m2: Object.fromEntries(v.levels.map((l) => [l.dori, l.areaM2])) })),
      perimeters: perimeterRows,
    },
    findings,
  };
}

function isZone(f: SceneFeature): boolean {
  const k = f.properties.kind;
  const polygonal = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
  return polygonal && (k === 'crowd_zone' || k === 'site' || k === 'perimeter');
}

/** The Detect-level view when options.levels left Detect out: recompute with the index's levels. */
function detectPaths(index: CoverageIndex, v: CameraView): Paths {
  const withDetect = { ...index, levels: [index.detectLevel] };
  return cameraViewWithIndex(withDetect, v.camera).levels[0].paths;
}

function boxesMeet(a: number[], b: number[]): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** A zone's polygons in mm, each normalised even-odd (ring orientation of the input does not matter). */
function zonePaths(frame: LocalFrame, f: SceneFeature): Paths {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const parts: Paths = [];
  for (const rings of polys) parts.push(...evenOdd(rings.map((r) => ringToPath(r.map((p) => frame.toLocal(p))))));
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
  for (const i of hits) blocked.push(...evenOdd(polygons[i].rings));
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

function compareFeatures(index: CoverageIndex) {
  const order = new Map(index.levels.map((l, i) => [l.name, i]));
  const key = (f: SceneFeature) => {
    const p = f.properties;
    const owner = String(p.kind === 'camera_view' ? p.camera_id : p.zone_id);
    return { kind: p.kind, owner, level: order.get(String(p.dori)) ?? 99, area: Number(p.area_m2) };
  };
  return (a: SceneFeature, b: SceneFeature) => {
    const x = key(a);
    const y = key(b);
    if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
    if (x.owner !== y.owner) return x.owner < y.owner ? -1 : 1;
    if (x.level !== y.level) return x.level - y.level;
    if (x.area !== y.area) return y.area - x.area;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
