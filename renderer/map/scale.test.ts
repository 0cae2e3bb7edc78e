import { describe, expect, it } from 'vitest';
import { formatScale, metresPerPixel, scaleBar, scaleDenominator } from './scale.js';

describe('map scale', () => {
  it('zoom 0 at the equator: 40,075,016.686 m over 512 px = 78,271.5 m/px', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
  });

  it('halves per zoom level and shrinks with cos(latitude)', () => {
    expect(metresPerPixel(0, 17)).toBeCloseTo(78271.517 / 2 ** 17, 6);
    expect(metresPerPixel(60, 17)).toBeCloseTo((78271.517 / 2 ** 17) * 0.5, 6);
  });

  it('1:N at 96 dpi: a CSS px is 0.0254/96 m, so N = m/px ÷ 0.000264583', () => {
    // zoom 17 at the equator: 0.597164 m/px / 0.000264583 = 2256.99
    expect(scaleDenominator(0, 17)).toBeCloseTo(2256.99, 1);
    expect(formatScale(2256.99)).toBe('1:2,300');
    expect(formatScale(943)).toBe('1:940');
  });

  it('picks a round bar length no wider than the room given', () => {
    const bar = scaleBar(0, 17, 100); // 100 px = 59.7 m → 50 m, 83.7 px
    expect(bar.metres).toBe(50);
    expect(bar.label).toBe('50 m');
    expect(bar.px).toBeCloseTo(50 / 0.597164, 2);
    // zoom 5: 2445.98 m/px, so 100 px = 244.6 km → a 200 km bar.
    expect(scaleBar(0, 5, 100).label).toBe('200 km');
  });
});
