import type { XY } from '../../core/geometry/local-frame.js';
import { lStreet } from '../../core/drivable/local-scene.js';
import type { StartPlace } from '../../core/drivable/drivable-space.js';
import type { MultiPolygonXY } from '../../core/drivable/polygons.js';
import type { BlockedObstacle } from '../../core/drivable/blocked-obstacles.js';
import { acceleratorFor } from '../../core/approach/kinematics.js';
import { nearestEdgeDistance, obstacleEdges, pointSegmentDistance } from '../../core/approach/obstacle-edges.js';
import { pointInMultiPolygon } from '../../core/drivable/polygons.js';
import type { VehicleClass } from '../../core/vehicles/vehicle-classes.js';
import { G_MPS2 } from '../../core/vehicles/vehicle-classes.js';

/**
 * Reference for the approach search: a brute-force search over position × heading × speed
 * (a hybrid-A*-style lattice; hvm.md §5 "hybrid A* over (x, y, θ, v)"), same physics as the model
 * (hvm.md §1): from rest, full acceleration (the class's a or a(v), capped at top speed) on every
 * primitive; a primitive is a circular arc of length L ∈ `stepsM` and radius r from a dense ladder
 * r_min·`radiusRatio`^k (k ≥ 0, up to `maxRadiusM`) turning either way, or a straight; on an arc the
 * speed is at most the skid limit √(f·g·r) (MIL-HDBK-1013/14 eq. 6) — the vehicle brakes to it at
 * once when it enters faster (braking is free, as in the model). Chains of short arcs of different
 * radii give spiral entries and exits. The body must keep half the width from every obstacle and
 * stay in the area at points every `checkM` along the arc (each point tested at the centre of its
 * 2 cm cell). The pose is kept exactly; per cell × heading bin the fastest pose is kept (one pose
 * per bin, so the answer depends slightly on the bins). Impact is the first sample within h of the
 * target's outline (or inside it), possibly mid-arc. Slow on purpose: it shares no idea with the
 * graph except the physics.
 */
export interface ReferenceOptions {
  cellM: number;
  headingStepDeg: number;
  /** Arc lengths tried, m. */
  stepsM: number[];
  /** Ratio between neighbouring radii of the ladder from the class's minimum turning radius. */
  radiusRatio: number;
  /** Largest radius tried, m (wider arcs are nearly straight over a step). */
  maxRadiusM: number;
  checkM: number;
  edgeStartSpacingM: number;
}

export const REFERENCE_DEFAULTS: ReferenceOptions = { cellM: 0.5, headingStepDeg: 2.5, stepsM: [1, 3], radiusRatio: 1.1, maxRadiusM: 150, checkM: 0.25, edgeStartSpacingM: 1 };

export interface ReferenceResult {
  impactMps: number;
  /** Poses from the start to the impact point (one per primitive) and the speed at each, m/s. */
  path: XY[];
  speedsMps: number[];
  /** Radius of the primitive that ends at each pose (Infinity for straights, NaN at the start). */
  radiiM: number[];
  expanded: number;
}

export function referenceImpactMps(
  area: MultiPolygonXY,
  obstacles: readonly BlockedObstacle[],
  starts: readonly StartPlace[],
  target: { rings: XY[][] },
  vehicle: VehicleClass,
  options: ReferenceOptions = REFERENCE_DEFAULTS,
): number {
  return referenceApproach(area, obstacles, starts, target, vehicle, options).impactMps;
}

export function referenceApproach(
  area: MultiPolygonXY,
  obstacles: readonly BlockedObstacle[],
  starts: readonly StartPlace[],
  target: { rings: XY[][] },
  vehicle: VehicleClass,
  options: ReferenceOptions = REFERENCE_DEFAULTS,
): ReferenceResult {
  const h = vehicle.widthM / 2;
  const edges = obstacleEdges(obstacles);
  const acc = acceleratorFor(vehicle);
  const fg = vehicle.lateralG * G_MPS2;
  const nH = Math.round(360 / options.headingStepDeg);
  const dTheta = (2 * Math.PI) / nH;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of area) for (const r of poly) for (const p of r) { minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]); }
  const nx = Math.ceil((maxX - minX) / options.cellM) + 1, ny = Math.ceil((maxY - minY) / options.cellM) + 1;
  const nS = nx * ny * nH;
  const best = new Float64Array(nS).fill(-1);
  const poseX = new Float64Array(nS), poseY = new Float64Array(nS), poseT = new Float64Array(nS);
  const parent = new Int32Array(nS).fill(-1), viaR = new Float64Array(nS);
  // Clearance is tested at the centre of 2 cm cells and remembered (0 unknown, 1 clear, 2 blocked).
  const CACHE_M = 0.02;
  const cw = Math.ceil((maxX - minX) / CACHE_M) + 1, ch = Math.ceil((maxY - minY) / CACHE_M) + 1;
  const clearCache = new Uint8Array(cw * ch);
  const clear = (x: number, y: number): boolean => {
    const i = Math.floor((x - minX) / CACHE_M), j = Math.floor((y - minY) / CACHE_M);
    if (i < 0 || j < 0 || i >= cw || j >= ch) return false;
    const k = j * cw + i;
    if (clearCache[k] === 0) {
      const px = minX + (i + 0.5) * CACHE_M, py = minY + (j + 0.5) * CACHE_M;
      clearCache[k] = pointInMultiPolygon([px, py], area) && nearestEdgeDistance(edges, px, py, h, () => false) >= h ? 1 : 2;
    }
    return clearCache[k] === 1;
  };
  const targetSegs: [number, number, number, number][] = [];
  for (const r of target.rings) for (let i = 0; i + 1 < r.length; i++) targetSegs.push([r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]]);
  let tx0 = Infinity, ty0 = Infinity, tx1 = -Infinity, ty1 = -Infinity;
  for (const r of target.rings) for (const p of r) { tx0 = Math.min(tx0, p[0] - h); ty0 = Math.min(ty0, p[1] - h); tx1 = Math.max(tx1, p[0] + h); ty1 = Math.max(ty1, p[1] + h); }
  const touches = (x: number, y: number) => x >= tx0 && x <= tx1 && y >= ty0 && y <= ty1 && (targetSegs.some((s) => pointSegmentDistance(x, y, s[0], s[1], s[2], s[3]) <= h) || target.rings.some((r) => pointInMultiPolygon([x, y], [[r]])));

  // Min-heap of states by speed: a state's successors are mostly faster, so popping the slowest
  // first re-expands far fewer states than popping the fastest.
  const heapK: number[] = [], heapV: number[] = [];
  const push = (k: number, v: number) => {
    heapK.push(k); heapV.push(v);
    let i = heapK.length - 1;
    while (i > 0) { const p = (i - 1) >> 1; if (heapK[p] <= heapK[i]) break; [heapK[p], heapK[i]] = [heapK[i], heapK[p]]; [heapV[p], heapV[i]] = [heapV[i], heapV[p]]; i = p; }
  };
  const pop = (): [number, number] => {
    const top: [number, number] = [heapK[0], heapV[0]];
    const k = heapK.pop()!, v = heapV.pop()!;
    if (heapK.length > 0) {
      heapK[0] = k; heapV[0] = v;
      let i = 0;
      for (;;) { let c = 2 * i + 1; if (c >= heapK.length) break; if (c + 1 < heapK.length && heapK[c + 1] < heapK[c]) c++; if (heapK[c] >= heapK[i]) break; [heapK[c], heapK[i]] = [heapK[i], heapK[c]]; [heapV[c], heapV[i]] = [heapV[i], heapV[c]]; i = c; }
    }
    return top;
  };
  const stateOf = (x: number, y: number, t: number) => {
    const ix = Math.floor((x - minX) / options.cellM), iy = Math.floor((y - minY) / options.cellM);
    const it = ((Math.round(t / dTheta) % nH) + nH) % nH;
    return (iy * nx + ix) * nH + it;
  };
  const offer = (x: number, y: number, t: number, v: number, from: number, r: number) => {
    const s = stateOf(x, y, t);
    if (v > best[s] + 1e-9) { best[s] = v; poseX[s] = x; poseY[s] = y; poseT[s] = t; parent[s] = from; viaR[s] = r; push(v, s); }
  };
  const startPoints: XY[] = [];
  for (const s of starts) {
    if (s.kind === 'origin') startPoints.push(s.at);
    else for (let i = 0; i + 1 < s.ring.length; i++) {
      const a = s.ring[i], b = s.ring[i + 1];
      const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
      const k = Math.max(1, Math.ceil(L / options.edgeStartSpacingM));
      for (let j = 0; j < k; j++) { const f = (j + 0.5) / k; startPoints.push([a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])]); }
    }
  }
  let impact = -1, impactFrom = -1, impactX = 0, impactY = 0, impactR = NaN;
  for (const p of startPoints) if (clear(p[0], p[1])) for (let k = 0; k < nH; k++) offer(p[0], p[1], k * dTheta, 0, -1, NaN);
  // Primitives: [length, signed radius (Infinity = straight)].
  const radii: number[] = [];
  for (let r = vehicle.minTurnRadiusM; r <= options.maxRadiusM; r *= options.radiusRatio) radii.push(r);
  const prims: [number, number][] = [];
  for (const L of options.stepsM) { prims.push([L, Infinity]); for (const r of radii) prims.push([L, r], [L, -r]); }
  let expanded = 0;
  while (heapK.length > 0) {
    const [v, s] = pop();
    if (v < best[s]) continue;
    expanded++;
    const x0 = poseX[s], y0 = poseY[s], t0 = poseT[s];
    const c0 = Math.cos(t0), s0 = Math.sin(t0);
    for (const [stepM, rs] of prims) {
      const checks = Math.max(1, Math.ceil(stepM / options.checkM));
      const straight = rs === Infinity;
      const r = Math.abs(rs), sgn = Math.sign(rs);
      const cap = straight ? Infinity : Math.sqrt(fg * r);
      const u = Math.min(v, cap);
      const dt = straight ? 0 : (sgn * stepM) / r;
      let ok = true;
      let x = x0, y = y0;
      for (let c = 1; c <= checks; c++) {
        const s1 = (stepM * c) / checks;
        if (straight) { x = x0 + s1 * c0; y = y0 + s1 * s0; }
        else { const a = t0 + (dt * c) / checks; x = x0 + sgn * r * (Math.sin(a) - s0); y = y0 - sgn * r * (Math.cos(a) - c0); }
        if (!clear(x, y)) { ok = false; break; }
        if (touches(x, y)) {
          const vi = Math.min(cap, acc.speedAfter(u, s1));
          if (vi > impact) { impact = vi; impactFrom = s; impactX = x; impactY = y; impactR = r; }
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      offer(x, y, t0 + dt, Math.min(cap, acc.speedAfter(u, stepM)), s, r);
    }
  }
  const path: XY[] = [], speedsMps: number[] = [], radiiM: number[] = [];
  if (impactFrom >= 0) {
    path.push([impactX, impactY]); speedsMps.push(impact); radiiM.push(impactR);
    for (let s = impactFrom, guard = 0; s >= 0 && guard < 100000; s = parent[s], guard++) { path.push([poseX[s], poseY[s]]); speedsMps.push(best[s]); radiiM.push(viaR[s]); }
    path.reverse(); speedsMps.reverse(); radiiM.reverse();
  }
  return { impactMps: impact, path, speedsMps, radiiM, expanded };
}

/** A short L-shaped street, 10 m wide: 40 m north from an origin, then 40 m east to a zone. */
export const smallL = () => lStreet(10, 45, 55);

/**
 * A 90° corner of two 12 m streets: 60 m north from an origin at rest, then 50 m east to a zone.
 * By hand (M1, h = 0.9): the racing line's room at the corner node is 12 − 2h = 10.2 m, so
 * r = 10.2 / (1 − cos 45°) = 34.8 m and √(9.81·34.8) = 18.5 m/s (66.5 km/h) — below the 60 m run-up's
 * √(2·3.2·59) = 19.4 m/s, so the corner binds; the spiral exit and the weaving the physics allows
 * can only add to the circle's figure.
 */
export const corner12 = () => lStreet(12, 65, 65);
