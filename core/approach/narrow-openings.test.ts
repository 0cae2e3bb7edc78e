import { describe, expect, it } from 'vitest';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import { analyzeApproach } from './analyze-approach.js';
import { clearStretches } from './clear-stretches.js';
import { obstacleEdges } from './obstacle-edges.js';

/**
 * Narrow openings (issue #4 review, 2026-11-29): starts on the area's edge are spaced 5 m and
 * contact samples on a target 1 m, so a street or alley whose clear width (width less the vehicle's)
 * fell between two of them had no start or no contact, and its target read "unreachable" — the
 * safe-looking answer for a zone a car reaches at 64–81 km/h. `clearStretches` adds a point in every
 * stretch clear of buildings that the spacing misses. Each scene was worked by hand (below) and
 * failed on main bccb930.
 */
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] as XY });

function speedKmh(features: LocalFeature[], code: string): number | undefined {
  const { scene, frame } = localScene(features);
  const r = analyzeApproach(scene, { vehicles: [code], frame }).summary.results.find((x) => x.target_id === 'z1')!;
  return r.reachable ? r.impact_speed_kmh : undefined;
}

describe('clearStretches', () => {
  // Two 10 m buildings either side of a 6 m street x ∈ [42, 48], edge segment y = 0 from x = 0 to 100.
  const { scene, frame } = localScene([
    { id: 'A', kind: 'building', geometry: poly(rect(32, -5, 42, 20)) },
    { id: 'B', kind: 'building', geometry: poly(rect(48, -5, 58, 20)) },
    { id: 'w', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[44, -5], [44, 5]] }, properties: { barrier_type: 'wall' } },
  ]);
  const edges = obstacleEdges(blockedObstacles(scene, frame, 1.8));
  const round = (s: [number, number][]) => s.map(([a, b]) => [Number(a.toFixed(6)), Number(b.toFixed(6))]);
  it('the street between two buildings, h = 0.9: clear [0, 31.1], [42.9, 47.1], [58.9, 100] and the insides (buildings only, not the wall)', () => {
    // The line y = 0 crosses each building: within 0.9 m of its west and east faces it is blocked
    // (A: [31.1, 32.9] and [41.1, 42.9]); its inside, farther than 0.9 m from every edge, counts as
    // a stretch too (callers drop points inside obstacles). The wall at x = 44 is not a building.
    expect(round(clearStretches(edges, 0, 0, 100, 0, 0.9))).toEqual([[0, 31.1], [32.9, 41.1], [42.9, 47.1], [48.9, 57.1], [58.9, 100]]);
  });
  it('beside a building at 3 m, h = 0.9: only the disc chords of its corners and its band block', () => {
    // Line y = 23 (3 m north of both buildings' north faces y = 20): farther than 0.9 from both: all clear.
    expect(round(clearStretches(edges, 0, 23, 100, 23, 0.9))).toEqual([[0, 100]]);
    // Line y = 20.5: within 0.9 of the faces over [32 − √(0.9² − 0.5²), 42 + …]: √0.56 = 0.748331.
    expect(round(clearStretches(edges, 0, 20.5, 100, 20.5, 0.9))).toEqual([[0, 31.251669], [42.748331, 47.251669], [58.748331, 100]]);
  });
  it('a street narrower than the vehicle has no stretch', () => {
    expect(clearStretches(edges, 42, 0, 48, 0, 3.01)).toEqual([]);
  });
});

/**
 * A 2.5 m alley (x ∈ [a0, a0 + 2.5]) running north between two buildings whose fronts line a
 * plaza: the crowd zone's face (and a bollard line) runs the whole 30 m plaza edge y = Y. The car
 * (M1, h = 0.9) drives 50 m straight up the alley from rest, its body touching the face while its
 * centre is still in the alley: √(2·3.2·50) = 17.889 m/s = 64.40 km/h, wherever the alley sits.
 * On main the answer depends on where the alley sits relative to the zone's 1 m contact samples
 * (edge midpoints every 1 m at x = 0.5, 1.5, …): the centre can only be in [a0 + 0.9, a0 + 1.6],
 * which misses every sample for a0 = 10.7 ([11.6, 12.3]) — unreachable; at a0 = 10.6 it is 64.5.
 * (Alleys up to ≈ 2h + 1 m wide are affected: 2.0–2.8 m for M1, up to 3.55 m for N3G.)
 */
function alley(a0: number, barrier: boolean): LocalFeature[] {
  const w = 2.5, h = 0.9, Y = 50 + h;
  return [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -10, 40, Y + 20)) },
    { id: 'A', kind: 'building', geometry: poly(rect(-10, -10, a0, Y)) },
    { id: 'B', kind: 'building', geometry: poly(rect(a0 + w, -10, 40, Y)) },
    { id: 'end', kind: 'building', geometry: poly(rect(a0, -10, a0 + w, -h - 0.01)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: pt(a0 + w / 2, 0) },
    ...(barrier ? [{ id: 'bl', kind: 'barrier', geometry: { type: 'LineString' as const, coordinates: [[0, Y], [30, Y]] as XY[] }, properties: { barrier_type: 'bollard', rating: 'V/1500[M1]/48/90:0.5' } }] : []),
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(0, Y + (barrier ? 3 : 0), 30, Y + 13)) },
  ];
}

describe('a zone or barrier line at the mouth of a narrow alley', () => {
  const hand = Math.sqrt(2 * 3.2 * 50) * 3.6; // 64.40 km/h
  it('the zone is hit at 64.40 km/h wherever the alley sits (a0 = 10.6 and 10.7)', () => {
    for (const a0 of [10.6, 10.7]) expect(speedKmh(alley(a0, false), 'M1') ?? 0).toBeGreaterThanOrEqual(0.999 * hand); // main: unreachable at 10.7
  });
  it('a 48 km/h-rated bollard line along the plaza edge fails for the car at 64.40 km/h, not "not_reached"', () => {
    const { scene, frame } = localScene(alley(10.7, true));
    const { summary } = analyzeApproach(scene, { vehicles: ['M1'], frame });
    expect(summary.barriers[0].verdict).toBe('fail'); // main: not_reached
  });
});

describe('a street entering through the analysis area edge (no vehicle_origin: starts on the edge)', () => {
  it('a 6 m street x ∈ [42, 48] from the south edge to the zone: √(2·3.2·79.1) = 22.50 m/s = 81.0 km/h', () => {
    // scene-format.md: "hostile vehicles start from its edge unless vehicle_origins exist". A start
    // at rest anywhere on the edge inside the street's band x ∈ [42.9, 47.1] runs 80 − h = 79.1 m
    // straight north to the zone. On main the edge is sampled every 5 m at segment midpoints
    // (x = 42.5, 47.5: both outside the band): unreachable. Shifted to x ∈ [41, 47] it is 82.4.
    // (Miss rate for a street of width w: 1 − (w − 2h)/5 — a 6 m street: 16 % for M1, 31 % for N3G.)
    const hand = Math.sqrt(2 * 3.2 * 79.1) * 3.6;
    const f: LocalFeature[] = [
      { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) },
      { id: 'A', kind: 'building', geometry: poly(rect(-5, -5, 42, 80)) },
      { id: 'B', kind: 'building', geometry: poly(rect(48, -5, 105, 80)) },
      { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(0, 80, 100, 100)) },
    ];
    expect(speedKmh(f, 'M1') ?? 0).toBeGreaterThanOrEqual(0.99 * hand); // main: unreachable
  });
});
