import ClipperLib from 'clipper-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusteredDifference } from './clustered-difference.js';
import { differenceTree, growPaths, multiPolygonAreaM2, multiPolygonToPaths, pointInMultiPolygon, polyTreeToMultiPolygon, toOpenPath, type MultiPolygonXY } from './polygons.js';
import { rect } from './local-scene.js';

/** The reference: one clipper difference of the area with every group at once. */
const oneSweep = (area: ClipperLib.Paths, groups: ClipperLib.Paths[]): MultiPolygonXY => polyTreeToMultiPolygon(differenceTree(area, groups.flat()));

/** Area of the symmetric difference, m²: 0 when both are the same point set. */
function xorAreaM2(a: MultiPolygonXY, b: MultiPolygonXY): number {
  const c = new ClipperLib.Clipper();
  c.AddPaths(multiPolygonToPaths(a), ClipperLib.PolyType.ptSubject, true);
  c.AddPaths(multiPolygonToPaths(b), ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctXor, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return multiPolygonAreaM2(polyTreeToMultiPolygon(tree));
}

const box = (x0: number, y0: number, x1: number, y1: number) => multiPolygonToPaths([[rect(x0, y0, x1, y1)]]);
const line = (pts: [number, number][], halfWidthM: number) => growPaths([], [toOpenPath(pts)], halfWidthM);

describe('clusteredDifference', () => {
  it('a ring of four separate walls around a kiosk: the walled yard is an island with the kiosk as its hole', () => {
    const area = box(0, 0, 100, 100);
    // Four walls 1 m thick (0.5 m each side of the line) closing the square 30–70; a 4 × 4 m kiosk in the middle.
    const walls = [
      line([[30, 30], [70, 30]], 0.5), line([[70, 30], [70, 70]], 0.5),
      line([[70, 70], [30, 70]], 0.5), line([[30, 70], [30, 30]], 0.5),
    ];
    const groups = [...walls, box(48, 48, 52, 52)];
    const got = clusteredDifference(area, groups);
    expect(xorAreaM2(got, oneSweep(area, groups))).toBeLessThan(1e-6);
    expect(pointInMultiPolygon([40, 40], got)).toBe(true); // in the yard
    expect(pointInMultiPolygon([50, 50], got)).toBe(false); // in the kiosk
    expect(pointInMultiPolygon([50, 30], got)).toBe(false); // in a wall
    // The yard (39 × 39 inside the walls) minus the kiosk is its own polygon: 1,521 − 16 = 1,505 m².
    const yard = got.find((p) => pointInMultiPolygon([40, 40], [p]))!;
    expect(multiPolygonAreaM2([yard])).toBeCloseTo(39 * 39 - 16, 2);
  });

  it('an obstacle across the area’s edge, one outside it and one in the area’s hole are handled like one difference', () => {
    const area = multiPolygonToPaths([[rect(0, 0, 100, 100), rect(60, 60, 80, 80)]]);
    const groups = [box(-5, 40, 5, 50), box(110, 10, 120, 20), box(65, 65, 70, 70), box(20, 20, 25, 25)];
    const got = clusteredDifference(area, groups);
    // 100² − 20² (hole) − 5 × 10 (inside part of the edge obstacle) − 5² (inner obstacle) = 9,525 m².
    expect(multiPolygonAreaM2(got)).toBeCloseTo(9525, 6);
    expect(xorAreaM2(got, oneSweep(area, groups))).toBeLessThan(1e-6);
  });

  it('random boxes and walls in a square or a turned area: the same point set as one clipper difference', () => {
    const item = fc.record({
      x: fc.integer({ min: -10, max: 100 }), y: fc.integer({ min: -10, max: 100 }),
      w: fc.integer({ min: 1, max: 30 }), h: fc.integer({ min: 1, max: 30 }), wall: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 25 }), fc.boolean(), (items, turned) => {
        // A square, or a diamond (a turned area: long diagonal edges whose boxes cover everything).
        const area = turned ? multiPolygonToPaths([[[[50, -20], [120, 50], [50, 120], [-20, 50], [50, -20]]]]) : box(0, 0, 100, 100);
        const groups = items.map((i) => (i.wall ? line([[i.x, i.y], [i.x + i.w, i.y + i.h]], 0.6) : box(i.x, i.y, i.x + i.w, i.y + i.h)));
        const got = clusteredDifference(area, groups);
        const ref = oneSweep(area, groups);
        expect(xorAreaM2(got, ref)).toBeLessThan(1e-6);
        expect(multiPolygonAreaM2(got)).toBeCloseTo(multiPolygonAreaM2(ref), 6);
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
