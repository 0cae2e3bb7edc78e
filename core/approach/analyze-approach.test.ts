import { describe, expect, it } from 'vitest';
import { localScene, rect } from '../drivable/local-scene.js';
import { analyzeApproach } from './analyze-approach.js';

const G = 9.81;

/**
 * L-shaped street, 10 m wide: north along x ∈ [0, 10] from a vehicle origin, then east along
 * y ∈ [0, 10] to a crowd zone at x ∈ [90, 100]. The inner corner is building C's corner (10, 0).
 */
function lStreet() {
  return localScene([
    { id: 'area', kind: 'analysis_area', geometry: { type: 'Polygon', coordinates: [rect(-50, -100, 100, 60)] } },
    { id: 'west', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(-50, -100, 0, 60)] } },
    { id: 'north', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(0, 10, 100, 60)] } },
    { id: 'C', kind: 'building', geometry: { type: 'Polygon', coordinates: [rect(10, -100, 100, 0)] } },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [9.099, -95] } },
    { id: 'z1', kind: 'crowd_zone', geometry: { type: 'Polygon', coordinates: [rect(90, 0, 100, 10)] } },
  ]);
}

describe('analyzeApproach on a hand-worked L-shaped street', () => {
  it('M1: straight run-up, racing-line corner, straight run-up to the zone', () => {
    const { scene, frame } = lStreet();
    // Corner nodes only (no free lattice), so the only route is the hand-worked one.
    const { summary, features } = analyzeApproach(scene, { vehicles: ['M1'], frame, route: { freeSpacingM: Infinity } });
    // M1: width 1.8 → h = 0.9; a = 3.2 m/s²; lateral limit min(μ = 1.0, SRT 1.2) = 1.0 g; top 160 km/h.
    // Corner node: corner (10, 0) pushed out along its bisector by h + 1 mm on each axis → N = (9.099, 0.901).
    // Run-up: origin (9.099, −95) straight north to N: 95.901 m → √(2·3.2·95.901) = 24.77 m/s.
    const runUp = Math.sqrt(2 * 3.2 * 95.901);
    // Room to swing out at N: nearest other walls x = 0 and y = 10 are 9.099 m away, less h → c = 8.199 m.
    const c = 9.099 - 0.9;
    // Contact samples on the zone's west face every 1 m, centre at x = 90 − h = 89.1; the highest the
    // centre may be is y ≤ 10 − h = 9.1, so the best sample is y = 8.5 (smallest turn).
    const A = [89.1, 8.5];
    const dx = A[0] - 9.099, dy = A[1] - 0.901;
    const L = Math.hypot(dx, dy);
    const cosTheta = dy / L; // incoming direction is due north (0, 1)
    const radius = c / (1 - Math.sqrt((1 + cosTheta) / 2)); // r = c / (1 − cos(θ/2))
    const corner = Math.min(runUp, Math.sqrt(1.0 * G * radius)); // skid limit √(f·g·r)
    // The arc holds the speed to the skid limit for its tangent length r·tan(θ/2) past the apex,
    // then the car accelerates over the rest of the leg: v² = u² + 2as.
    const hold = radius * Math.tan(Math.acos(cosTheta) / 2);
    const impact = Math.sqrt(corner * corner + 2 * 3.2 * (L - hold));
    expect(radius).toBeCloseTo(31.5, 1); // θ = 84.1°, cos(θ/2) = 0.740
    expect(corner).toBeLessThan(runUp);
    expect(hold).toBeCloseTo(28.7, 1);
    const r = summary.results.find((x) => x.target_id === 'z1')!;
    expect(r.reachable).toBe(true);
    if (!r.reachable) return;
    expect(r.impact_speed_kmh).toBeCloseTo(impact * 3.6, 6);
    expect(r.path_length_m).toBeCloseTo(95.901 + L, 6);
    // Energy ½mv² with m = 1500 kg.
    expect(r.energy_kj).toBeCloseTo((0.5 * 1500 * impact * impact) / 1000, 6);
    const path = features.find((f) => f.properties.kind === 'approach_path' && f.properties.target_id === 'z1')!;
    const speeds = path.properties.speeds_kmh as number[];
    expect(speeds).toHaveLength(3);
    expect(speeds[0]).toBe(0);
    expect(speeds[1]).toBeCloseTo(corner * 3.6, 6);
    expect(speeds[2]).toBeCloseTo(impact * 3.6, 6);
  });
});
