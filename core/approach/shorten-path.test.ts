import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisArea } from '../drivable/analysis-area.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import { analyzeApproach } from './analyze-approach.js';
import { approachGraphFor, vehicleLimits } from './approach-routes.js';
import { driveBendMps, drivePath } from './drive-path.js';
import { maxSpeedSearch } from './max-speed-search.js';
import { neededSpeedsMps } from './needed-speeds.js';
import { segmentClear, segmentSegmentDistance } from './obstacle-edges.js';
import { shortenPath } from './shorten-path.js';
import { speedProfile } from './speed-profile.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

describe('shortenPath: the drawn path is a short way at the impact speed', () => {
  it('a class at top speed is not shown looping round a 400 m square', () => {
    // A 400 m square, an origin 20 m inside its south edge, a 120 × 40 m building in the middle and a
    // zone near the north edge. The way round the building's corner nodes (h = 0.9 m out) is about
    // √(60.9² + 159.1²) + 41.8 + √(60.9² + 148.2²) = 372 m; M1 needs 309 m from rest for 160 km/h
    // (√(2·3.2·309) = 44.4 m/s) and N3G 417 m for 90 km/h (√(2·0.75·417) = 25 m/s), so both arrive at
    // top speed after a little swing out for the bends. Before shortenPath the search showed the
    // first path it found at top speed: 2648 m (M1) and 5512 m (N3G), looping round the square.
    const { scene, frame } = localScene([
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(-200, -200, 200, 200)) },
      { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [0, -180] } },
      { id: 'b1', kind: 'building', geometry: poly(rect(-60, -20, 60, 20)) },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(-10, 170, 10, 190)) },
    ]);
    const res = analyzeApproach(scene, { vehicles: ['M1', 'N3G'], frame });
    for (const [code, topKmh] of [['M1', 160], ['N3G', 90]] as const) {
      const r = res.summary.results.find((x) => x.vehicle === code)!;
      expect(r.reachable && r.impact_speed_kmh).toBeCloseTo(topKmh, 9);
      const path = res.features.find((f) => f.properties.kind === 'approach_path' && f.properties.vehicle === code)!;
      expect(path.properties.length_m as number).toBeLessThan(1.6 * 372);
      const speeds = path.properties.speeds_kmh as number[];
      expect(speeds[speeds.length - 1]).toBeCloseTo(topKmh, 6);
    }
  }, 90_000); // 8–17 s alone, over 30 s on a loaded 2-core machine (open square: all-pairs lattice legs)

  it('in an open square with short legs, the run-up is drawn straight, not swung 90 m aside', () => {
    // An empty 400 m square, legs at most 100 m, lattice 25 m; origin at (0, −180), zone 20 × 20 m
    // centred on (0, 180). Its near edge is 350 m away, the contact h = 0.9 m before it: the straight
    // run-up is √(9.5² + 349.1²) = 349.2 m to the contact point the search chose (−9.5, 169.1), and
    // M1 needs only 44.4² / (2·3.2) = 308.6 m from rest for its 160 km/h top speed — so a way of
    // (nearly) that length arrives at top speed too, whatever the search's labels carried. The
    // search's own way (labels keep the highest speed into every edge) swung out to x = 87.5 m:
    // 408.4 m (what main drew before the backward pass). The last leg, and so the impact angle, stay the search's.
    const { scene, frame } = localScene([
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(-200, -200, 200, 200)) },
      { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [0, -180] } },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(-10, 170, 10, 190)) },
    ]);
    const res = analyzeApproach(scene, { vehicles: ['M1'], frame, route: { maxEdgeM: 100, freeSpacingM: 25 } });
    const r = res.summary.results[0];
    expect(r.reachable && r.impact_speed_kmh).toBe(160);
    const f = res.features.find((x) => x.properties.kind === 'approach_path')!;
    const path = (f.geometry.coordinates as number[][]).map((p) => frame.toLocal(p));
    const straightM = Math.hypot(path[path.length - 1][0] - 0, path[path.length - 1][1] + 180);
    expect(straightM).toBeCloseTo(349.2, 1);
    expect(f.properties.length_m as number).toBeLessThan(1.02 * straightM);
    for (const p of path) expect(Math.abs(p[0])).toBeLessThan(15); // within 15 m of the straight line
    const speeds = f.properties.speeds_kmh as number[];
    expect(speeds[speeds.length - 1]).toBeCloseTo(160, 6);
  });
});

/** Random 100 m scenes: up to 4 buildings, up to 2 closed walls, a zone in the middle. */
const box = fc.record({ x: fc.integer({ min: 2, max: 85 }), y: fc.integer({ min: 2, max: 85 }), w: fc.integer({ min: 3, max: 15 }), d: fc.integer({ min: 3, max: 15 }) });
const wall = fc.record({ x0: fc.integer({ min: 0, max: 100 }), y0: fc.integer({ min: 0, max: 100 }), x1: fc.integer({ min: 0, max: 100 }), y1: fc.integer({ min: 0, max: 100 }) }).filter((l) => l.x0 !== l.x1 || l.y0 !== l.y1);
const zone = rect(40, 40, 52, 52);
const zoneSegs = zone.slice(0, -1).map((p, i) => [p[0], p[1], zone[i + 1][0], zone[i + 1][1]]);

function randomScene(boxes: { x: number; y: number; w: number; d: number }[], walls: { x0: number; y0: number; x1: number; y1: number }[]) {
  const features: LocalFeature[] = [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(zone) },
  ];
  boxes.filter((b) => !(b.x < 52 && b.x + b.w > 40 && b.y < 52 && b.y + b.d > 40)).forEach((b, i) => features.push({ id: `b${i}`, kind: 'building', geometry: poly(rect(b.x, b.y, b.x + b.w, b.y + b.d)) }));
  walls.forEach((l, i) => features.push({ id: `w${i}`, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[l.x0, l.y0], [l.x1, l.y1]] }, properties: { barrier_type: 'wall' } }));
  return localScene(features);
}

describe('shortenPath on random scenes (the search\'s own label paths, driven into a point past their end)', () => {
  it('drives to the same speed, never longer, keeps its last leg, legs are clear graph edges, v² ≤ u² + 2aL', () => {
    const classes = [BUILT_IN_VEHICLE_CLASSES.find((v) => v.code === 'M1')!, BUILT_IN_VEHICLE_CLASSES.find((v) => v.code === 'N3G')!];
    let checked = 0, shorter = 0;
    fc.assert(
      fc.property(fc.array(box, { maxLength: 4 }), fc.array(wall, { maxLength: 2 }), fc.integer({ min: 0, max: 1 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (boxes, walls, ci, picks) => {
        const { scene, frame } = randomScene(boxes, walls);
        const vehicle = classes[ci];
        const area = analysisArea(scene, frame);
        const g = approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, vehicle.widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, vehicle.widthM, { maxEdgeM: 40, edgeStartSpacingM: 5, targetSpacingM: 1, freeSpacingM: 15 });
        const limits = vehicleLimits(vehicle);
        const search = maxSpeedSearch(g, limits);
        const h = g.halfWidthM;
        // A leg may be driven before the last only if it keeps h from the zone (as for a real target).
        const legAllowed = (a: number, b: number) => zoneSegs.every((s) => segmentSegmentDistance(g.x[a], g.y[a], g.x[b], g.y[b], s[0], s[1], s[2], s[3]) >= h - 1e-4);
        const reached: number[] = [];
        for (let e = 0; e < g.edgeTo.length; e++) if (search.bestLabel[e] >= 0 && !g.isStart[g.edgeFrom[e]]) reached.push(e);
        if (reached.length === 0) return;
        for (const pick of picks) {
          const e = reached[pick % reached.length];
          const own: number[] = [];
          for (let lab = search.bestLabel[e]; lab >= 0; lab = search.labelPred[lab]) own.push(g.edgeTo[search.labelEdge[lab]]);
          own.push(g.edgeFrom[search.labelEdge[(() => { let l = search.bestLabel[e]; while (search.labelPred[l] >= 0) l = search.labelPred[l]; return l; })()]]);
          own.reverse();
          // The contact: 2 m on past the last node, straight on (no turn, so the search's own speed carries).
          const a = own[own.length - 2], b = own[own.length - 1];
          const L = Math.hypot(g.x[b] - g.x[a], g.y[b] - g.y[a]);
          const contact: XY = [g.x[b] + (2 * (g.x[b] - g.x[a])) / L, g.y[b] + (2 * (g.y[b] - g.y[a])) / L];
          const ownPath: XY[] = [...own.map((n) => [g.x[n], g.y[n]] as XY), contact];
          const impactMps = drivePath(g, limits, own, ownPath, [], []);
          if (!(impactMps > 0)) continue;
          let ownOk = true;
          for (let i = 0; i + 1 < own.length; i++) ownOk &&= legAllowed(own[i], own[i + 1]);
          if (!ownOk) continue;
          checked++;
          const kept = shortenPath(g, limits, own, contact, impactMps, legAllowed);
          const path: XY[] = [...kept.map((n) => [g.x[n], g.y[n]] as XY), contact];
          const caps = path.map(() => Infinity), holds = path.map(() => 0);
          expect(drivePath(g, limits, kept, path, caps, holds)).toBeGreaterThanOrEqual(impactMps * (1 - 1e-12));
          const len = (p: XY[]) => p.slice(1).reduce((s, q, i) => s + Math.hypot(q[0] - p[i][0], q[1] - p[i][1]), 0);
          expect(len(path)).toBeLessThanOrEqual(len(ownPath) + 1e-9);
          if (len(path) < len(ownPath) - 1e-6) shorter++;
          expect(kept[kept.length - 1]).toBe(own[own.length - 1]);
          expect(g.isStart[kept[0]]).toBe(1);
          for (let i = 0; i + 1 < kept.length; i++) {
            const [p, q] = [kept[i], kept[i + 1]];
            let isEdge = false;
            for (let f = g.outStart[p]; f < g.outStart[p + 1]; f++) isEdge ||= g.edgeTo[f] === q;
            expect(isEdge).toBe(true);
            // Clear of every building and closed wall by h (the graph's own test, re-run).
            expect(segmentClear(g.edges, g.x[p], g.y[p], g.x[q], g.y[q], h)).toBe(true);
            expect(legAllowed(p, q)).toBe(true);
          }
          // Each leg of the drawn profile: v² ≤ u² + 2aL (hvm.md §1), and it ends at the impact speed.
          const v = speedProfile(path, caps, limits.accelerator, 7, holds);
          const twoA = 2 * limits.accelerator.constantAccelMps2!;
          for (let i = 0; i + 1 < path.length; i++) {
            const Lm = Math.hypot(path[i + 1][0] - path[i][0], path[i + 1][1] - path[i][1]);
            expect(v[i + 1] ** 2).toBeLessThanOrEqual(v[i] ** 2 + twoA * Lm + 1e-9);
          }
          expect(v[v.length - 1]).toBeGreaterThanOrEqual(impactMps * (1 - 1e-12));
        }
      }),
      { numRuns: 25, seed: 11 },
    );
    // The property must have been exercised, and must have shortened something.
    expect(checked).toBeGreaterThan(40);
    expect(shorter).toBeGreaterThan(5);
  });

  it('neededSpeedsMps: the path meets its own needs, the need of each leg suffices, and a hair less does not', () => {
    const vehicle = BUILT_IN_VEHICLE_CLASSES.find((v) => v.code === 'N2A')!;
    const { scene, frame } = randomScene([{ x: 20, y: 20, w: 10, d: 12 }, { x: 65, y: 30, w: 8, d: 20 }, { x: 30, y: 70, w: 25, d: 8 }], []);
    const area = analysisArea(scene, frame);
    const g = approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, vehicle.widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, vehicle.widthM, { maxEdgeM: 40, edgeStartSpacingM: 5, targetSpacingM: 1, freeSpacingM: 15 });
    const limits = vehicleLimits(vehicle);
    const search = maxSpeedSearch(g, limits);
    let tested = 0;
    for (let e = 0; e < g.edgeTo.length && tested < 30; e += 31) {
      if (search.bestLabel[e] < 0 || g.isStart[g.edgeFrom[e]]) continue;
      const own: number[] = [];
      let first = -1;
      for (let lab = search.bestLabel[e]; lab >= 0; lab = search.labelPred[lab]) { own.push(g.edgeTo[search.labelEdge[lab]]); first = lab; }
      own.push(g.edgeFrom[search.labelEdge[first]]);
      own.reverse();
      if (own.length < 3) continue;
      const a = own[own.length - 2], b = own[own.length - 1];
      const L = Math.hypot(g.x[b] - g.x[a], g.y[b] - g.y[a]);
      const contact: XY = [g.x[b] + (2 * (g.x[b] - g.x[a])) / L, g.y[b] + (2 * (g.y[b] - g.y[a])) / L];
      const k = own.length;
      const pts: XY[] = [...own.map((n) => [g.x[n], g.y[n]] as XY), contact];
      const floor = drivePath(g, limits, own, pts, [], []) * (1 - 1e-12);
      if (!(floor > 0)) continue;
      tested++;
      const need = neededSpeedsMps(g, limits, own, contact, floor, Array(k + 1).fill(-1));
      expect(need[k]).toBe(floor);
      // From rest: the speed at the end of each leg is at least what that leg needs.
      let v = limits.accelerator.speedAfter(0, Math.hypot(pts[1][0] - pts[0][0], pts[1][1] - pts[0][1]));
      const rest = (j: number, u: number) => {
        // Drive legs j + 1 … k from speed u at the end of leg j.
        for (let i = j; i < k; i++) { u = driveBendMps(g, limits, u, pts[i - 1][0], pts[i - 1][1], own[i], pts[i + 1][0], pts[i + 1][1], i === 1, i + 1 === k); if (u < 0) return -1; }
        return u;
      };
      for (let j = 1; j < k; j++) {
        expect(v).toBeGreaterThanOrEqual(need[j]);
        expect(rest(j, need[j])).toBeGreaterThanOrEqual(floor); // the need suffices
        if (need[j] > 1e-6) expect(driveBendMps(g, limits, need[j] * (1 - 1e-9), pts[j - 1][0], pts[j - 1][1], own[j], pts[j + 1][0], pts[j + 1][1], j === 1, j + 1 === k)).toBeLessThan(need[j + 1]); // and is the least
        v = driveBendMps(g, limits, v, pts[j - 1][0], pts[j - 1][1], own[j], pts[j + 1][0], pts[j + 1][1], j === 1, j + 1 === k);
      }
    }
    expect(tested).toBeGreaterThan(10);
  });
});
