import { describe, expect, it } from 'vitest';
import { drivableSpace } from '../../core/drivable/drivable-space.js';
import type { XY } from '../../core/geometry/local-frame.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { analyzeLayers } from '../../core/layers/analyze-layers.js';
import { analyzeStandoff, vehicleReachableSpace } from '../../core/standoff/analyze-standoff.js';
import { featureRegion } from '../../core/standoff/region-geometry.js';
import { w2Scene } from './approach-workload.js';
import { districtBuildings, districtFrame, toLonLatRing } from './district.js';

/**
 * Standoff and layers on the W2 district (shared/spec/workloads.md): 5,000 buildings, 50 street
 * crowd zones, plus 10 district buildings made sites, each behind a closed bollard ring 12 m out
 * (cutting through neighbours where it must). Reference: the brute-force least distance over every
 * pair of segments (reachable centre rings × site rings, no index), minus the half-width, in the
 * same process. Prints times and the largest distance difference; asserts agreement, never timings.
 */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function timed<T>(f: () => T): { value: T; wallMs: number; cpuMs: number } {
  const w = performance.now(), c = cpuMs();
  const value = f();
  return { value, wallMs: performance.now() - w, cpuMs: cpuMs() - c };
}

function segDist(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** Brute force: every segment of `a` against every segment of `b` (no crossing test: rings here are apart). */
function bruteDistance(a: XY[][], b: XY[][]): number {
  let best = Infinity;
  for (const ra of a) for (let i = 0; i + 1 < ra.length; i++) for (const rb of b) for (let j = 0; j + 1 < rb.length; j++) {
    const [p, q] = [ra[i], ra[i + 1]], [u, v] = [rb[j], rb[j + 1]];
    best = Math.min(best, segDist(u[0], u[1], v[0], v[1], p[0], p[1]), segDist(u[0], u[1], v[0], v[1], q[0], q[1]), segDist(p[0], p[1], q[0], q[1], u[0], u[1]), segDist(p[0], p[1], q[0], q[1], v[0], v[1]));
  }
  return best;
}

function scene(): Scene {
  const s = w2Scene();
  const buildings = districtBuildings();
  const extra: SceneFeature[] = [];
  for (let k = 0; k < 10; k++) {
    const b = buildings[(7 + k * 6) * 71 + 10 + k * 5];
    const [x0, y0] = b.ring[0], [x1, y1] = b.ring[2];
    extra.push({ type: 'Feature', id: `site${k}`, properties: { kind: 'site' }, geometry: { type: 'Polygon', coordinates: [toLonLatRing(b.ring)] } });
    const m = 12;
    const ring: XY[] = [[x0 - m, y0 - m], [x1 + m, y0 - m], [x1 + m, y1 + m], [x0 - m, y1 + m], [x0 - m, y0 - m]];
    extra.push({ type: 'Feature', id: `hvm${k}`, properties: { kind: 'barrier', barrier_type: 'bollard', gap_m: 1.2 }, geometry: { type: 'LineString', coordinates: toLonLatRing(ring) } });
    extra.push({ type: 'Feature', id: `cordon${k}`, properties: { kind: 'perimeter', layer: 1, perimeter_type: 'cordon' }, geometry: { type: 'Polygon', coordinates: [toLonLatRing(ring.map(([x, y]) => [x + (x > x0 ? 6 : -6), y + (y > y0 ? 6 : -6)] as XY))] } });
  }
  s.features.push(...extra);
  return s;
}

describe('standoff and layers on the W2 district', () => {
  it('car / truck / pipe bomb standoff for 60 targets, and exact distances against brute force', () => {
    const sc = scene();
    const run = timed(() => analyzeStandoff(sc, { threats: ['car', 'small_truck', 'pipe_bomb'] }));
    const results = run.value.summary.results;
    expect(results).toHaveLength(60 * 3);
    const space = vehicleReachableSpace(drivableSpace(sc, { widthM: 1.8 }, districtFrame), sc, []);
    const rows: string[] = [];
    let worst = 0;
    let refCpu = 0;
    for (let k = 0; k < 10; k++) {
      const site = sc.features.find((f) => f.id === `site${k}`)!;
      const target = featureRegion(site, districtFrame);
      const ref = timed(() => Math.max(0, bruteDistance(space.centre.flat(), target.flat()) - space.radiusM));
      refCpu += ref.cpuMs;
      const ours = results.find((r) => r.target_id === site.id && r.threat === 'car')!.achieved_m!;
      worst = Math.max(worst, Math.abs(ours - ref.value));
      if (k < 3) rows.push(`site${k}: car achieved ${ours.toFixed(3)} m, brute force ${ref.value.toFixed(3)} m`);
    }
    console.log([
      `W2 + 10 ringed sites: analyzeStandoff (3 threats, 60 targets) wall ${(run.wallMs / 1000).toFixed(1)} s, cpu ${(run.cpuMs / 1000).toFixed(1)} s`,
      `brute-force distance for the 10 sites: cpu ${(refCpu / 1000).toFixed(1)} s; largest difference ${(worst * 1000).toFixed(2)} mm`,
      ...rows,
    ].join('\n'));
    expect(worst).toBeLessThan(0.001);
  });

  it('layers for 60 targets', () => {
    const sc = scene();
    const run = timed(() => analyzeLayers(sc, {}));
    const r = run.value.summary.results;
    const sites = r.filter((x) => x.target_id.startsWith('site'));
    console.log(`W2 + 10 ringed sites: analyzeLayers (20 layers, 60 targets) wall ${(run.wallMs / 1000).toFixed(1)} s, cpu ${(run.cpuMs / 1000).toFixed(1)} s; ` +
      `site vehicle/pedestrian layers: ${sites.map((x) => `${x.vehicle_layers_crossed}/${x.pedestrian_layers_crossed}`).join(' ')}`);
    // Each site sits inside its cordon and its bollard ring: a car crosses both, a person only the cordon.
    for (const s of sites) {
      expect(s.vehicle_layers_crossed).toBe(2);
      expect(s.pedestrian_layers_crossed).toBe(1);
    }
  });
});
