import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rect } from '../drivable/local-scene.js';
import { obstacleEdges, segmentClear } from './obstacle-edges.js';
import { pointClear } from './approach-graph.js';
import { crossesSolid, solidCells, SOLID_CELL_M, SOLID_MARGIN_M } from './solid-cells.js';

const h = 0.9;
/** Decimetre values in [lo, hi] (fast-check's doubles crowd at the bounds). */
const num = (lo: number, hi: number) => fc.integer({ min: lo * 10, max: hi * 10 }).map((v) => v / 10 + 0.0137);

describe('solid cells (fast exact reject of legs through obstacles)', () => {
  // A 10 × 10 m building at x, y ∈ [0, 10]; cells are 2 m from the rings' lower-left corner (0, 0).
  // A cell is solid when its centre is more than √2 + 0.01 = 1.424 m inside: centres 1, 3, …, 9,
  // so centres 3, 5, 7 in each axis (1 and 9 are 1 m from an edge) — 3 × 3 = 9 solid cells.
  const edges = obstacleEdges([{ featureId: 'B', kind: 'building', shape: 'polygon', polygons: [[rect(0, 0, 10, 10)]] }]);
  const s = solidCells(edges)!;

  it('marks exactly the cells well inside the building', () => {
    expect(SOLID_CELL_M).toBe(2);
    expect(SOLID_MARGIN_M).toBe(0.01);
    let n = 0;
    for (let k = 0; k < s.solid.length; k++) n += s.solid[k];
    expect(n).toBe(9);
    expect(s.solid[2 * s.nx + 2]).toBe(1); // centre (5, 5)
    expect(s.solid[0]).toBe(0); // centre (1, 1)
  });

  it('refuses a leg through the building, not one that passes beside it', () => {
    expect(crossesSolid(s, -5, 5, 15, 5)).toBe(true);
    expect(segmentClear(edges, -5, 5, 15, 5, h)).toBe(false);
    expect(crossesSolid(s, -5, 11, 15, 11)).toBe(false);
    // Clipping a corner (through x + y = 1.5 only near the corner) is left to the exact test.
    expect(crossesSolid(s, -1, 2.5, 2.5, -1)).toBe(false);
  });

  it('never refuses a leg between clear points that segmentClear accepts (random buildings, discs)', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(num(0, 80), num(0, 80), num(3, 20), num(3, 20)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(num(-10, 110), num(-10, 110), num(-10, 110), num(-10, 110)), { minLength: 20, maxLength: 20 }),
        (boxes, legs) => {
          const e = obstacleEdges([
            ...boxes.map(([x, y, w, d], i) => ({ featureId: `b${i}`, kind: 'building' as const, shape: 'polygon' as const, polygons: [[rect(x, y, x + w, y + d)]] })),
            { featureId: 'disc', kind: 'obstacle', shape: 'circle', centre: [50, 50], radiusM: 4 },
          ]);
          const sc = solidCells(e)!;
          const area = [[[[-20, -20], [130, -20], [130, 130], [-20, 130], [-20, -20]]]] as [number, number][][][];
          for (const [ax, ay, bx, by] of legs) {
            if (!pointClear(e, area, h, ax, ay) || !pointClear(e, area, h, bx, by)) continue;
            if (!crossesSolid(sc, ax, ay, bx, by)) continue;
            refused++;
            expect(segmentClear(e, ax, ay, bx, by, h)).toBe(false);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    // The property is not vacuous: many sampled legs were refused by the raster.
    expect(refused).toBeGreaterThan(100);
  });
});
