import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localFrame, type LocalFrame, type XY } from '../../core/geometry/local-frame.js';
import type { ApproachAnalysis, ApproachSummary } from '../../core/approach/analyze-approach.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import type { VehicleClass } from '../../core/vehicles/vehicle-classes.js';
import type { Scene, SceneFeature, SceneProperties } from '../../core/scene/types.js';
import { osmBuildingsScene } from './osm-buildings.js';

// A reviewer's checks of the vehicle approach (issue #4 "How it will be checked") on real street
// layouts: scenes cut from the OSM Monaco extract, and checks that use only the scene, the output
// and the kinematics of hvm.md §1 — never the analysis's own geometry code.

const here = dirname(fileURLToPath(import.meta.url));

/** A window of Monaco: buildings from OSM (GDAL), a square analysis area, local metres round `centre`. */
export interface MonacoWindow {
  scene: Scene;
  frame: LocalFrame;
  /** Local square half-side, m. */
  halfM: number;
}

export function monacoWindow(centre: XY, halfM: number, name: string): MonacoWindow {
  const frame = localFrame(centre);
  const [w, s] = frame.toLonLat([-halfM * 1.15, -halfM * 1.15]);
  const [e, n] = frame.toLonLat([halfM * 1.15, halfM * 1.15]);
  const { scene } = osmBuildingsScene([w, s, e, n]);
  scene.bulwark.name = `Monaco ${name} (OSM)`;
  scene.features.unshift(localFeature(frame, 'area', { kind: 'analysis_area' }, { type: 'Polygon', coordinates: [rect(-halfM, -halfM, halfM, halfM)] }));
  return { scene, frame, halfM };
}

export const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** A regular polygon round (x, y) (closed), for zones and obstacle blocks. */
export function disc(x: number, y: number, r: number, n = 8): XY[] {
  const pts: XY[] = [];
  for (let i = 0; i < n; i++) pts.push([x + r * Math.cos((2 * Math.PI * i) / n), y + r * Math.sin((2 * Math.PI * i) / n)]);
  return [...pts, pts[0]];
}

type LocalGeometry = { type: 'Polygon'; coordinates: XY[][] } | { type: 'LineString'; coordinates: XY[] } | { type: 'Point'; coordinates: XY };

/** A scene feature drawn in local metres. */
export function localFeature(frame: LocalFrame, id: string, properties: SceneProperties, g: LocalGeometry): SceneFeature {
  const ll = (p: XY) => frame.toLonLat(p) as number[];
  const geometry =
    g.type === 'Point' ? { type: 'Point' as const, coordinates: ll(g.coordinates) }
    : g.type === 'LineString' ? { type: 'LineString' as const, coordinates: g.coordinates.map(ll) }
    : { type: 'Polygon' as const, coordinates: g.coordinates.map((r) => r.map(ll)) };
  return { type: 'Feature', id, properties, geometry } as SceneFeature;
}

/** The scene with more features (a copy; the input is untouched). */
export function withFeatures(scene: Scene, more: SceneFeature[]): Scene {
  return { ...scene, features: [...scene.features, ...more] };
}

/** Metres a vehicle needs to go from u to v (m/s) under its class's a(v) or constant a: ∫ v / a(v) dv (hvm.md §3). */
export function runUpDistanceM(vehicle: VehicleClass, u: number, v: number): number {
  if (v <= u) return 0;
  const curve = vehicle.accelCurve;
  if (!curve || curve.length === 0) return (v * v - u * u) / (2 * vehicle.accelMps2);
  const pts = curve.map(([kmh, a]) => [kmh / 3.6, a] as const).sort((p, q) => p[0] - q[0]);
  const accel = (s: number): number => {
    if (s <= pts[0][0]) return pts[0][1];
    for (let i = 1; i < pts.length; i++) if (s <= pts[i][0]) return pts[i - 1][1] + ((s - pts[i - 1][0]) / (pts[i][0] - pts[i - 1][0])) * (pts[i][1] - pts[i - 1][1]);
    return pts[pts.length - 1][1];
  };
  // Simpson's rule on 2000 steps: plenty for a piecewise-linear a(v) bounded away from 0.
  const n = 2000;
  const dv = (v - u) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const s = u + i * dv;
    sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * (s / accel(s));
  }
  return (sum * dv) / 3;
}

/** Outline segments of a target feature in local metres. */
function targetSegments(f: SceneFeature, frame: LocalFrame): [XY, XY][] {
  const g = f.geometry;
  const lines: number[][][] = g.type === 'LineString' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  const segs: [XY, XY][] = [];
  for (const l of lines) for (let i = 0; i + 1 < l.length; i++) segs.push([frame.toLocal(l[i]), frame.toLocal(l[i + 1])]);
  return segs;
}

/**
 * Kinematic problems of every approach path (hvm.md §1): starts at rest; no leg gains more than
 * the class can (v² ≤ u² + 2·a·L, or the a(v) curve's run-up distance ≤ L) nor loses more than its
 * brakes allow (u² − v² ≤ 2·b·L); never above top speed;
 * impact = last vertex speed = summary; energy = ½·m·v²; impact angle = angle between the last leg
 * and the outline at the contact (perpendicular to the contact normal); length = sum of the legs.
 */
export function kinematicProblems(scene: Scene, frame: LocalFrame, res: ApproachAnalysis): string[] {
  const classes = vehicleClassesFor(scene);
  const byId = new Map(scene.features.map((f) => [f.id, f]));
  const out: string[] = [];
  for (const f of res.features) {
    const p = f.properties;
    if (p.kind !== 'approach_path') continue;
    const name = `${p.vehicle} -> ${p.target_id}`;
    const v = classes.find((c) => c.code === p.vehicle)!;
    const pts = (f.geometry.coordinates as number[][]).map((q) => frame.toLocal(q));
    const speeds = (p.speeds_kmh as number[]).map((k) => k / 3.6);
    if (speeds.length !== pts.length) out.push(`${name}: ${speeds.length} speeds for ${pts.length} vertices`);
    if (speeds[0] !== 0) out.push(`${name}: starts at ${speeds[0] * 3.6} km/h, not at rest`);
    let length = 0;
    for (let i = 0; i + 1 < pts.length; i++) {
      const L = Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
      length += L;
      const need = runUpDistanceM(v, speeds[i], speeds[i + 1]);
      // An a(v) curve is integrated numerically here and in the analysis: 1e-4 relative allowed.
      const slack = v.accelCurve?.length ? 1e-4 : 1e-6;
      if (need > L * (1 + slack) + 1e-6) out.push(`${name}: leg ${i} gains ${(speeds[i] * 3.6).toFixed(3)} → ${(speeds[i + 1] * 3.6).toFixed(3)} km/h in ${L.toFixed(3)} m, needs ${need.toFixed(3)} m (${(((need - L) / L) * 100).toExponential(2)} %)`);
      // Braking: no harder than the class's brake_mps2 (scene-format.md, default 7 m/s²).
      if (speeds[i] ** 2 - speeds[i + 1] ** 2 > 2 * v.brakeMps2 * L * (1 + 1e-6) + 1e-6) out.push(`${name}: leg ${i} brakes ${(speeds[i] * 3.6).toFixed(3)} → ${(speeds[i + 1] * 3.6).toFixed(3)} km/h in ${L.toFixed(3)} m, beyond ${v.brakeMps2} m/s²`);
      if (speeds[i + 1] * 3.6 > v.topSpeedKmh * (1 + 1e-12)) out.push(`${name}: ${speeds[i + 1] * 3.6} km/h above top speed ${v.topSpeedKmh}`);
    }
    const impact = p.impact_speed_kmh as number;
    if (Math.abs(speeds[speeds.length - 1] * 3.6 - impact) > 1e-9 * Math.max(1, impact)) out.push(`${name}: last vertex ${speeds[speeds.length - 1] * 3.6} km/h ≠ impact ${impact}`);
    const kj = (0.5 * v.massKg * (impact / 3.6) ** 2) / 1000;
    if (Math.abs((p.energy_kj as number) - kj) > 1e-9 * Math.max(1, kj)) out.push(`${name}: energy ${p.energy_kj} kJ ≠ ½mv² = ${kj}`);
    if (Math.abs((p.length_m as number) - length) > 1e-3 + 1e-6 * length) out.push(`${name}: length ${p.length_m} ≠ sum of legs ${length}`);
    const s = summaryOf(res.summary, p.target_id as string, p.vehicle as string);
    if (!s?.reachable || Math.abs(s.impact_speed_kmh - impact) > 0 || Math.abs(s.energy_kj - (p.energy_kj as number)) > 0) out.push(`${name}: summary disagrees with the path feature`);
    // Impact angle: the last leg against the outline at the contact, i.e. against the line
    // perpendicular to the contact normal (contact point − nearest outline point). Along an edge
    // that normal is the edge's; at an outline vertex it lies between the two edges' normals.
    const a = pts[pts.length - 2], b = pts[pts.length - 1];
    const dx = b[0] - a[0], dy = b[1] - a[1], dl = Math.hypot(dx, dy);
    const target = byId.get(p.target_id as string)!;
    let best = Infinity;
    let q: XY = b;
    for (const [q0, q1] of targetSegments(target, frame)) {
      const c = closestOnSegment(b, q0, q1);
      const d = Math.hypot(b[0] - c[0], b[1] - c[1]);
      if (d < best) { best = d; q = c; }
    }
    const nx = (b[0] - q[0]) / best, ny = (b[1] - q[1]) / best;
    const expected = (Math.asin(Math.min(1, Math.abs(dx * nx + dy * ny) / dl)) * 180) / Math.PI;
    const given = p.impact_angle_deg as number;
    if (!(Math.abs(given - expected) <= 0.5)) out.push(`${name}: impact angle ${given.toFixed(2)}° but the last leg meets the outline at the contact at ${expected.toFixed(2)}°`);
  }
  return out;
}

function closestOnSegment(p: XY, a: XY, b: XY): XY {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return [a[0] + t * dx, a[1] + t * dy];
}

export function summaryOf(s: ApproachSummary, target: string, vehicle: string) {
  return s.results.find((r) => r.target_id === target && r.vehicle === vehicle);
}

export interface GeosPath {
  vehicle: string; target: string; half_m: number; building_m: number; obstacle_m: number; closed_line_m: number;
  inside: boolean; early_target_m: number; end_target_m: number; length_m: number; vertices: number;
}

/** The GEOS review (approach_review_geos.py) of every approach path: clearances, closed lines, area, contact. */
export function geosReview(scene: Scene, res: ApproachAnalysis, dir = mkdtempSync(join(tmpdir(), 'bulwark-approach-review-'))): { paths: GeosPath[]; problems: string[] } {
  const widths = Object.fromEntries(vehicleClassesFor(scene).map((v) => [v.code, v.widthM]));
  writeFileSync(join(dir, 'scene.geojson'), JSON.stringify(scene));
  writeFileSync(join(dir, 'result.geojson'), JSON.stringify({ type: 'FeatureCollection', features: res.features }));
  const r = spawnSync('/usr/bin/python3', [join(here, 'approach_review_geos.py'), join(dir, 'scene.geojson'), join(dir, 'result.geojson'), JSON.stringify(widths)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`approach_review_geos.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { paths: GeosPath[]; problems: string[] };
}

/**
 * Monotonicity (issue #4 §3): after adding barriers or obstacles, no target of `before` may be
 * reached faster (1e-9 relative), and none unreachable before may become reachable. Targets that
 * exist only in `after` (an added barrier line is a target too) are not compared.
 */
export function impactRises(before: ApproachSummary, after: ApproachSummary): string[] {
  const out: string[] = [];
  for (const b of before.results) {
    const a = summaryOf(after, b.target_id, b.vehicle);
    if (!a) { out.push(`${b.vehicle} -> ${b.target_id}: missing after`); continue; }
    if (!a.reachable) continue;
    if (!b.reachable) out.push(`${b.vehicle} -> ${b.target_id}: unreachable before, ${a.impact_speed_kmh.toFixed(3)} km/h after`);
    else if (a.impact_speed_kmh > b.impact_speed_kmh * (1 + 1e-9)) out.push(`${b.vehicle} -> ${b.target_id}: ${b.impact_speed_kmh.toFixed(6)} → ${a.impact_speed_kmh.toFixed(6)} km/h (+${(((a.impact_speed_kmh - b.impact_speed_kmh) / b.impact_speed_kmh) * 100).toFixed(3)} %)`);
  }
  return out;
}

/**
 * The turns review (approach_turns_geos.py): bends that no line of the class's tightest curvature
 * can drive clear of the buildings at the reported speed (a necessary condition, hvm.md §1).
 */
export function turnReview(scene: Scene, res: ApproachAnalysis, options: { bisect?: boolean; dir?: string } = {}): { turns: number; problems: string[] } {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bulwark-approach-turns-'));
  const classes = Object.fromEntries(
    vehicleClassesFor(scene).map((v) => [
      v.code,
      {
        half_m: v.widthM / 2,
        lateral_g: v.lateralG,
        min_turn_radius_m: v.minTurnRadiusM,
        // With an a(v) curve, its highest a: the loosest bound on the speed before a bend.
        accel_mps2: Math.max(v.accelMps2, ...(v.accelCurve ?? []).map(([, a]) => a)),
        brake_mps2: v.brakeMps2,
      },
    ]),
  );
  writeFileSync(join(dir, 'scene.geojson'), JSON.stringify(scene));
  writeFileSync(join(dir, 'result.geojson'), JSON.stringify({ type: 'FeatureCollection', features: res.features }));
  const r = spawnSync('/usr/bin/python3', [join(here, 'approach_turns_geos.py'), join(dir, 'scene.geojson'), join(dir, 'result.geojson'), JSON.stringify(classes), ...(options.bisect ? ['--bisect'] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`approach_turns_geos.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { turns: number; problems: string[] };
}
