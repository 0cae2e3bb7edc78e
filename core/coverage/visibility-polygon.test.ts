import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCrossingSegments, visibilityPolygon } from './visibility-polygon.js';

type P = [number, number];
type Seg = [P, P];

function area(ring: P[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

function rectSegs(x0: number, y0: number, x1: number, y1: number): Seg[] {
  return [
    [[x0, y0], [x1, y0]],
    [[x1, y0], [x1, y1]],
    [[x1, y1], [x0, y1]],
    [[x0, y1], [x0, y0]],
  ];
}

/**
 * Reference: cast `rays` rays from the observer, each stopped by the nearest segment or by the
 * box; the polygon through the hit points. Its area converges on the exact one as rays → ∞.
 */
function rayCastArea(o: P, segs: Seg[], boxHalf: number, rays: number): number {
  const box = rectSegs(o[0] - boxHalf, o[1] - boxHalf, o[0] + boxHalf, o[1] + boxHalf);
  const all = [...segs, ...box];
  const ring: P[] = [];
  for (let k = 0; k < rays; k++) {
    const a = (2 * Math.PI * k) / rays;
    const dx = Math.cos(a);
    const dy = Math.sin(a);
    let best = Infinity;
    for (const [p, q] of all) {
      const ex = q[0] - p[0];
      const ey = q[1] - p[1];
      const den = dx * ey - dy * ex;
      if (den === 0) continue;
      const wx = p[0] - o[0];
      const wy = p[1] - o[1];
      const t = (wx * ey - wy * ex) / den;
      const u = (wx * dy - wy * dx) / den;
      if (t > 1e-12 && u >= -1e-12 && u <= 1 + 1e-12 && t < best) best = t;
    }
    ring.push([o[0] + best * dx, o[1] + best * dy]);
  }
  return area(ring);
}

function properlyCrosses(a: P, b: P, c: P, d: P, eps: number): boolean {
  const orient = (p: P, q: P, r: P) => (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  return ((o1 > eps && o2 < -eps) || (o1 < -eps && o2 > eps)) && ((o3 > eps && o4 < -eps) || (o3 < -eps && o4 > eps));
}

function pointInRing(p: P, ring: P[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distToRing(p: P, ring: P[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const ex = b[0] - a[0], ey = b[1] - a[1];
    const l2 = ex * ex + ey * ey;
    const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / l2));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * ex, p[1] - a[1] - t * ey));
  }
  return best;
}

describe('visibility polygon by angular sweep', () => {
  it('A8: wall x = 5, |y| ≤ 5 in the box [−10, 10]² hides 75 m² → 325 m² (cctv.md §6)', () => {
    // shadow: trapezoid between x = 5 (|y| ≤ 5) and x = 10 (|y| ≤ 10): (10 + 20)/2 · 5 = 75 m²
    const ring = visibilityPolygon([0, 0], [[[5, -5], [5, 5]]], 10);
    expect(area(ring)).toBeCloseTo(325, 6);
    expect(area(ring) / 400).toBeCloseTo(0.8125, 6);
  });

  it('an empty scene is the box itself', () => {
    expect(area(visibilityPolygon([1, 2], [], 10))).toBeCloseTo(400, 6);
  });

  it('a wall split into collinear pieces hides the same as one wall', () => {
    const pieces: Seg[] = [[[5, -5], [5, -1]], [[5, -1], [5, 2]], [[5, 2], [5, 5]]];
    expect(area(visibilityPolygon([0, 0], pieces, 10))).toBeCloseTo(325, 6);
    // overlapping collinear duplicates (a wall drawn twice)
    const doubled: Seg[] = [[[5, -5], [5, 5]], [[5, -5], [5, 3]], [[5, -2], [5, 5]]];
    expect(area(visibilityPolygon([0, 0], doubled, 10))).toBeCloseTo(325, 6);
  });

  it('two buildings sharing a wall shade as one block', () => {
    // [5,7]×[−5,0] and [5,7]×[0,5] share the wall y = 0 (and its vertices): same as [5,7]×[−5,5]
    const twin = [...rectSegs(5, -5, 7, 0), ...rectSegs(5, 0, 7, 5)];
    const one = rectSegs(5, -5, 7, 5);
    expect(area(visibilityPolygon([0, 0], twin, 10))).toBeCloseTo(area(visibilityPolygon([0, 0], one, 10)), 6);
    expect(area(visibilityPolygon([0, 0], one, 10))).toBeCloseTo(325, 6);
  });

  it('a vertex touching the middle of another segment (T-junction)', () => {
    // wall x = 5 plus a spur from (5, 0) to (8, 0) behind it: nothing changes
    const segs: Seg[] = [[[5, -5], [5, 5]], [[5, 0], [8, 0]]];
    expect(area(visibilityPolygon([0, 0], segs, 10))).toBeCloseTo(325, 6);
    // spur in front of the wall, pointing at the observer: edge-on, hides nothing extra
    const front: Seg[] = [[[5, -5], [5, 5]], [[2, 0], [5, 0]]];
    expect(area(visibilityPolygon([0, 0], front, 10))).toBeCloseTo(325, 6);
  });

  it('grazing rays through aligned vertices', () => {
    // squares [1,2]² and [3,4]²: the 45° ray from the origin passes (1,1),(2,2),(3,3),(4,4)
    const segs = [...rectSegs(1, 1, 2, 2), ...rectSegs(3, 3, 4, 4)];
    const exact = area(visibilityPolygon([0, 0], segs, 10));
    expect(exact).toBeCloseTo(rayCastArea([0, 0], segs, 10, 20000), 1);
    // a ray grazing a far corner only: the visible region is unchanged by the touching vertex
    const graze: Seg[] = [[[5, -5], [5, 5]], [[7, 7], [9, 7]]];
    expect(area(visibilityPolygon([0, 0], graze, 10))).toBeCloseTo(rayCastArea([0, 0], graze, 10, 20000), 1);
  });

  it('an observer on a barrier line sees both sides (the edge-on segment blocks nothing)', () => {
    expect(area(visibilityPolygon([0, 0], [[[-3, 0], [3, 0]]], 10))).toBeCloseTo(400, 6);
    // on its end vertex
    expect(area(visibilityPolygon([3, 0], [[[-3, 0], [3, 0]]], 10))).toBeCloseTo(400, 6);
  });

  it('walls reaching past the box are cut to it (found by the ray-caster property)', () => {
    // collinear overlapping walls on x = 3.536 relative, one reaching 0.47 m below the box
    const segs: Seg[] = [[[0, -3.569], [0, 0]], [[0, 0.117], [0, -4.479]]];
    const o: P = [-3.536, 7.992];
    expect(area(visibilityPolygon(o, segs, 12))).toBeCloseTo(rayCastArea(o, segs, 12, 36000), 1);
    // a wall x = 5 from y = −50 to 50 hides the whole half-box beyond it: 400 − 5·20 = 300 m²
    expect(area(visibilityPolygon([0, 0], [[[5, -50], [5, 50]]], 10))).toBeCloseTo(300, 6);
  });

  it('crossing segments are split where they cross', () => {
    const out = splitCrossingSegments([0, 0, 10, 10, 0, 10, 10, 0], () => [0, 1]);
    expect(out.length / 4).toBe(4);
    const x: Seg[] = [[[4, -4], [8, 4]], [[4, 4], [8, -4]]];
    expect(area(visibilityPolygon([0, 0], x, 10))).toBeCloseTo(rayCastArea([0, 0], x, 10, 20000), 1);
  });

  const coord = fc.integer({ min: -8000, max: 8000 }).map((v) => v / 1000);
  const rect = fc.tuple(coord, coord, fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 200, max: 4000 }))
    .map(([x, y, w, h]) => rectSegs(x, y, x + w / 1000, y + h / 1000));
  const wall = fc.tuple(coord, coord, coord, coord).map(([a, b, c, d]) => [[a, b], [c, d]] as Seg);
  const scene = fc.record({
    rects: fc.array(rect, { maxLength: 5 }),
    walls: fc.array(wall, { maxLength: 4 }),
    o: fc.tuple(coord, coord),
  });

  it('agrees with a brute-force ray caster (0.02° step) on random small scenes', () => {
    fc.assert(
      fc.property(scene, ({ rects, walls, o }) => {
        const segs = [...rects.flat(), ...walls];
        const exact = area(visibilityPolygon(o, segs, 12));
        const cast = rayCastArea(o as P, segs, 12, 18000);
        // each shadow edge costs the ray caster ≲ r²·Δθ/2 ≈ 17²·0.00035/2 = 0.05 m²; a dozen edges
        expect(Math.abs(exact - cast)).toBeLessThan(0.3);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('contains its observer and every point inside is in sight (no blocker crossed)', () => {
    fc.assert(
      fc.property(scene, fc.array(fc.tuple(coord, coord), { minLength: 40, maxLength: 40 }), ({ rects, walls, o }, samples) => {
        const segs = [...rects.flat(), ...walls];
        const ring = visibilityPolygon(o, segs, 12);
        const observerOnBlocker = segs.some(([a, b]) => Math.abs((b[0] - a[0]) * (o[1] - a[1]) - (b[1] - a[1]) * (o[0] - a[0])) < 1e-9);
        if (!observerOnBlocker && distToRing(o as P, ring) > 1e-3) expect(pointInRing(o as P, ring)).toBe(true);
        for (const s of samples as P[]) {
          if (!pointInRing(s, ring) || distToRing(s, ring) < 1e-3) continue;
          for (const [a, b] of segs) expect(properlyCrosses(o as P, s, a, b, 1e-6)).toBe(false);
        }
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
