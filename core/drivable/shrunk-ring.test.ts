import { describe, expect, it } from 'vitest';
import type { XY } from '../geometry/local-frame.js';
import { rect } from './local-scene.js';
import { growTree, multiPolygonAreaM2, multiPolygonToPaths, polyTreeToMultiPolygon } from './polygons.js';
import { shrunkRing } from './shrunk-ring.js';

describe('shrunkRing', () => {
  it('a 20 × 20 square grown by 1 m (round corners) shrinks back onto the square’s outline: 400 m², within the 5 mm arc tolerance', () => {
    const grown = polyTreeToMultiPolygon(growTree(multiPolygonToPaths([[rect(0, 0, 20, 20)]]), 1));
    const back = shrunkRing(grown[0][0], 1, 0.005);
    expect(back).toHaveLength(1);
    expect(multiPolygonAreaM2(back)).toBeCloseTo(400, 2);
    // The grown corners are chords inside the true arc (by ≤ 5 mm), so the corners come back cut by as much.
    for (const [x, y] of back[0][0]) expect(Math.min(Math.abs(x), Math.abs(x - 20), Math.abs(y), Math.abs(y - 20))).toBeLessThan(0.005);
  });

  it('a clockwise ring shrinks the same way; a ring narrower than twice the radius vanishes', () => {
    expect(multiPolygonAreaM2(shrunkRing([...rect(0, 0, 10, 4)].reverse(), 1, 0.005))).toBeCloseTo(8 * 2, 6);
    expect(shrunkRing(rect(0, 0, 10, 1.8), 1, 0.005)).toEqual([]);
  });

  it('a non-convex ring goes through clipper: the L of 40 × 15 and 15 × 40 shrunk by 1 m', () => {
    const l: XY[] = [[0, 0], [40, 0], [40, 15], [15, 15], [15, 40], [0, 40], [0, 0]];
    // Inner parallel L: arms x 1–39 × y 1–14 (38 × 13 = 494) and x 1–14 × y 14–39 (13 × 25 = 325), plus the
    // corner square 14–15 × 14–15 less the quarter disc of radius 1 around the inner corner (15, 15),
    // which is nearer than 1 m to the edge: 819 + 1 − π/4 = 819.215 m² (arc chords within 5 mm).
    expect(Math.abs(multiPolygonAreaM2(shrunkRing(l, 1, 0.005)) - (819 + 1 - Math.PI / 4))).toBeLessThan(0.01);
  });
});
