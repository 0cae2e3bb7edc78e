/**
 * Sideways room a full-acceleration spiral exit needs, per metre of apex radius.
 *
 * Under the model's physics (hvm.md §1: independent longitudinal limit a and lateral limit
 * v = √(f·g·r), MIL-HDBK-1013/14 eq. 6) the fastest way out of a bend is not the circle held at its
 * skid speed but a spiral whose curvature follows the speed: from the apex at v_a (radius
 * ρ = v_a² / (f·g)) the vehicle accelerates at full a, v(s)² = v_a² + 2·a·s, turning at the skid
 * limit κ(s) = f·g / v(s)². Its heading, measured from the exit direction, falls from ψ₀ as
 * ψ(s) = ψ₀ − k·ln(1 + 2as / v_a²) with k = f·g / (2a), and reaches the exit direction at
 * u = ln(1 + 2as / v_a²) = ψ₀ / k. With σ = 2as / v_a² = eᵘ − 1 the distance it moves sideways is
 *
 *   y = (v_a² / 2a) · ∫₀^(ψ₀/k) sin(ψ₀ − k·u) · eᵘ du
 *     = ρ · k · (k·e^(ψ₀/k) − sin ψ₀ − k·cos ψ₀) / (1 + k²)
 *
 * (∫ eᵘ sin(ψ₀ − ku) du = eᵘ (sin(ψ₀ − ku) + k cos(ψ₀ − ku)) / (1 + k²)). As a → 0 (k → ∞) this tends
 * to the circle's ρ·(1 − cos ψ₀); with acceleration the spiral always needs more (it opens as it
 * speeds up). Returns y / ρ.
 */
export function spiralExitOffsetPerRadius(psi0: number, k: number): number {
  if (!(k > 0) || k === Infinity) return 1 - Math.cos(psi0);
  const e = Math.exp(psi0 / k);
  return (k * (k * e - Math.sin(psi0) - k * Math.cos(psi0))) / (1 + k * k);
}
