import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import { pointInMultiPolygon } from '../drivable/polygons.js';
import type { XY } from '../geometry/local-frame.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import { analyzeApproach } from './analyze-approach.js';
import { segmentSegmentDistance, segmentsIntersect } from './obstacle-edges.js';

/**
 * Reviewer's check of issue #4 on street scenes the other tests do not have: L-corners 3.5, 6 and
 * 10 m wide, a U-turn round the end of a median, each against a hand-worked feasible path (hvm.md
 * §1: v = √(f·g·r) with f = min(μ = 1.0, SRT), v² = v0² + 2as, minimum turning radius); every
 * drawn path checked against the kinematics and for clearance from buildings and closed barriers;
 * monotonicity re-tested by adding barrier lines to these streets.
 *
 * What "hand-worked" bounds here. The vehicle is a disc of radius h (scene-format.md "Measurement
 * conventions"), so its centre lives in the street shrunk by h, with the inner corner rounded to a
 * quarter circle of radius h. The **racing line** of a 90° corner of width W is the circle tangent
 * to both outer walls (centre (h + r, W − h − r) with the corner at (W, 0)) that keeps h from the
 * inner corner: √2·(r + h − W) = r − h ⇒ r* = (2 + √2)·(W − (1 + 1/√2)·h). Driving it at the skid
 * speed √(f·g·r*) and then straight along the outer wall, v² = f·g·r* + 2a·(X − 2h − r*) into a
 * zone face at x = X, is a *feasible* path: the true optimum is at least that fast. Our search is
 * a graph over a discretised space, so it may sit slightly below the true optimum: we accept ours
 * ≥ hand × (1 − 1 %) (its corner node sits h + 1 mm off both faces, a square apex rather than the
 * disc's rounded one). Above, the drawn path bounds it: the speed at each vertex obeys
 * v² ≤ u² + 2a·L along each leg (no leg gains more than straight acceleration) and never exceeds
 * top speed. A class whose r* is below its minimum turning radius cannot take the corner at all.
 */
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const G = 9.81;
const cls = (code: string) => BUILT_IN_VEHICLE_CLASSES.find((v) => v.code === code)!;
const racingLineM = (W: number, h: number) => (2 + Math.SQRT2) * (W - (1 + Math.SQRT1_2) * h);

/**
 * L-street W wide: north from an origin at rest 100 m south of the corner (y = −100 + h + 0.5),
 * the inner corner at (W, 0), east to a zone whose face is x = 80.
 */
function lStreet(W: number, h: number): LocalFeature[] {
  const S = 100, X = 80;
  return [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-20, -S - 10, X + 20, W + 20)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-20, -S - 10, 0, W + 20)) },
    { id: 'north', kind: 'building', geometry: poly(rect(0, W, X + 20, W + 20)) },
    { id: 'C', kind: 'building', geometry: poly(rect(W, -S - 10, X + 20, 0)) },
    { id: 'end', kind: 'building', geometry: poly(rect(0, -S - 10, W, -S)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [W / 2, -S + h + 0.5] } },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(X, 0, X + 20, W)) },
  ];
}

/** The racing-line-then-straight speed of `lStreet` (km/h), or undefined when r* < r_min. */
function lStreetHandKmh(W: number, code: string): number | undefined {
  const v = cls(code), h = v.widthM / 2, f = v.lateralG, a = v.accelMps2;
  const r = racingLineM(W, h);
  if (r < v.minTurnRadiusM) return undefined;
  // Run-up to the arc's start on the west wall (x = h, y = W − h − r) from the origin: long enough
  // in every case below to reach the skid speed, so the car brakes to it (hvm.md §1 "braking before corners").
  const runUp2 = 2 * a * (100 - h - 0.5 + (W - h - r));
  const corner2 = Math.min(f * G * r, runUp2);
  return Math.min(v.topSpeedKmh / 3.6, Math.sqrt(corner2 + 2 * a * (80 - 2 * h - r))) * 3.6;
}

type Result = ReturnType<typeof analyzeApproach>;

/**
 * Every drawn path of `res`: polyline legs keep h (less 1 mm) from every building edge and every
 * vehicle-stopping barrier line the class cannot pass (the last leg may end touching its own
 * target line), no leg's midpoint inside a building; speeds obey u² − 2b·L ≤ v² ≤ u² + 2a·L leg by leg
 * (b the class's braking: "braking before corners", hvm.md §1) and never exceed top speed.
 */
function checkPaths(features: LocalFeature[], res: Result, frame: ReturnType<typeof localScene>['frame']) {
  const buildings = features.filter((f) => f.kind === 'building').map((f) => (f.geometry.coordinates as XY[][])[0]);
  let checked = 0;
  for (const f of res.features) {
    if (f.properties.kind !== 'approach_path') continue;
    const v = cls(f.properties.vehicle as string), h = v.widthM / 2;
    const closed = features.filter((b) => b.kind === 'barrier' && (b.properties?.barrier_type ?? 'bollard') !== 'fence' && Number(b.properties?.gap_m ?? 0) < v.widthM)
      .map((b) => ({ id: b.id, line: b.geometry.coordinates as XY[] }));
    const path = (f.geometry.coordinates as number[][]).map((p) => frame.toLocal(p));
    const speeds = (f.properties.speeds_kmh as number[]).map((s) => s / 3.6);
    expect(speeds).toHaveLength(path.length);
    expect(speeds[0]).toBe(0);
    for (let i = 0; i + 1 < path.length; i++) {
      const [a, b] = [path[i], path[i + 1]];
      const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
      expect(speeds[i + 1] ** 2).toBeLessThanOrEqual(speeds[i] ** 2 + 2 * v.accelMps2 * L + 1e-6);
      // Braking before corners (hvm.md §1): no leg slows the vehicle faster than its braking b.
      expect(speeds[i + 1] ** 2).toBeGreaterThanOrEqual(speeds[i] ** 2 - 2 * v.brakeMps2 * L - 1e-6);
      expect(speeds[i + 1]).toBeLessThanOrEqual(v.topSpeedKmh / 3.6 + 1e-9);
      for (const ring of buildings) {
        for (let k = 0; k + 1 < ring.length; k++) {
          expect(segmentSegmentDistance(a[0], a[1], b[0], b[1], ring[k][0], ring[k][1], ring[k + 1][0], ring[k + 1][1])).toBeGreaterThan(h - 1e-3);
        }
        expect(pointInMultiPolygon([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], [[ring]])).toBe(false);
      }
      const last = i + 2 === path.length;
      for (const { id, line } of closed) {
        for (let k = 0; k + 1 < line.length; k++) {
          expect(segmentsIntersect(a[0], a[1], b[0], b[1], line[k][0], line[k][1], line[k + 1][0], line[k + 1][1])).toBe(false);
          if (last && id === f.properties.target_id) continue;
          expect(segmentSegmentDistance(a[0], a[1], b[0], b[1], line[k][0], line[k][1], line[k + 1][0], line[k + 1][1])).toBeGreaterThan(h - 1e-3);
        }
      }
    }
    checked++;
  }
  return checked;
}

function analyse(features: LocalFeature[], vehicles: string[]) {
  const { scene, frame } = localScene(features);
  const res = analyzeApproach(scene, { vehicles, frame });
  return { res, frame, speed: (code: string, target = 'z1') => {
    const r = res.summary.results.find((x) => x.target_id === target && x.vehicle === code)!;
    return r.reachable ? r.impact_speed_kmh : undefined;
  } };
}

describe('review: L-shaped streets of 3.5, 6 and 10 m against the racing line', () => {
  it('3.5 m: a car turns (r* = 6.70 m ≥ 5.5 m), a 2-axle truck (r* = 5.25 < 8) and a 4-axle lorry (4.52 < 12) cannot', () => {
    // r* = 3.4142·(3.5 − 1.7071·h): M1 h = 0.9 → 6.70 m; N2A h = 1.15 → 5.25 m; N3G h = 1.275 → 4.52 m.
    expect(racingLineM(3.5, 0.9)).toBeCloseTo(6.70, 2);
    expect(racingLineM(3.5, 1.15)).toBeCloseTo(5.25, 2);
    expect(racingLineM(3.5, 1.275)).toBeCloseTo(4.52, 2);
    // M1 by hand: skid √(9.81·6.70) = 8.11 m/s, then 80 − 1.8 − 6.70 = 71.5 m at 3.2 m/s²:
    // v² = 65.7 + 457.6 → 22.88 m/s = 82.36 km/h.
    expect(lStreetHandKmh(3.5, 'M1')).toBeCloseTo(82.36, 1);
    const f = lStreet(3.5, 0.9);
    const { res, frame, speed } = analyse(f, ['M1', 'N2A', 'N3G']);
    expect(speed('M1')! / lStreetHandKmh(3.5, 'M1')!).toBeGreaterThanOrEqual(0.99);
    expect(speed('N2A')).toBeUndefined();
    expect(speed('N3G')).toBeUndefined();
    expect(checkPaths(f, res, frame)).toBe(1);
  });

  it('6 m: a 4-axle lorry just turns (r* = 13.05 m ≥ 12 m) at its rollover-limited skid speed', () => {
    // N3G: f = min(1.0, SRT 0.35) = 0.35; r* = 3.4142·(6 − 1.7071·1.275) = 13.05 m; skid
    // √(0.35·9.81·13.05) = 6.69 m/s = 24.1 km/h; then 80 − 2.55 − 13.05 = 64.4 m at 0.75 m/s²:
    // v² = 44.8 + 96.6 → 11.89 m/s = 42.81 km/h.
    expect(lStreetHandKmh(6, 'N3G')).toBeCloseTo(42.81, 1);
    const f = lStreet(6, 1.275);
    const { res, frame, speed } = analyse(f, ['N3G']);
    expect(speed('N3G')! / lStreetHandKmh(6, 'N3G')!).toBeGreaterThanOrEqual(0.99);
    // The corner itself: the lowest vertex speed lies between the minimum-radius skid speed
    // √(0.35·9.81·12) = 6.42 m/s = 23.1 km/h and the racing line's 24.1 km/h.
    const path = res.features.find((x) => x.properties.kind === 'approach_path')!;
    const slowest = Math.min(...(path.properties.speeds_kmh as number[]).slice(1));
    expect(slowest).toBeGreaterThanOrEqual(23.1 * 0.995);
    expect(slowest).toBeLessThanOrEqual(24.1 * 1.005);
    expect(checkPaths(f, res, frame)).toBe(1);
  });

  it('10 m: M1, N2A and N3G at least as fast as the racing line (88.11 / 65.95 / 46.64 km/h)', () => {
    // r* = 3.4142·(10 − 1.7071·h) = 28.90 (M1), 27.44 (N2A), 26.71 m (N3G);
    // M1: v² = 9.81·28.90 + 6.4·(80 − 1.8 − 28.90) = 283.5 + 315.5 → 24.48 m/s = 88.11 km/h;
    // N2A (f = 0.5, a = 2.0): 0.5·9.81·27.44 + 4·(80 − 2.3 − 27.44) = 134.6 + 201.0 → 65.95 km/h;
    // N3G: 0.35·9.81·26.71 + 1.5·(80 − 2.55 − 26.71) = 91.7 + 76.1 → 46.64 km/h.
    // (Ours is higher — the search enters the corner on a diagonal from the far side of the
    // street, so it turns less than 90° — but must not be lower.)
    const hand = { M1: 88.11, N2A: 65.95, N3G: 46.64 };
    for (const [code, kmh] of Object.entries(hand)) expect(lStreetHandKmh(10, code)).toBeCloseTo(kmh, 1);
    for (const code of Object.keys(hand)) {
      const f = lStreet(10, cls(code).widthM / 2);
      const { res, frame, speed } = analyse(f, [code]);
      expect(speed(code)! / lStreetHandKmh(10, code)!).toBeGreaterThanOrEqual(0.99);
      expect(checkPaths(f, res, frame)).toBe(1);
    }
  });
});

describe('review: the answer does not depend on where or which way the street is drawn', () => {
  it('the 10 m L-street mirrored, shifted by (3.7, 11.3) m or turned 90° gives the same speeds (mirror/shift 0.1 %, turn 2 %)', () => {
    // Same geometry, so the same hand answer. Mirroring and shifting keep the street's walls
    // parallel to the axes of the search's free-node lattice; a quarter turn does too, but puts
    // lattice nodes elsewhere relative to the walls: up to 2 % (issue #4 item 8's tolerance).
    type Map2 = (p: XY) => XY;
    const moved = (f: LocalFeature[], m: Map2, reverse: boolean): LocalFeature[] => f.map((x) => {
      const g = x.geometry;
      if (g.type === 'Point') return { ...x, geometry: { type: 'Point', coordinates: m(g.coordinates as XY) } };
      if (g.type !== 'Polygon') throw new Error('unexpected geometry');
      return { ...x, geometry: { type: 'Polygon', coordinates: g.coordinates.map((r) => { const q = r.map((p) => m(p as XY)); return reverse ? q.reverse() : q; }) } };
    });
    for (const code of ['M1', 'N2A', 'N3G']) {
      const base = lStreet(10, cls(code).widthM / 2);
      const s0 = analyse(base, [code]).speed(code)!;
      const mirrored = analyse(moved(base, ([x, y]) => [-x, y], true), [code]).speed(code)!;
      const shifted = analyse(moved(base, ([x, y]) => [x + 3.7, y + 11.3], false), [code]).speed(code)!;
      const turned = analyse(moved(base, ([x, y]) => [-y, x], false), [code]).speed(code)!;
      expect(Math.abs(mirrored / s0 - 1)).toBeLessThan(0.001);
      expect(Math.abs(shifted / s0 - 1)).toBeLessThan(0.001);
      expect(Math.abs(turned / s0 - 1)).toBeLessThan(0.02);
    }
  });
});

/**
 * A U-turn round the end of a 12 m median: two 10 m streets (x ∈ [0, 10] and [22, 32]) joined by
 * a 10 m turning space north of the median's end (y ∈ [80, 90]); origin in the west street, zone
 * across the south end of the east street (face y = 0).
 */
function uTurn(): LocalFeature[] {
  return [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -10, 42, 100)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-10, -10, 0, 100)) },
    { id: 'east', kind: 'building', geometry: poly(rect(32, -10, 42, 100)) },
    { id: 'north', kind: 'building', geometry: poly(rect(0, 90, 32, 100)) },
    { id: 'median', kind: 'building', geometry: poly(rect(10, -10, 22, 80)) },
    { id: 'back', kind: 'building', geometry: poly(rect(0, -10, 10, -2)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [5, 0] } },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(22, -10, 32, 0)) },
  ];
}

describe('review: U-turn round the end of a median', () => {
  it('M1 at least as fast as a semicircle of r = 9.1 m about the median end (84.9 → 87.85 km/h)', () => {
    // Feasible by hand: semicircle centred (16, 80), r = min(16 − h, 32 − h − 16, 90 − h − 80) =
    // min(15.1, 15.1, 9.1) = 9.1 m (it clears the median's corners (10, 80), (22, 80) by 9.1 − 6 > h);
    // skid √(9.81·9.1) = 9.45 m/s (the 80 m run-up reaches more, so the car brakes), then straight
    // south from y = 80 along x = 25.1 to the contact at y = h = 0.9: v² = 89.3 + 6.4·79.1
    // → 24.40 m/s = 87.85 km/h.
    const hand = Math.sqrt(G * 9.1 + 2 * 3.2 * 79.1) * 3.6;
    expect(hand).toBeCloseTo(87.85, 1);
    const f = uTurn();
    const { res, frame, speed } = analyse(f, ['M1']);
    expect(speed('M1')! / hand).toBeGreaterThanOrEqual(0.99);
    expect(checkPaths(f, res, frame)).toBe(1);
  });
});

describe('review: monotonicity re-tested by adding barrier lines to these streets', () => {
  it('adding a wall, bollard line (with or without a gap) or fence never raises an impact speed; paths stay clear', () => {
    const scenes: Record<string, LocalFeature[]> = { L10: lStreet(10, 1.275).map((f) => (f.id === 'o1' ? { ...f, geometry: { type: 'Point' as const, coordinates: [5, -50] as XY } } : f)), U12: uTurn() };
    const line = fc.record({
      x0: fc.integer({ min: -5, max: 60 }), y0: fc.integer({ min: -60, max: 90 }), len: fc.integer({ min: 2, max: 12 }), step: fc.integer({ min: 0, max: 11 }),
      gap: fc.constantFrom(0, 0, 1.2, 2.0, 3.0), type: fc.constantFrom('wall', 'bollard', 'fence'),
    });
    type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;
    const withLines = (base: LocalFeature[], lines: Line[]): LocalFeature[] => [...base, ...lines.map((l, i) => ({
      id: `x${i}`, kind: 'barrier',
      geometry: { type: 'LineString' as const, coordinates: [[l.x0, l.y0], [l.x0 + l.len * Math.cos((l.step * Math.PI) / 12), l.y0 + l.len * Math.sin((l.step * Math.PI) / 12)]] as XY[] },
      properties: { barrier_type: l.type, gap_m: l.gap },
    }))];
    fc.assert(
      fc.property(fc.constantFrom('L10', 'U12'), fc.array(line, { maxLength: 2 }), line, fc.constantFrom('M1', 'N2A', 'N3G'), (key, lines, extra, code) => {
        const before = withLines(scenes[key], lines), after = withLines(scenes[key], [...lines, extra]);
        const a = analyse(before, [code]), b = analyse(after, [code]);
        for (const r of a.res.summary.results) {
          const was = r.reachable ? r.impact_speed_kmh : -1;
          const now = b.speed(code, r.target_id) ?? -1;
          expect(now).toBeLessThanOrEqual(was + 1e-9 * Math.max(1, was));
        }
        checkPaths(after, b.res, b.frame);
      }),
      { numRuns: 30, seed: 11 },
    );
  }, 60000);
});
