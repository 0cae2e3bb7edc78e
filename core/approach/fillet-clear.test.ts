import { describe, expect, it } from 'vitest';
import { rect } from '../drivable/local-scene.js';
import { filletClear } from './fillet-clear.js';
import { obstacleEdges } from './obstacle-edges.js';
import { acceleratorFor } from './kinematics.js';
import { FILLET_RADIUS_STEP, freeBendLegMps } from './turn-speed.js';

/**
 * A right turn (north → east) at P = (0.9, 9.1), the outer corner of an L street 10 m wide for a
 * car (h = 0.9), round the inner corner K = (10, 0) of a building x ≥ 10, y ≤ 0.
 * The fillet of radius r is tangent to both legs; its centre is C = P + (r, −r) (on the bisector,
 * r / cos 45° from P). K lies on that bisector, |PK| = 9.1·√2; for r > 9.1 the arc's nearest point
 * to K is its midpoint, r − √2·(r − 9.1) from K. It keeps h = 0.9 from K while
 * r·(√2 − 1) ≤ 9.1·√2 − 0.9, i.e. r ≤ r* = (9.1·√2 − 0.9) / (√2 − 1) = 28.897 m
 * (the textbook racing line (2 + √2)·W for the free width W = 8.2 m is 28.0 m; here the legs hug
 * the outer walls exactly).
 */
const h = 0.9;
const rStar = (9.1 * Math.SQRT2 - 0.9) / (Math.SQRT2 - 1);
const building = obstacleEdges([{ featureId: 'C', kind: 'building', shape: 'polygon', polygons: [[rect(10, -100, 100, 0)]] }]);
const clear = (r: number) => filletClear(building, [], 0.9, 9.1, 0, 1, 1, 0, r, h);

describe('fillet clearance (exact arc against obstacle edges)', () => {
  it('the widest fillet round the corner is r* = 28.897 m', () => {
    expect(rStar).toBeCloseTo(28.897, 3);
    expect(clear(rStar - 0.01)).toBe(true);
    expect(clear(rStar + 0.01)).toBe(false);
    expect(clear(5)).toBe(true);
  });

  it('a fillet may not leave the area', () => {
    // The area's east edge at x = 20: the arc of radius 25 (centre (25.9, −15.9)) crosses it.
    expect(filletClear(building, [[20, -100, 20, 100]], 0.9, 9.1, 0, 1, 1, 0, 25, h)).toBe(false);
    expect(filletClear(building, [[40, -100, 40, 100]], 0.9, 9.1, 0, 1, 1, 0, 25, h)).toBe(true);
  });

  it('the bend takes the widest clear radius of the ladder r_min·1.05^k, then accelerates', () => {
    // M1: a = 3.2 m/s², f = 1.0, r_min = 5.5 m; entering at 30 m/s, 100 m leg out, tangent ≤ 50 m.
    const acc = acceleratorFor({ accelMps2: 3.2, topSpeedKmh: 160 });
    const k = Math.floor(Math.log(rStar / 5.5) / Math.log(FILLET_RADIUS_STEP));
    const r = 5.5 * FILLET_RADIUS_STEP ** k; // 28.89 m, the rung just below r*
    expect(r).toBeLessThanOrEqual(rStar);
    expect(5.5 * FILLET_RADIUS_STEP ** (k + 1)).toBeGreaterThan(rStar);
    // Skid speed √(f·g·r) below the entry speed; held for the tangent length r·tan 45° = r, then
    // v² = f·g·r + 2a·(100 − r).
    const expected = Math.sqrt(9.81 * r + 2 * 3.2 * (100 - r));
    const v = freeBendLegMps(acc, 30, 100, 0, 1, 1, 0, 0.05, 50, 5.5, 1.0, clear);
    expect(v).toBeCloseTo(expected, 9);
    // With the room everywhere (no obstacle) the widest arc the legs allow (50 m) is taken.
    expect(freeBendLegMps(acc, 30, 100, 0, 1, 1, 0, 0.05, 50, 5.5, 1.0, () => true)).toBeCloseTo(Math.sqrt(9.81 * 50 + 2 * 3.2 * 50), 9);
    // Nothing fits: -1.
    expect(freeBendLegMps(acc, 30, 100, 0, 1, 1, 0, 0.05, 50, 5.5, 1.0, () => false)).toBe(-1);
  });
});
