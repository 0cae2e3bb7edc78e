import { describe, expect, it } from 'vitest';
import type { XY } from '../geometry/local-frame.js';
import { regionDistanceM, regionLineDistanceM, polylineDistanceM } from './region-distance.js';

const rect = (x0: number, y0: number, x1: number, y1: number): XY[][] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

describe('exact distance between regions', () => {
  it('is edge-to-edge, not vertex-to-vertex: a square above the middle of a long bar is 7 m away', () => {
    // Bar y ∈ [0, 1], x ∈ [-100, 100]; square x ∈ [-5, 5], y ∈ [8, 18]. Nearest vertices are ~95 m apart;
    // the edges y = 1 and y = 8 are 7 m apart.
    expect(regionDistanceM([rect(-100, 0, 100, 1)], [rect(-5, 8, 5, 18)])).toBeCloseTo(7, 12);
  });
  it('diagonal gap: corner (10, 10) to corner (13, 14) is 5 m', () => {
    expect(regionDistanceM([rect(0, 0, 10, 10)], [rect(13, 14, 20, 20)])).toBeCloseTo(5, 12);
  });
  it('is 0 when overlapping, touching or nested, and measures to a hole’s edge from inside the hole', () => {
    expect(regionDistanceM([rect(0, 0, 10, 10)], [rect(5, 5, 20, 20)])).toBe(0);
    expect(regionDistanceM([rect(0, 0, 10, 10)], [rect(10, 0, 20, 10)])).toBe(0);
    expect(regionDistanceM([rect(0, 0, 100, 100)], [rect(40, 40, 60, 60)])).toBe(0);
    const ring = [[...rect(0, 0, 100, 100), ...rect(20, 20, 80, 80).map((r) => [...r].reverse())]];
    expect(regionDistanceM(ring, [rect(45, 45, 55, 55)])).toBeCloseTo(25, 12);
  });
  it('lines: crossing gives 0, a parallel line 3 m off gives 3, nothing gives Infinity', () => {
    expect(regionLineDistanceM([rect(0, 0, 10, 10)], [[[-5, 5], [15, 5]]])).toBe(0);
    expect(regionLineDistanceM([rect(0, 0, 10, 10)], [[[-5, 13], [15, 13]]])).toBeCloseTo(3, 12);
    expect(polylineDistanceM([], [[[0, 0], [1, 1]]])).toBe(Infinity);
  });
});
