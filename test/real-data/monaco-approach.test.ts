import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import { analyzeApproach } from '../../core/approach/analyze-approach.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { osmBuildingsScene } from './osm-buildings.js';

// Hostile vehicle approach on real streets: Monaco round the Casino square, buildings from OSM via
// GDAL (© OpenStreetMap contributors, ODbL), curved façades and all. Paths are checked with GEOS in
// GDAL's own projection (independent of our frame and our distance code), speeds against the
// kinematics of hvm.md §1.
const here = dirname(fileURLToPath(import.meta.url));
const CENTRE: XY = [7.42786, 43.73924];
const frame = localFrame(CENTRE);
const ring = (pts: XY[]) => [...pts, pts[0]].map((p) => frame.toLonLat(p));
const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const CODES = ['M1', 'N2A', 'N3G'];

describe('vehicle approach on real OSM streets (Monaco)', () => {
  it('paths keep half the width from every building (GEOS), never cross a closed ring, and obey the kinematics', () => {
    const { scene } = osmBuildingsScene([7.4235, 43.7365, 7.4315, 43.7425]);
    const feature = (id: string, properties: SceneFeature['properties'], geometry: SceneFeature['geometry']): SceneFeature => ({ type: 'Feature', id, properties, geometry });
    scene.features = [
      feature('area', { kind: 'analysis_area' }, { type: 'Polygon', coordinates: [ring(rect(-220, -180, 220, 180))] }),
      // A crowd in the Casino gardens, open to the streets.
      feature('gardens', { kind: 'crowd_zone' }, { type: 'Polygon', coordinates: [ring([[-12, -8], [0, -14], [14, -6], [12, 9], [-5, 12], [-15, 3]])] }),
      // A second crowd 60 m east inside a closed wall ring: unreachable for every class.
      feature('ringed', { kind: 'crowd_zone' }, { type: 'Polygon', coordinates: [ring(rect(55, -6, 67, 6))] }),
      feature('ring', { kind: 'barrier', barrier_type: 'wall' }, { type: 'LineString', coordinates: ring(rect(50, -11, 72, 11)) }),
      ...scene.features,
    ];
    const res = analyzeApproach(scene, { vehicles: CODES });
    const classes = vehicleClassesFor(scene);
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-monaco-approach-'));
    writeFileSync(join(dir, 'scene.geojson'), JSON.stringify(scene));
    writeFileSync(join(dir, 'result.geojson'), JSON.stringify({ type: 'FeatureCollection', features: res.features }));
    const half = Object.fromEntries(CODES.map((c) => [c, classes.find((v) => v.code === c)!.widthM / 2]));

    for (const code of CODES) {
      const ringed = res.summary.results.find((r) => r.target_id === 'ringed' && r.vehicle === code)!;
      expect(ringed.reachable, `${code} into the walled zone`).toBe(false);
      expect(res.summary.results.find((r) => r.target_id === 'gardens' && r.vehicle === code)!.reachable).toBe(true);
    }

    const r = spawnSync('/usr/bin/python3', [join(here, 'approach_geos.py'), join(dir, 'scene.geojson'), join(dir, 'result.geojson'), JSON.stringify(half)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const checks = JSON.parse(r.stdout) as { vehicle: string; target: string; building_m: number; barrier_m: number; inside: boolean; length_m: number; half_m: number }[];
    // Gardens for each class, and the ring itself (a barrier line is a target too).
    expect(checks.filter((c) => c.target === 'gardens').length).toBe(CODES.length);
    for (const c of checks) {
      console.log(`${c.vehicle} → ${c.target}: ${c.length_m.toFixed(0)} m, nearest building ${c.building_m.toFixed(3)} m, barrier ${c.barrier_m.toFixed(3)} m (h ${c.half_m} m)`);
      // 1 cm for the two projections' difference over a few hundred metres.
      expect(c.building_m, `${c.vehicle} → ${c.target}`).toBeGreaterThan(c.half_m - 0.01);
      if (c.target !== 'ring') expect(c.barrier_m, `${c.vehicle} → ${c.target}`).toBeGreaterThan(c.half_m - 0.01);
      expect(c.inside).toBe(true);
    }

    // Kinematics (hvm.md §1): from rest, no leg gains more than v² = u² + 2·a·L, no speed exceeds
    // top speed, and the impact is the last vertex's speed.
    for (const f of res.features) {
      if (f.properties.kind !== 'approach_path') continue;
      const v = classes.find((x) => x.code === f.properties.vehicle)!;
      const a = v.accelMps2!;
      const pts = (f.geometry.coordinates as number[][]).map((p) => frame.toLocal(p));
      const speeds = (f.properties.speeds_kmh as number[]).map((k) => k / 3.6);
      expect(speeds[0]).toBe(0);
      for (let i = 0; i + 1 < pts.length; i++) {
        const L = Math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]);
        expect(speeds[i + 1] ** 2).toBeLessThanOrEqual(speeds[i] ** 2 + 2 * a * L * (1 + 1e-3) + 1e-6);
        expect(speeds[i + 1] * 3.6).toBeLessThanOrEqual(v.topSpeedKmh + 1e-9);
      }
      expect(speeds[speeds.length - 1] * 3.6).toBeCloseTo(f.properties.impact_speed_kmh as number, 6);
    }
  }, 180_000);
});
