import { describe, expect, it } from 'vitest';
import type { XY } from '../geometry/local-frame.js';
import { bodyWithin } from './body-within.js';
import { difference, disc, intersection, offsetRegion, regionAreaM2, union, type Region } from './polygon-ops.js';

const square = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const hole = (ring: XY[]): XY[] => [...ring].reverse();
/** Area of the symmetric difference, m². */
const xorAreaM2 = (a: Region, b: Region) => regionAreaM2(difference(a, b)) + regionAreaM2(difference(b, a));

describe('bodyWithin: the centre space grown by the body radius, only inside a zone', () => {
  it('a square yard with a square building hole: (zone 60 × 60) − (hole 20 × 20 shrunk by 2 m = 16 × 16) = 3,344 m²', () => {
    const centre: Region = [[square(0, 0, 100, 100), hole(square(40, 40, 60, 60))]];
    const zone: Region = [[square(20, 20, 80, 80)]];
    // Grown by 2 m the yard covers the whole zone except the hole pulled in to 42–58: 3,600 − 256 = 3,344 m².
    expect(regionAreaM2(bodyWithin(centre, 2, zone, 0.01))).toBeCloseTo(3344, 3);
  });

  it('matches growing the whole space and clipping (convex, L-shaped and edge-crossing holes, two parts)', () => {
    const lShape: XY[] = [[120, 20], [160, 20], [160, 35], [135, 35], [135, 60], [120, 60], [120, 20]];
    const centre: Region = union(
      [[square(0, 0, 200, 200), hole(square(20, 20, 40, 45)), hole(lShape), hole(square(90, 140, 130, 150)), hole(square(60, 60, 61, 61))]],
      [[square(210, 0, 260, 50)]],
    );
    const zone = disc([110, 60], 105);
    const r = 1.15;
    const ours = bodyWithin(centre, r, zone, 0.01);
    const reference = intersection(offsetRegion(centre, r, 0.01), zone);
    // Both use 1 cm arcs; they may place arc vertices differently, never by more than that.
    expect(Math.abs(regionAreaM2(ours) - regionAreaM2(reference)) / regionAreaM2(reference)).toBeLessThan(1e-4);
    expect(xorAreaM2(ours, reference)).toBeLessThan(1);
    // A 1 × 1 m hole shrinks to nothing under a 1.15 m radius: the body covers it.
    expect(ours.every((p) => p.length <= 4)).toBe(true);
  });

  it('is empty away from the space and rejects a non-positive radius', () => {
    expect(bodyWithin([[square(0, 0, 10, 10)]], 1, [[square(50, 50, 60, 60)]], 0.01)).toEqual([]);
    expect(() => bodyWithin([[square(0, 0, 10, 10)]], 0, [[square(0, 0, 5, 5)]], 0.01)).toThrow(/radius/);
  });
});
