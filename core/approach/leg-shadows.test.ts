import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rect } from '../drivable/local-scene.js';
import type { BlockedObstacle } from '../drivable/blocked-obstacles.js';
import { obstacleEdges, segmentClear } from './obstacle-edges.js';
import { pointClear } from './approach-graph.js';
import { diamondAngle, legShadows } from './leg-shadows.js';

const h = 0.9;
/** Decimetre values in [lo, hi] (fast-check's doubles crowd at the bounds). */
const num = (lo: number, hi: number) => fc.integer({ min: lo * 10, max: hi * 10 }).map((v) => v / 10 + 0.0137);

describe('leg shadows (fast exact reject of legs through obstacles)', () => {
  it('diamond angle: 0, 1, 2, 3 on the axes, monotone in the true angle, +2 for half a turn', () => {
    expect([diamondAngle(1, 0), diamondAngle(0, 1), diamondAngle(-1, 0), diamondAngle(0, -1)]).toEqual([0, 1, 2, 3]);
    // 45°: dy / (dx + dy) = 1 / 2.
    expect(diamondAngle(3, 3)).toBe(0.5);
    let last = -1;
    for (let k = 0; k < 720; k++) {
      const a = (k / 720) * 2 * Math.PI;
      const p = diamondAngle(Math.cos(a), Math.sin(a));
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
      expect(Math.abs(((diamondAngle(-Math.cos(a), -Math.sin(a)) - p + 4) % 4) - 2)).toBeLessThan(1e-12);
    }
  });

  // A 10 × 10 m building at x, y ∈ [0, 10], seen from (−5, 5): only its face x = 0 faces the
  // point, so a ray into its span enters within √(5² + 5²) = 7.07 m (the face's far ends).
  const edges = obstacleEdges([{ featureId: 'B', kind: 'building', shape: 'polygon', polygons: [[rect(0, 0, 10, 10)]] }]);
  const s = legShadows(edges, 100);

  it('refuses a leg through the building beyond the face, not one beside it or short of the bound', () => {
    s.from(-5, 5);
    expect(s.blocks(20, 0)).toBe(true); // to (15, 5), through the middle
    expect(segmentClear(edges, -5, 5, 15, 5, h)).toBe(false);
    expect(s.blocks(20, 4)).toBe(true); // to (15, 9)
    expect(s.blocks(20, 6)).toBe(true); // to (15, 11): crosses the face x = 0 at y = 5 + 5 · 6 / 20 = 6.5
    // To (15, 30): 51.3° up, beyond the corner (0, 10) at 45°; it grazes that corner (0.78 m < h),
    // which only the exact test sees.
    expect(s.blocks(20, 25)).toBe(false);
    expect(segmentClear(edges, -5, 5, 15, 30, h)).toBe(false);
    expect(s.blocks(0, 10)).toBe(false); // straight up, away from it
    expect(s.blocks(7, 0)).toBe(false); // 7 m < 7.07 m: not shown, though it ends inside
    expect(s.blocks(0, 0)).toBe(false);
  });

  it('leaves out obstacles beyond its reach', () => {
    const near = legShadows(edges, 4);
    near.from(-5, 5); // the building is 5 m away
    expect(near.blocks(20, 0)).toBe(false);
  });

  it('never refuses a leg between clear points that segmentClear accepts (boxes, an L, a courtyard, a disc, a wall)', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(num(0, 80), num(0, 80), num(3, 20), num(3, 20)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(num(-10, 110), num(-10, 110), num(-10, 110), num(-10, 110)), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 1, max: 15 }).map((v) => v / 10),
        (boxes, legs, hh) => {
          const obstacles: BlockedObstacle[] = [
            ...boxes.map(([x, y, w, d], i) => ({ featureId: `b${i}`, kind: 'building' as const, shape: 'polygon' as const, polygons: [[rect(x, y, x + w, y + d)]] })),
            // Non-convex: an L and a courtyard block (the courtyard is clear ground inside it).
            { featureId: 'L', kind: 'building', shape: 'polygon', polygons: [[[[90, 10], [105, 10], [105, 14], [94, 14], [94, 30], [90, 30], [90, 10]]]] },
            { featureId: 'court', kind: 'building', shape: 'polygon', polygons: [[rect(20, 90, 50, 120), rect(26, 96, 44, 114)]] },
            { featureId: 'disc', kind: 'obstacle', shape: 'circle', centre: [50, 50], radiusM: 4 },
            { featureId: 'wall', kind: 'barrier', shape: 'line', line: [[60, -5], [70, 20], [60, 40]] },
          ];
          const e = obstacleEdges(obstacles);
          const sh = legShadows(e, 150);
          const area = [[[[-20, -20], [130, -20], [130, 130], [-20, 130], [-20, -20]]]] as [number, number][][][];
          for (const [ax, ay, bx, by] of legs) {
            if (!pointClear(e, area, hh, ax, ay) || !pointClear(e, area, hh, bx, by)) continue;
            sh.from(ax, ay);
            if (!sh.blocks(bx - ax, by - ay)) continue;
            refused++;
            expect(segmentClear(e, ax, ay, bx, by, hh)).toBe(false);
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
    // The property is not vacuous: many sampled legs were refused by the shadows.
    expect(refused).toBeGreaterThan(300);
  });
});
