import { describe, expect, it } from 'vitest';
import { spiralExitOffsetPerRadius } from './spiral-exit.js';

/** Integrates the spiral exit step by step: v² = v_a² + 2as, κ = f·g / v², until the heading is the exit's. */
function integrate(psi0: number, fg: number, a: number, va: number): number {
  let psi = psi0, y = 0, v2 = va * va;
  const ds = 1e-4;
  while (psi > 0) {
    const step = Math.min(ds, psi / (fg / v2));
    y += Math.sin(psi - (0.5 * step * fg) / v2) * step;
    psi -= (fg / v2) * step;
    v2 += 2 * a * step;
  }
  return y;
}

describe('spiral exit (full acceleration at the skid limit)', () => {
  it('matches a step-by-step integration of κ = f·g / v², v² = v_a² + 2as (M1, N2A, N3G; 20°–90°)', () => {
    // M1: f = 1.0, a = 3.2; N2A: f = 0.5, a = 2.0; N3G: f = 0.35, a = 0.75 (vehicle-classes.ts).
    for (const [f, a] of [[1.0, 3.2], [0.5, 2.0], [0.35, 0.75]]) {
      const fg = f * 9.81, k = fg / (2 * a);
      for (const deg of [10, 30, 45]) {
        const psi0 = (deg * Math.PI) / 180;
        const va = 12, rho = (va * va) / fg;
        const y = integrate(psi0, fg, a, va);
        expect(Math.abs(spiralExitOffsetPerRadius(psi0, k) * rho - y) / y).toBeLessThan(1e-3);
        // It always needs more room than the circle of the apex radius, ρ·(1 − cos ψ₀).
        expect(spiralExitOffsetPerRadius(psi0, k)).toBeGreaterThan(1 - Math.cos(psi0));
      }
    }
  });

  it('without acceleration it is the circle: ρ·(1 − cos ψ₀)', () => {
    // k = f·g / 2a → ∞ as a → 0.
    expect(spiralExitOffsetPerRadius(Math.PI / 4, 1e6)).toBeCloseTo(1 - Math.SQRT1_2, 5);
    expect(spiralExitOffsetPerRadius(Math.PI / 4, Infinity)).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });
});
