import { describe, expect, it } from 'vitest';
import { localFrame } from './local-frame.js';

describe('localFrame', () => {
  it('round-trips a point 2 km from the origin to well under a millimetre', () => {
    const frame = localFrame([7.42, 43.73]);
    const far = frame.toLonLat([1500, -1300]);
    const back = frame.toLocal(far);
    expect(Math.abs(back[0] - 1500)).toBeLessThan(1e-6);
    expect(Math.abs(back[1] + 1300)).toBeLessThan(1e-6);
  });

  it('measures one minute of latitude at 43.73° N as the WGS 84 meridian arc (≈1852.6 m)', () => {
    // Meridian arc per minute at latitude φ: M(φ)·π/10800 with M = a(1−e²)/(1−e² sin²φ)^1.5.
    const a = 6378137, e2 = 0.00669437999014, phi = (43.73 * Math.PI) / 180;
    const m = (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(phi) ** 2, 1.5);
    const expected = (m * Math.PI) / 10800;
    const frame = localFrame([7.42, 43.73]);
    const p = frame.toLocal([7.42, 43.73 + 1 / 60]);
    expect(p[0]).toBeCloseTo(0, 6);
    expect(p[1]).toBeCloseTo(expected, 1);
  });
});
