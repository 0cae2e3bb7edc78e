import { describe, expect, it } from 'vitest';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { analyzeApproach } from './analyze-approach.js';

/**
 * Manoeuvres inside a street (issue #4 review, 2026-11-29): a chicane of barrier walls or of
 * vehicle-stopping obstacles, a U-turn round the end of a median, a dog-leg of two corners 10 m
 * apart. Each has a hand-worked feasible path (every arc at least the class's minimum turning
 * radius, clear of every obstacle by h, driven at the skid limit √(f·g·r), hvm.md §1); the analysis
 * must find the target reachable at ≥ 99 % of that path's speed (its own paths are drivable, so it
 * may find faster ones). Before street nodes (weave-nodes.ts, `STREET_NODE_LEG_M`) all five read
 * "unreachable" — the safe-looking answer. Brute-force reference (test/bench/approach-reference.ts,
 * 0.5 m cells, 5° headings): chicane M1 93.99 / N3G 45.02 km/h; U-turn 2 m median M1 94.41; 12 m
 * median N3G 48.89; dog-leg N3G 54.32 km/h.
 */
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] as XY });
const G = 9.81;

function speedKmh(features: LocalFeature[], code: string): number | undefined {
  const { scene, frame } = localScene(features);
  const r = analyzeApproach(scene, { vehicles: [code], frame }).summary.results.find((x) => x.target_id === 'z1')!;
  return r.reachable ? r.impact_speed_kmh : undefined;
}

/** A 10 m street running north (x ∈ [0, 10]) with two 6 m walls from alternate sides, 15 m apart. */
function chicane(kind: 'barrier' | 'obstacle'): LocalFeature[] {
  const wall = (id: string, x0: number, x1: number, y: number): LocalFeature => kind === 'barrier'
    ? { id, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[x0, y], [x1, y]] }, properties: { barrier_type: 'wall' } }
    : { id, kind: 'obstacle', geometry: poly(rect(x0, y - 0.2, x1, y + 0.2)), properties: { stops_vehicles: true } };
  return [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -10, 20, 120)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-10, -10, 0, 120)) },
    { id: 'east', kind: 'building', geometry: poly(rect(10, -10, 20, 120)) },
    { id: 'end', kind: 'building', geometry: poly(rect(0, -10, 10, -1)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: pt(8, 1) },
    wall('wA', 0, 6, 40),
    wall('wB', 4, 10, 55),
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(0, 100, 10, 110)) },
  ];
}

describe('chicane of barrier walls / vehicle-stopping obstacles (an S-bend) is drivable', () => {
  // Feasible S for M1 (h = 0.9): north along x = 8 to (8, 40) (wall A's end (6, 40) is 2 m away),
  // two arcs of R = (15² + 6²) / (4·6) = 10.875 m (lateral 6 m over 15 m), to (2, 55) heading
  // north (wall B's end (4, 55) 2 m away; arc centres (−2.875, 40) and (12.875, 55) are
  // 8.875 m from the wall ends, so the arcs clear them by 2 m), then straight to the zone
  // (contact y = 100 − 0.9). Run-up (8, 1) → (8, 40): √(2·3.2·39) = 15.8 m/s > skid
  // √(9.81·10.875) = 10.33 m/s; then v² = 106.7 + 6.4·44.1 = 389.0 → 19.72 m/s = 71.0 km/h.
  const m1 = Math.sqrt(G * 10.875 + 2 * 3.2 * 44.1) * 3.6;
  // N3G (h = 1.275, R ≥ 12, f = 0.35): R = 12 arcs need √(4·12·6 − 6²) = 15.87 m for the 6 m
  // shift, from (8, 39.6) to (2, 55.47) (at y = 40 x = 7.99, at y = 55 x = 2.01; arc centres
  // (−4, 39.6) and (14, 55.47) lie 10.0 m from the wall ends: clear by 2.0 m > h). Skid
  // √(0.35·9.81·12) = 6.42 m/s (the 38.6 m run-up reaches 7.6 m/s); then 98.725 − 55.47 = 43.25 m:
  // v² = 41.2 + 1.5·43.25 = 106.1 → 10.30 m/s = 37.1 km/h.
  const n3g = Math.sqrt(0.35 * G * 12 + 2 * 0.75 * 43.25) * 3.6;
  for (const kind of ['barrier', 'obstacle'] as const) {
    it(`${kind}s: M1 ≥ 71.0 km/h, N3G ≥ 37.1 km/h`, () => {
      expect(m1).toBeCloseTo(71.0, 1);
      expect(n3g).toBeCloseTo(37.1, 1);
      expect(speedKmh(chicane(kind), 'M1') ?? 0).toBeGreaterThanOrEqual(0.99 * m1);
      expect(speedKmh(chicane(kind), 'N3G') ?? 0).toBeGreaterThanOrEqual(0.99 * n3g);
    });
  }
});

/** Two 10 m streets either side of a median `mw` wide, joined by a 10 m turning space at y ∈ [80, 90]. */
function uTurn(mw: number): LocalFeature[] {
  const E = 10 + mw;
  return [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -10, E + 20, 100)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-10, -10, 0, 100)) },
    { id: 'east', kind: 'building', geometry: poly(rect(E + 10, -10, E + 20, 100)) },
    { id: 'north', kind: 'building', geometry: poly(rect(0, 90, E + 10, 100)) },
    { id: 'median', kind: 'building', geometry: poly(rect(10, -10, E, 80)) },
    { id: 'back', kind: 'building', geometry: poly(rect(0, -10, 10, -2)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: pt(5, 0) },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(E, -10, E + 10, 0)) },
  ];
}

describe('U-turn round the end of a median', () => {
  it('2 m median, M1: semicircle r = 9.1 m about (11, 80) → ≥ 87.85 km/h', () => {
    // r = min(11 − 0.9, 22 − 0.9 − 11, 90 − 0.9 − 80) = 9.1; clears the median corners (10, 80),
    // (12, 80) by 9.1 − 1 = 8.1 m. Skid √(9.81·9.1) = 9.45 m/s, then south along x = 20.1 from
    // y = 80 to the contact at y = 0.9: v² = 89.3 + 6.4·79.1 → 24.40 m/s = 87.85 km/h.
    const hand = Math.sqrt(G * 9.1 + 2 * 3.2 * 79.1) * 3.6;
    expect(speedKmh(uTurn(2), 'M1') ?? 0).toBeGreaterThanOrEqual(0.99 * hand);
  });

  it('12 m median, N3G: circle r = 12 m about (16, 76.725) → ≥ 44.73 km/h', () => {
    // Sides at x = 4 and 28 (inside [1.275, 8.725] and [23.275, 30.725]), top at 88.725 = 90 − h;
    // median corners (10, 80), (22, 80) are 6.84 m from the centre: clear by 5.16 m. Skid
    // √(0.35·9.81·12) = 6.418 m/s, then south along x = 28 from y = 76.725 to y = 1.275:
    // v² = 41.2 + 1.5·75.45 → 12.43 m/s = 44.73 km/h.
    const hand = Math.sqrt(0.35 * G * 12 + 2 * 0.75 * 75.45) * 3.6;
    expect(hand).toBeCloseTo(44.73, 1);
    expect(speedKmh(uTurn(12), 'N3G') ?? 0).toBeGreaterThanOrEqual(0.99 * hand);
  });
});

describe('dog-leg (two opposite corners 10 m apart)', () => {
  it('8 m streets jogging 10 m east, N3G: two R = 12 m arcs and a 45° straight → ≥ 41.95 km/h', () => {
    // Streets x ∈ [0, 8] (to y = 0), the jog y ∈ [0, 8], x ∈ [10, 18] (from y = 0 north); inner
    // corners (8, 0) and (10, 8); N3G h = 1.275, R_min = 12, f = 0.35. Path: north from the origin
    // (4, −70) to (4, −7); arc right R = 12 (centre (16, −7)) through 45° to (7.515, 1.485): the
    // corner (8, 0) is 10.63 m from the centre, so 1.37 m > h inside the arc; it crosses x = 6.725
    // at y = 0.62 (≥ 0, so never within h of building se); straight at 45° (x − y = 6.03: 2.09 m
    // from (8, 0) and 2.85 m from (10, 8)) to (13.21, 7.18); arc left R = 12 (centre (4.725,
    // 15.665); (10, 8) is 9.31 m from it) through 45° to (16.725, 15.665) heading north, inside
    // [11.275, 16.725]. Skid √(0.35·9.81·12) = 6.418 m/s (the 63 m run-up reaches 9.7 m/s); then
    // to the contact y = 80 − 1.275: 63.06 m at 0.75: v² = 41.2 + 94.6 → 11.65 m/s = 41.95 km/h.
    const hand = Math.sqrt(0.35 * G * 12 + 2 * 0.75 * (78.725 - 15.665)) * 3.6;
    expect(hand).toBeCloseTo(41.95, 1);
    const f: LocalFeature[] = [
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -80, 28, 90)) },
      { id: 'sw', kind: 'building', geometry: poly(rect(-10, -80, 0, 90)) },
      { id: 'se', kind: 'building', geometry: poly(rect(8, -80, 28, 0)) },
      { id: 'nw', kind: 'building', geometry: poly(rect(0, 8, 10, 90)) },
      { id: 'ne', kind: 'building', geometry: poly(rect(18, 0, 28, 90)) },
      { id: 'end', kind: 'building', geometry: poly(rect(0, -80, 8, -75)) },
      { id: 'o1', kind: 'vehicle_origin', geometry: pt(4, -70) },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(10, 80, 18, 90)) },
    ];
    expect(speedKmh(f, 'N3G') ?? 0).toBeGreaterThanOrEqual(0.99 * hand);
  });
});
