import { describe, expect, it } from 'vitest';
import { localFrame } from '../../core/geometry/local-frame.js';
import { formatAreaM2, formatLengthM, lineLengthM, ringAreaM2 } from './measure.js';

describe('measure tool (local metric frame, never degrees)', () => {
  const f = localFrame([4.35, 50.85]);
  it('a 3-4-5 triangle path measures 3 + 4 = 7 m and its hypotenuse 5 m', () => {
    const a = f.toLonLat([0, 0]), b = f.toLonLat([3, 0]), c = f.toLonLat([3, 4]);
    expect(lineLengthM([a, b, c])).toBeCloseTo(7, 6);
    expect(lineLengthM([a, c])).toBeCloseTo(5, 6);
  });

  it('a 40 × 25 m rectangle has area 1000 m², closed or open ring, either winding', () => {
    const ring = [[0, 0], [40, 0], [40, 25], [0, 25], [0, 0]].map((p) => f.toLonLat(p));
    expect(ringAreaM2(ring)).toBeCloseTo(1000, 3);
    expect(ringAreaM2(ring.slice(0, 4))).toBeCloseTo(1000, 3);
    expect(ringAreaM2([...ring].reverse())).toBeCloseTo(1000, 3);
  });

  it('is not the naive degree answer: 0.001° of longitude at 60°N is about 55.8 m, not 111 m', () => {
    // 111,320 m per degree at the equator × cos 60° = 55,660 m per degree → 0.001° ≈ 55.8 m on WGS 84.
    const d = lineLengthM([[10, 60], [10.001, 60]]);
    expect(d).toBeGreaterThan(55.5);
    expect(d).toBeLessThan(56.0);
  });

  it('formats for planners', () => {
    expect(formatLengthM(7.256)).toBe('7.26 m');
    expect(formatLengthM(123.44)).toBe('123.4 m');
    expect(formatLengthM(1534)).toBe('1.53 km');
    expect(formatAreaM2(56.25)).toBe('56.3 m²');
    expect(formatAreaM2(1234.4)).toBe('1,234 m²');
    expect(formatAreaM2(25000)).toBe('2.50 ha (25,000 m²)');
  });
});
