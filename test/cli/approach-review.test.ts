import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { localScene, rect } from '../../core/drivable/local-scene.js';
import type { XY } from '../../core/geometry/local-frame.js';

/**
 * Reviewer's check of issue #4 item 6: `bulwark analyze FILE --only approach --vehicle M1,N3G`
 * as a user runs it (data/cli/bin.mjs in a child process) writes `approach_path` and
 * `barrier_check` features and `summary.approach` exactly as shared/spec/cli.md and
 * scene-format.md say: field names, units in the names, unrounded numbers, exit statuses, bad input.
 *
 * The bundle is built into a private copy of the tree (bin.mjs + dist/cli), not the repository's
 * dist/, so this file never races test/cli-bin.test.ts rebuilding the same bundle.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'bulwark-approach-review-'));
const bin = join(work, 'data', 'cli', 'bin.mjs');

beforeAll(async () => {
  mkdirSync(join(work, 'data', 'cli'), { recursive: true });
  copyFileSync(join(root, 'data', 'cli', 'bin.mjs'), bin);
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  // The same options as test/support/build.mjs (bundleForNode).
  for (const [entry, out] of [['data/cli/main.ts', 'bulwark.mjs'], ['data/cli/approach-worker.ts', 'approach-worker.mjs']]) {
    await build({
      entryPoints: [join(root, entry)], outfile: join(work, 'dist', 'cli', out), bundle: true, platform: 'node', format: 'esm', target: 'node20',
      external: ['better-sqlite3'], logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  }
}, 60000);

const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/**
 * A dead-end corridor 2.2 m wide (M1, 1.8 m, may stray ±0.2 m): origin at rest at y = 0, a rated
 * bollard line whose face the car's body touches after 50 m, a crowd zone 5 m behind it. The
 * N3G (2.55 m) does not fit: it reaches nothing. Plus a user-added van class in bulwark.vehicles.
 */
function corridorFile(name: string): string {
  const h = 0.9, w = 2.2, face = 50 + h;
  const { scene } = localScene([
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-30, -30, w + 30, face + 45)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-30, -30, 0, face + 45)) },
    { id: 'east', kind: 'building', geometry: poly(rect(w, -30, w + 30, face + 45)) },
    { id: 'end', kind: 'building', geometry: poly(rect(0, -30, w, -h - 0.01)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [w / 2, 0] } },
    { id: 'b1', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[0, face], [w, face]] }, properties: { barrier_type: 'bollard', rating: 'V/7200[N2A]/48/90:3.5' } },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(0, face + 5, w, face + 15)) },
  ]);
  scene.bulwark.vehicles = [{ code: 'MINI', name: 'Small car', mass_kg: 1000, width_m: 1.6, accel_mps2: 2.0, top_speed_kmh: 140, min_turn_radius_m: 5, lateral_g: 0.9 }];
  const p = join(work, name);
  writeFileSync(p, JSON.stringify(scene));
  return p;
}

describe('review: bulwark analyze --only approach', () => {
  it('writes the summary block and features of cli.md, unrounded, byte-identical on a rerun', () => {
    const file = corridorFile('corridor.geojson');
    const r = run(['analyze', file, '--only', 'approach', '--vehicle', 'M1,N3G']);
    expect(r.status).toBe(0);
    // N3G (h = 1.275 m) cannot start 1.1 m from the corridor walls: a warning, not an error.
    expect(r.stderr).toContain('vehicle_origin o1 is');
    expect(r.stderr).toContain('N3G (1.275 m) cannot start there');
    const out = JSON.parse(r.stdout);
    expect(out.type).toBe('FeatureCollection');
    expect(out.bulwark.version).toBe(1);
    expect(Object.keys(out.bulwark.summary)).toEqual(['approach']);
    const { results, barriers } = out.bulwark.summary.approach;
    // Targets in scene order (b1, z1), classes in the order asked (M1, N3G).
    expect(results.map((x: { target_id: string; vehicle: string }) => `${x.target_id}/${x.vehicle}`)).toEqual(['b1/M1', 'b1/N3G', 'z1/M1', 'z1/N3G']);
    const m1 = results[0];
    expect(Object.keys(m1).sort()).toEqual(['energy_kj', 'impact_speed_kmh', 'path_length_m', 'reachable', 'target_id', 'vehicle']);
    // √(2·3.2·50) = 17.889 m/s = 64.40 km/h (hvm.md acceptance 5), ours within +0.5 %; KE ½·1500·v².
    const hand = Math.sqrt(2 * 3.2 * 50) * 3.6;
    expect(m1.impact_speed_kmh / hand - 1).toBeGreaterThanOrEqual(-0.0005);
    expect(m1.impact_speed_kmh / hand - 1).toBeLessThanOrEqual(0.005);
    expect(m1.energy_kj).toBeCloseTo((0.5 * 1500 * (m1.impact_speed_kmh / 3.6) ** 2) / 1000, 9);
    expect(m1.path_length_m).toBeGreaterThanOrEqual(50);
    expect(m1.path_length_m).toBeLessThan(50.5);
    // "rounded to 0.1 only for display, never in this output"
    expect(Math.round(m1.impact_speed_kmh * 10) / 10).not.toBe(m1.impact_speed_kmh);
    expect(results[1]).toEqual({ target_id: 'b1', vehicle: 'N3G', reachable: false });
    expect(results[2]).toEqual({ target_id: 'z1', vehicle: 'M1', reachable: false }); // behind a closed line
    expect(barriers).toEqual([
      { barrier_id: 'b1', vehicle: 'M1', impact_speed_kmh: m1.impact_speed_kmh, rating: { standard: 'IWA14-1', vehicle: 'N2A', mass_kg: 7200, speed_kmh: 48, angle_deg: 90, penetration_m: 3.5 }, verdict: 'fail', gap_ok: true },
      { barrier_id: 'b1', vehicle: 'N3G', rating: { standard: 'IWA14-1', vehicle: 'N2A', mass_kg: 7200, speed_kmh: 48, angle_deg: 90, penetration_m: 3.5 }, verdict: 'not_reached', gap_ok: true },
    ]);
    const paths = out.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'approach_path');
    expect(paths).toHaveLength(1);
    const p = paths[0];
    expect(p.geometry.type).toBe('LineString');
    expect(p.properties).toMatchObject({ vehicle: 'M1', target_id: 'b1', impact_speed_kmh: m1.impact_speed_kmh, length_m: m1.path_length_m });
    expect(p.properties.speeds_kmh).toHaveLength(p.geometry.coordinates.length);
    expect(p.properties.speeds_kmh[0]).toBe(0);
    expect(p.properties.speeds_kmh.at(-1)).toBe(m1.impact_speed_kmh);
    // WGS 84, around the local frame's origin (−0.1, 51.5).
    for (const [lon, lat] of p.geometry.coordinates) {
      expect(Math.abs(lon + 0.1)).toBeLessThan(0.01);
      expect(Math.abs(lat - 51.5)).toBeLessThan(0.01);
    }
    const checks = out.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'barrier_check');
    expect(checks.map((f: { properties: Record<string, unknown> }) => [f.properties.barrier_id, f.properties.vehicle, f.properties.required_speed_kmh, f.properties.rated_speed_kmh, f.properties.verdict])).toEqual([
      ['b1', 'M1', m1.impact_speed_kmh, 48, 'fail'],
      ['b1', 'N3G', null, 48, 'not_reached'],
    ]);
    expect(checks[0].geometry.type).toBe('LineString');
    // Same input → byte-identical output; --out writes the same bytes.
    const again = run(['analyze', file, '--only', 'approach', '--vehicle', 'M1,N3G', '--out', join(work, 'out.geojson')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(readFileSync(join(work, 'out.geojson'), 'utf8')).toBe(r.stdout);
  }, 60000);

  it('a class added in the file is analysed by its code: √(2·2.0·50) = 14.142 m/s = 50.91 km/h, ½·1000·14.142² = 100 kJ', () => {
    const r = run(['analyze', corridorFile('mini.geojson'), '--only', 'approach', '--vehicle', 'MINI']);
    expect(r.status).toBe(0);
    const b1 = JSON.parse(r.stdout).bulwark.summary.approach.results.find((x: { target_id: string }) => x.target_id === 'b1');
    // The corridor is 0.6 m wider than the 1.6 m car: up to +1 % from weaving in the ±0.3 m band.
    expect(b1.impact_speed_kmh / 50.91 - 1).toBeGreaterThanOrEqual(-0.0005);
    expect(b1.impact_speed_kmh / 50.91 - 1).toBeLessThanOrEqual(0.01);
    // KE = ½·m·v² = ½·1000·(2·2.0·50) = 100 kJ (v² within +2 %).
    expect(b1.energy_kj / 100 - 1).toBeLessThanOrEqual(0.02);
    expect(b1.energy_kj / 100 - 1).toBeGreaterThanOrEqual(-0.001);
  }, 60000);

  it('bad input: an unknown class exits 2 naming it; an invalid feature exits 1 naming it; a missing or truncated file exits 2', () => {
    const file = corridorFile('bad-input.geojson');
    const tank = run(['analyze', file, '--only', 'approach', '--vehicle', 'M1,TANK']);
    expect(tank.status).toBe(2);
    expect(tank.stderr).toContain("bad-input.geojson: unknown vehicle class 'TANK'");
    expect(tank.stdout).toBe('');
    expect(run(['analyze', file, '--only', 'approach', '--vehicle']).status).toBe(2);
    const scene = JSON.parse(readFileSync(file, 'utf8'));
    scene.features.find((f: { id: string }) => f.id === 'b1').properties.gap_m = -1;
    const invalid = join(work, 'invalid.geojson');
    writeFileSync(invalid, JSON.stringify(scene));
    const bad = run(['analyze', invalid, '--only', 'approach', '--vehicle', 'M1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('invalid.geojson: feature b1: gap_m must be in [0, 100], got -1\n');
    expect(run(['analyze', join(work, 'missing.geojson'), '--only', 'approach']).status).toBe(2);
    const cut = join(work, 'cut.geojson');
    writeFileSync(cut, readFileSync(file, 'utf8').slice(0, 200));
    const trunc = run(['analyze', cut, '--only', 'approach']);
    expect(trunc.status).toBe(2);
    expect(trunc.stderr).toMatch(/^cut\.geojson is not valid JSON/);
  }, 60000);
});
