import { describe, expect, it } from 'vitest';
import {
  airblast,
  BlastRangeError,
  distanceForIncidentPressure,
  incidentPressureKpa,
  reflectedPressureKpa,
  scaledDistance,
} from './kingery-bulmash.js';
import { thresholdsReached } from './blast-thresholds.js';

const PSI = 6.894757;

/** Relative difference. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Kingery–Bulmash hemispherical surface burst (Swisdak fits)', () => {
  // shared/reference/blast-standoff.md §2c, from fcento100/kingery-bulmash tests/test_kingery_bulmash.py
  // (W = 1,000 kg, rel = 0.01); per kg^(1/3), so evaluate at W = 1 kg where R = Z.
  const table: [number, number, number, number, number, number, number][] = [
    // Z,   ta,    Ps,     Pr,     td,    is,    ir
    [0.5, 0.143, 4888, 39422, 0.281, 166.2, 2371],
    [1, 0.467, 1354, 8152, 1.72, 236.3, 884.7],
    [2, 1.693, 283.7, 1058, 2.053, 134.6, 363.8],
    [3, 3.546, 115.7, 330.7, 2.819, 92.7, 224.3],
    [5, 8.242, 43.23, 100.9, 3.793, 59.31, 125.6],
    [10, 21.66, 14.89, 31.54, 4.779, 31.04, 59.33],
    [20, 49.93, 6.102, 12.44, 5.94, 15.89, 28.67],
    [40, 107.8, 2.375, 4.775, 7.162, 7.885, 13.85],
  ];
  it.each(table)('reproduces the §2c table within 1 %% at Z = %s m/kg^1/3', (z, ta, ps, pr, td, is, ir) => {
    const b = airblast(z, 1);
    expect(rel(b.arrivalMs!, ta)).toBeLessThan(0.01);
    expect(rel(b.incidentKpa!, ps)).toBeLessThan(0.01);
    expect(rel(b.reflectedKpa!, pr)).toBeLessThan(0.01);
    expect(rel(b.positiveDurationMs!, td)).toBeLessThan(0.01);
    expect(rel(b.incidentImpulseKpaMs!, is)).toBeLessThan(0.01);
    expect(rel(b.reflectedImpulseKpaMs!, ir)).toBeLessThan(0.01);
  });

  it('scales times and impulses by W^(1/3) (same table at W = 1,000 kg, R = 10·Z)', () => {
    const b = airblast(100, 1000); // Z = 100 / 10 = 10
    expect(b.scaledDistance).toBeCloseTo(10, 12);
    expect(rel(b.arrivalMs!, 216.6)).toBeLessThan(0.01);
    expect(rel(b.incidentImpulseKpaMs!, 310.4)).toBeLessThan(0.01);
  });

  it('has Ps and is at Z = 100 but no Pr there (§2c last row)', () => {
    const b = airblast(100, 1);
    expect(rel(b.incidentKpa!, 0.654)).toBeLessThan(0.01);
    expect(rel(b.incidentImpulseKpaMs!, 2.98)).toBeLessThan(0.01);
    expect(b.reflectedKpa).toBeNull();
    expect(b.outOfRange.some((m) => m.includes('reflected overpressure') && m.includes('0.06–40'))).toBe(true);
  });

  it('uses −0.01123 for metric ir: ir(Z=10) = 59.33, not 78.0 (§6 item 3, the package sign bug)', () => {
    expect(rel(airblast(10, 1).reflectedImpulseKpaMs!, 59.33)).toBeLessThan(0.01);
  });

  it('10,000 kg at 500 m matches the PyPI README, with ir ≈ 529 kPa·ms (§6 item 4)', () => {
    // Z = 500 / 10000^(1/3) = 500 / 21.544 = 23.21 m/kg^(1/3).
    const b = airblast(500, 10000);
    expect(rel(b.incidentKpa!, 5.055)).toBeLessThan(0.01);
    expect(rel(b.reflectedKpa!, 10.24)).toBeLessThan(0.01);
    expect(rel(b.arrivalMs!, 1276.2)).toBeLessThan(0.01);
    expect(rel(b.positiveDurationMs!, 133.2)).toBeLessThan(0.01);
    expect(rel(b.incidentImpulseKpaMs!, 295.9)).toBeLessThan(0.01);
    expect(rel(b.reflectedImpulseKpaMs!, 529)).toBeLessThan(0.01);
  });

  it('K40 (15.87 m/kg^1/3) gives ≈1.18 psi = 8.1 kPa; 227 kg at 98 m gives 8.0 kPa (§6 item 5, Swisdak IBD)', () => {
    expect(incidentPressureKpa(15.87) / PSI).toBeCloseTo(1.18, 2);
    expect(rel(incidentPressureKpa(15.87), 8.1)).toBeLessThan(0.01);
    expect(incidentPressureKpa(scaledDistance(98, 227))).toBeCloseTo(8.0, 1);
  });

  it('227 kg car bomb: the §6 item 6 distances and pressures (derived from the Swisdak fits)', () => {
    expect(distanceForIncidentPressure(6.9, 227)).toBeCloseTo(110.6, 0);
    expect(distanceForIncidentPressure(34.5, 227)).toBeCloseTo(34.8, 0);
    expect(distanceForIncidentPressure(103.4, 227)).toBeCloseTo(19.3, 0);
    expect(rel(airblast(25, 227).incidentKpa!, 62.0)).toBeLessThan(0.005);
    expect(rel(airblast(25, 227).reflectedKpa!, 153.9)).toBeLessThan(0.005);
    expect(rel(airblast(45, 227).incidentKpa!, 23.0)).toBeLessThan(0.005);
  });

  it('the inverse undoes the forward fit to 1e-9 across the whole range', () => {
    for (const z of [0.21, 0.5, 2.9, 3.7, 22, 50, 198]) {
      const p = incidentPressureKpa(z);
      expect(rel(distanceForIncidentPressure(p, 1), z)).toBeLessThan(1e-9);
    }
  });

  it('where the fit jumps (Ps rises 0.7 % across Z = 23.8) the inverse returns the farthest distance', () => {
    const p = incidentPressureKpa(23.8); // 4.8947 kPa, also reached again just past 23.8
    const z = distanceForIncidentPressure(p, 1);
    expect(z).toBeGreaterThan(23.8);
    expect(rel(incidentPressureKpa(z), p)).toBeLessThan(1e-9);
  });

  it('refuses Z = 0.1 for Ps (below the 0.2 lower bound) with a BlastRangeError naming Z and the range (§6 item 7)', () => {
    expect(() => incidentPressureKpa(0.1)).toThrow(BlastRangeError);
    expect(() => incidentPressureKpa(0.1)).toThrow(/Z = 0\.1 .*0\.2–198\.5/);
    expect(() => reflectedPressureKpa(41)).toThrow(/Z = 41 .*0\.06–40/);
    expect(airblast(0.1, 1).incidentKpa).toBeNull();
    expect(() => distanceForIncidentPressure(1e6, 1)).toThrow(/outside the Kingery–Bulmash range/);
  });
});

describe('blast thresholds', () => {
  it('a 227 kg car bomb at 45 m (23.0 kPa) passes the IBD and masonry thresholds but not eardrum rupture', () => {
    const ids = thresholdsReached(23.0).map((t) => t.id);
    expect(ids).toContain('inhabited_building_distance');
    expect(ids).toContain('brickwork_half_destroyed');
    expect(ids).not.toContain('eardrum_rupture');
    // Every band names its source; the secondary ones are flagged.
    for (const t of thresholdsReached(1e9)) expect(t.source.length).toBeGreaterThan(10);
    expect(thresholdsReached(1e9).find((t) => t.id === 'glass_breakage')!.secondary).toBe(true);
  });
});
