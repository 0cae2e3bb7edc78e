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
  it('M1: straight run-up, racing-line corner with a spiral exit that clears the north wall, straight run-up to the zone', () => {
    const { scene, frame } = lStreet();
    // Corner nodes only (no free lattice, no weave nodes), so the only route is the hand-worked one.
    // (With weave nodes the car swings across the street first: 99.1 km/h, see weave-nodes.test.ts.)
    const { summary, features } = analyzeApproach(scene, { vehicles: ['M1'], frame, route: { freeSpacingM: Infinity, weaveNodes: false } });
    // M1: width 1.8 → h = 0.9; a = 3.2 m/s²; lateral limit min(μ = 1.0, SRT 1.2) = 1.0 g; r_min = 5.5 m.
    // Corner node: corner (10, 0) pushed out along its bisector by h + 1 mm on each axis → N = (9.099, 0.901).
    // Run-up: origin (9.099, −95) straight north to N: 95.901 m → √(2·3.2·95.901) = 24.77 m/s.
    const runUp = Math.sqrt(2 * 3.2 * 95.901);
    // Room at N: nearest other walls x = 0 and y = 10 are 9.099 m away, less h → c = 8.199 m.
    const c = 9.099 - 0.9;
    // Contact samples on the zone's west face every 1 m, centre at x = 90 − h = 89.1. The exit swings
    // out to the north, so the best sample is low on the face: y = 2.5 (the leg rises 1.6 m; y = 1.5
    // and below are within h of building C or give a shorter leg: 97.540 km/h at y = 1.5).
    const A = [89.1, 2.5];
    const dx = A[0] - 9.099, dy = A[1] - 0.901;
    const L = Math.hypot(dx, dy);
    const psi0 = Math.acos(dy / L) / 2; // half the deflection from due north: θ = 88.86°, ψ₀ = 44.43°
    const rCircle = c / (1 - Math.cos(psi0)); // racing line r = c / (1 − cos(θ/2)) = 28.7 m
    // Spiral exit (spiral-exit.ts): sideways swing per metre of apex radius
    // k·(k·e^(ψ₀/k) − sin ψ₀ − k·cos ψ₀) / (1 + k²), k = f·g / 2a = 9.81 / 6.4 = 1.533 → 0.342.
    const k = G / (2 * 3.2);
    const perRadius = (k * (k * Math.exp(psi0 / k) - Math.sin(psi0) - k * Math.cos(psi0))) / (1 + k * k);
    const rhoMax = Math.min(rCircle, c / perRadius); // 8.199 / 0.3420 = 23.97 m
    expect(rCircle).toBeCloseTo(28.7, 1);
    expect(rhoMax).toBeCloseTo(23.97, 1);
    // Apex radii come from the ladder 5.5·1.05^j (widest ≤ 23.97 m: j = 30, 23.77 m). Its exit ends
    // 0.342·23.77 = 8.1 m out from a leg that rises 1.1°, at y = 9.468, past y = 10 − h = 9.1 (into
    // the north building). The exit rises all the way (X and Y both grow) and the straight back onto
    // the leg falls, so the exit's end is its highest point: the widest exit that keeps h from the
    // wall is j = 29 (22.64 m), its end at y = 9.060. (At y = 3.5 that rung ends at 9.183, into the
    // wall, and j = 28 gives 96.85 km/h. Checked against the leg's room profile in 0.5 m bins: the
    // wall, 1.1° off the leg, is conservative there by 0.5·tan 1.1° = 1 cm.)
    const rho = 5.5 * 1.05 ** 29;
    const q = (rho * k) / (1 + k * k), e = Math.exp(psi0 / k);
    const Xe = q * (e - (Math.cos(psi0) - k * Math.sin(psi0))), Ye = q * (e * k - (Math.sin(psi0) + k * Math.cos(psi0)));
    const exitY = 0.901 + (Xe * dy) / L + (Ye * dx) / L; // the exit's end, world y
    expect(exitY).toBeLessThan(9.1);
    expect(exitY).toBeGreaterThan(9.05);
    const corner = Math.min(runUp, Math.sqrt(1.0 * G * rho)); // skid limit √(f·g·ρ) = 14.90 m/s
    // From the apex the car accelerates at full a along the spiral and the straight: v² = u² + 2aL.
    const impact = Math.sqrt(corner * corner + 2 * 3.2 * L);
    expect(corner).toBeLessThan(runUp);
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
