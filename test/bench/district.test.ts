import { describe, expect, it } from 'vitest';
import { districtBuildings, DISTRICT_PITCH_M } from './district.js';

describe('benchmark district (workloads.md)', () => {
  it('has 5,000 buildings of 8–20 m, each at least 4 m inside its cell, the same every run', () => {
    const a = districtBuildings(42);
    expect(a).toHaveLength(5000);
    for (const b of a) {
      const xs = b.ring.map((p) => p[0]), ys = b.ring.map((p) => p[1]);
      const w = Math.max(...xs) - Math.min(...xs), d = Math.max(...ys) - Math.min(...ys);
      expect(w).toBeGreaterThanOrEqual(8); expect(w).toBeLessThanOrEqual(20);
      expect(d).toBeGreaterThanOrEqual(8); expect(d).toBeLessThanOrEqual(20);
      const cellX0 = -1000 + b.col * DISTRICT_PITCH_M, cellY0 = -1000 + b.row * DISTRICT_PITCH_M;
      expect(Math.min(...xs) - cellX0).toBeGreaterThanOrEqual(4 - 1e-9);
      expect(cellX0 + DISTRICT_PITCH_M - Math.max(...xs)).toBeGreaterThanOrEqual(4 - 1e-9);
      expect(Math.min(...ys) - cellY0).toBeGreaterThanOrEqual(4 - 1e-9);
      expect(cellY0 + DISTRICT_PITCH_M - Math.max(...ys)).toBeGreaterThanOrEqual(4 - 1e-9);
    }
    expect(districtBuildings(42)).toEqual(a);
    expect(a[70].row).toBe(0); expect(a[71].row).toBe(1);
  });
});
