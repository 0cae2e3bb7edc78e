import { describe, expect, it } from 'vitest';
import { analysisArea, blockedObstacles, drivableSpace, grownObstacles } from '../../core/drivable/index.js';
import { differenceTree, multiPolygonToPaths, polyTreeToMultiPolygon } from '../../core/drivable/polygons.js';
import type { XY } from '../../core/geometry/local-frame.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { analyzeLayers } from '../../core/layers/analyze-layers.js';
import {
  analyzeStandoff, personReachableSpace, reachableDistanceM, reachableWithin, vehicleReachableSpace, type ReachableSpace,
} from '../../core/standoff/analyze-standoff.js';
import { difference, intersection, offsetRegion, regionAreaM2, regionNear, union, unionMostlyDisjoint, type Region } from '../../core/standoff/polygon-ops.js';
import { featureRegion } from '../../core/standoff/region-geometry.js';
import { resolveThreats } from '../../core/threats/threats.js';
import { w2Scene } from './approach-workload.js';
import { districtBuildings, districtFrame, toLonLatRing } from './district.js';

/**
 * Standoff and layers on the W2 district (shared/spec/workloads.md): 5,000 buildings, 50 street
 * crowd zones, plus 10 district buildings made sites, each behind a closed bollard ring 12 m out
 * (cutting through neighbours where it must). References, in the same process: the brute-force
 * least distance over every pair of segments (reachable centre rings × site rings, no index), minus
 * the half-width; and the previous implementation (issue 5 before the speed-up): drivable and
 * person-borne space by one clipper difference of everything, breaches by growing the reachable
 * centre clipped to a window around each target. Prints CPU per phase and the differences;
 * asserts agreement, never timings.
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

/** Ring-by-ring fingerprint (area, lowest corner, vertex count): equal lists = the same polygons up to order. */
function ringFingerprints(region: Region): string[] {
  return region.flatMap((p) => p.map((r) => {
    let a = 0, mx = Infinity, my = Infinity;
    for (let i = 0; i + 1 < r.length; i++) {
      a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
      mx = Math.min(mx, r[i][0]);
      my = Math.min(my, r[i][1]);
    }
    return `${Math.abs(a / 2).toFixed(6)} ${mx} ${my} ${r.length}`;
  })).sort();
}
const sameRings = (a: Region, b: Region) => JSON.stringify(ringFingerprints(a)) === JSON.stringify(ringFingerprints(b));

/** The previous breach: the centre near the target (a window) grown by the half-width, then clipped. */
function breachByGrowing(space: ReachableSpace, target: Region, distanceM: number): Region {
  const zone = offsetRegion(target, distanceM);
  const window = offsetRegion(target, distanceM + space.radiusM + 0.05);
  const near = intersection(regionNear(space.centre, window), window);
  const body = space.radiusM > 0 ? offsetRegion(near, space.radiusM, 0.01) : near;
  return intersection(space.extra.length > 0 ? union(body, space.extra) : body, zone);
}

describe('standoff and layers on the W2 district', () => {
  it('car / truck / pipe bomb standoff for 60 targets: CPU per phase against the previous method, exact distances, breach areas within 0.5 %', () => {
    const sc = scene();
    const frame = districtFrame;
    const threats = resolveThreats(['car', 'small_truck', 'pipe_bomb']);
    const targets = sc.features.filter((f) => f.properties.kind === 'site' || f.properties.kind === 'crowd_zone');
    expect(targets).toHaveLength(60);
    const rows: string[] = [];
    const phase = (name: string, now: number, before?: number, note = '') =>
      rows.push(`${name.padEnd(34)} ${(now / 1000).toFixed(2).padStart(7)} s${before === undefined ? '' : `   before ${(before / 1000).toFixed(2).padStart(6)} s  ×${(before / now).toFixed(1)}`}${note}`);

    // Reachable spaces, now and by one clipper difference of everything (before).
    const spaces: Record<string, ReachableSpace> = {};
    for (const [threat, widthM] of [['car', 1.8], ['small_truck', 2.3]] as const) {
      const now = timed(() => vehicleReachableSpace(drivableSpace(sc, { widthM }, frame), sc, []));
      const before = timed(() => polyTreeToMultiPolygon(differenceTree(multiPolygonToPaths(analysisArea(sc, frame)), grownObstacles(blockedObstacles(sc, frame, widthM), widthM / 2))));
      const d = drivableSpace(sc, { widthM }, frame);
      expect(sameRings(d.centreFree, before.value)).toBe(true);
      phase(`drivable space ${widthM} m (${threat})`, now.cpuMs, before.cpuMs, `  same ${ringFingerprints(before.value).length} rings`);
      spaces[threat] = now.value;
    }
    const person = timed(() => personReachableSpace(sc, frame));
    const personBefore = timed(() => {
      const buildings = sc.features.filter((f) => f.properties.kind === 'building').map((f) => featureRegion(f, frame));
      return difference(analysisArea(sc, frame), unionMostlyDisjoint(buildings));
    });
    expect(sameRings(person.value.centre, personBefore.value)).toBe(true);
    phase('person-borne space', person.cpuMs, personBefore.cpuMs);
    spaces.pipe_bomb = person.value;

    // Distances and breaches per threat; the previous breach on every target for the car and the pipe
    // bomb, on every third for the truck (the slow one: ~0.35 s each before).
    const outlines = targets.map((t) => featureRegion(t, frame));
    // Warm both methods up on one target first, so neither pays for the JIT in its first timing.
    for (const threat of threats) {
      reachableWithin(spaces[threat.id], outlines[0], threat.mandatoryM);
      breachByGrowing(spaces[threat.id], outlines[0], threat.mandatoryM);
    }
    let worstArea = 0, areaNow = 0, areaBefore = 0, compared = 0;
    for (const threat of threats) {
      const space = spaces[threat.id];
      let distMs = 0, breachMs = 0, beforeMs = 0, beforeNowMs = 0;
      outlines.forEach((outline, i) => {
        const d = timed(() => reachableDistanceM(space, outline));
        distMs += d.cpuMs;
        if (!(d.value < threat.mandatoryM)) return;
        const b = timed(() => reachableWithin(space, outline, threat.mandatoryM));
        breachMs += b.cpuMs;
        if (threat.id === 'small_truck' && i % 3 !== 0) return;
        const ref = timed(() => breachByGrowing(space, outline, threat.mandatoryM));
        beforeMs += ref.cpuMs;
        beforeNowMs += b.cpuMs;
        const [a, r] = [regionAreaM2(b.value), regionAreaM2(ref.value)];
        worstArea = Math.max(worstArea, Math.abs(a - r) / r);
        areaNow += a;
        areaBefore += r;
        compared++;
      });
      phase(`distances ${threat.id}`, distMs);
      phase(`breaches ${threat.id}`, breachMs, undefined, `  (on the compared targets: ${(beforeNowMs / 1000).toFixed(2)} s, before ${(beforeMs / 1000).toFixed(2)} s, ×${(beforeMs / beforeNowMs).toFixed(0)})`);
    }

    const run = timed(() => analyzeStandoff(sc, { threats: ['car', 'small_truck', 'pipe_bomb'] }));
    const results = run.value.summary.results;
    expect(results).toHaveLength(60 * 3);
    const space = spaces.car;
    let worst = 0;
    let refCpu = 0;
    const sites: string[] = [];
    for (let k = 0; k < 10; k++) {
      const site = sc.features.find((f) => f.id === `site${k}`)!;
      const target = featureRegion(site, districtFrame);
      const ref = timed(() => Math.max(0, bruteDistance(space.centre.flat(), target.flat()) - space.radiusM));
      refCpu += ref.cpuMs;
      const ours = results.find((r) => r.target_id === site.id && r.threat === 'car')!.achieved_m!;
      worst = Math.max(worst, Math.abs(ours - ref.value));
      if (k < 3) sites.push(`site${k}: car achieved ${ours.toFixed(3)} m, brute force ${ref.value.toFixed(3)} m`);
    }
    const zeroNotes = run.value.notes.filter((n) => /achieved standoff 0 m/.test(n.message)).length;
    console.log([
      `W2 + 10 ringed sites, CPU per phase (this process; the machine may be shared):`,
      ...rows,
      `analyzeStandoff (3 threats, 60 targets) wall ${(run.wallMs / 1000).toFixed(1)} s, cpu ${(run.cpuMs / 1000).toFixed(1)} s; ` +
        `${run.value.features.length} breaches, ${run.value.notes.length} notes (${zeroNotes} "achieved standoff 0 m", one per target and threat reaching it)`,
      `breach area against the previous method on ${compared} breaches: largest difference ${(worstArea * 100).toPrecision(2)} %, ` +
        `total ${areaNow.toFixed(0)} m² vs ${areaBefore.toFixed(0)} m²`,
      `brute-force distance for the 10 sites: cpu ${(refCpu / 1000).toFixed(1)} s; largest difference ${(worst * 1000).toFixed(2)} mm`,
      ...sites,
    ].join('\n'));
    expect(worst).toBeLessThan(0.001);
    expect(compared).toBeGreaterThan(100);
    expect(worstArea).toBeLessThan(0.005);
    expect(run.value.notes.length).toBe(zeroNotes);
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
