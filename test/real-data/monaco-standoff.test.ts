import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { localFrame, type XY } from '../../core/geometry/local-frame.js';
import { analyzeStandoff } from '../../core/standoff/analyze-standoff.js';
import { vehicleClassesFor } from '../../core/vehicles/vehicle-classes-for.js';
import type { SceneFeature } from '../../core/scene/types.js';
import { osmBuildingsScene } from './osm-buildings.js';

// Achieved vehicle-borne standoff on real streets (Monaco's Casino square, buildings from OSM via
// GDAL, © OpenStreetMap contributors, ODbL) with a proposed wall ring around a crowd zone in the
// gardens, against an independent GEOS computation of the same model. Issue 5 asks for 0.5 %.
const here = dirname(fileURLToPath(import.meta.url));
const CENTRE: XY = [7.42786, 43.73924];
const frame = localFrame(CENTRE);
const ring = (pts: XY[]) => [...pts, pts[0]].map((p) => frame.toLonLat(p));
const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
/** Turned by `deg` anticlockwise about the square's centre, so no distance is axis-aligned. */
const turned = (pts: XY[], deg: number): XY[] => {
  const a = (deg * Math.PI) / 180;
  return pts.map(([x, y]) => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]);
};

describe('standoff on real OSM streets (Monaco) against GEOS', () => {
  it('a car bomb behind a wall ring around a crowd in the Casino gardens: ours = GEOS within 0.5 %', () => {
    const { scene } = osmBuildingsScene([7.4235, 43.7365, 7.4315, 43.7425]);
    const area: SceneFeature = { type: 'Feature', id: 'area', properties: { kind: 'analysis_area' }, geometry: { type: 'Polygon', coordinates: [ring(rect(-220, -180, 220, 180))] } };
    const zone: SceneFeature = { type: 'Feature', id: 'crowd', properties: { kind: 'crowd_zone' }, geometry: { type: 'Polygon', coordinates: [ring([[-12, -8], [0, -14], [14, -6], [12, 9], [-5, 12], [-15, 3]])] } };
    const wallRing = turned(rect(-38, -27, 41, 30), 20);
    const wall: SceneFeature = {
      type: 'Feature',
      id: 'wall-ring',
      properties: { kind: 'barrier', barrier_type: 'wall', height_m: 1.2 },
      geometry: { type: 'LineString', coordinates: ring(wallRing) },
    };
    scene.features = [area, zone, wall, ...scene.features];
    const file = join(mkdtempSync(join(tmpdir(), 'bulwark-monaco-')), 'scene.geojson');
    writeFileSync(file, JSON.stringify(scene));
    const widthM = vehicleClassesFor(scene).find((v) => v.code === 'M1')!.widthM;
    const r = spawnSync('/usr/bin/python3', [join(here, 'standoff_geos.py'), file, 'crowd', String(widthM)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const geos = JSON.parse(r.stdout) as { achieved_m: number };
    const ours = analyzeStandoff(scene, { threats: ['car'] }).summary.results.find((x) => x.target_id === 'crowd')!;
    console.log(`Casino gardens, car bomb: ours ${ours.achieved_m?.toFixed(3)} m, GEOS ${geos.achieved_m.toFixed(3)} m, required ${ours.required_m} m`);
    expect(geos.achieved_m).toBeGreaterThan(10); // the ring keeps the car out: a real distance, not 0
    expect(Math.abs(ours.achieved_m! - geos.achieved_m) / geos.achieved_m).toBeLessThan(0.005);
    expect(ours.ok).toBe(false); // 98 m required for a 227 kg car bomb (NCTC chart)

    // The same ring of bollards with 2.2 m clear gaps: a car (1.8 m) passes, a small delivery
    // truck does not (scene-format.md: a gap stops a vehicle only when narrower than it).
    wall.properties = { kind: 'barrier', barrier_type: 'bollard', gap_m: 2.2 };
    const both = analyzeStandoff(scene, { threats: ['car', 'small_truck'] }).summary.results.filter((x) => x.target_id === 'crowd');
    const car = both.find((x) => x.threat === 'car')!;
    const truck = both.find((x) => x.threat === 'small_truck')!;
    expect(car.achieved_m).toBe(0);
    writeFileSync(file, JSON.stringify(scene));
    const truckClass = vehicleClassesFor(scene).find((v) => v.code === 'N2A')!; // the small truck's carrier (core/threats)
    expect(truckClass.widthM).toBeGreaterThan(2.2);
    const g2 = spawnSync('/usr/bin/python3', [join(here, 'standoff_geos.py'), file, 'crowd', String(truckClass.widthM)], { encoding: 'utf8' });
    const geosTruck = JSON.parse(g2.stdout) as { achieved_m: number };
    console.log(`… with 2.2 m gaps: car ${car.achieved_m} m; small truck ours ${truck.achieved_m?.toFixed(3)} m, GEOS ${geosTruck.achieved_m.toFixed(3)} m`);
    expect(Math.abs(truck.achieved_m! - geosTruck.achieved_m) / geosTruck.achieved_m).toBeLessThan(0.005);
  }, 120_000);
});
