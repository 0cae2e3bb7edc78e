import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hypot2 } from './hypot2.js';

describe('hypot2 (Math.hypot of two numbers, same bits)', () => {
  it('3-4-5 and the special values', () => {
    expect(hypot2(3, 4)).toBe(5);
    expect(hypot2(-3, 4)).toBe(5);
    expect(hypot2(0, 0)).toBe(0);
    expect(hypot2(0, -2)).toBe(2);
    expect(hypot2(Infinity, NaN)).toBe(Infinity);
    expect(hypot2(NaN, 1)).toBeNaN();
  });

  it('equals Math.hypot bit for bit (random doubles at every scale, and district-sized differences)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (x, y) => {
        expect(Object.is(hypot2(x, y), Math.hypot(x, y))).toBe(true);
      }),
      { numRuns: 20000, seed: 3 },
    );
    // Differences of local coordinates as the graph takes them (metres, up to a few km).
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 4000;
    let differ = 0;
    for (let k = 0; k < 200000; k++) {
      const x = rnd(), y = k % 7 === 0 ? rnd() * 1e-7 : rnd();
      if (hypot2(x, y) !== Math.hypot(x, y)) differ++;
    }
    expect(differ).toBe(0);
  });
});
