import type { XY } from '../../core/geometry/local-frame.js';
import { localScene, rect } from '../../core/drivable/local-scene.js';
import type { StartPlace } from '../../core/drivable/drivable-space.js';
import type { MultiPolygonXY } from '../../core/drivable/polygons.js';
import type { BlockedObstacle } from '../../core/drivable/blocked-obstacles.js';
import { acceleratorFor } from '../../core/approach/kinematics.js';
import { areaEdges, nearestEdgeDistance, obstacleEdges, pointSegmentDistance } from '../../core/approach/obstacle-edges.js';
import { pointInMultiPolygon } from '../../core/drivable/polygons.js';
import type { VehicleClass } from '../../core/vehicles/vehicle-classes.js';
import { G_MPS2 } from '../../core/vehicles/vehicle-classes.js';

/**
 * Reference for the approach search: a brute-force search over position × heading × speed
 * (a hybrid-A*-style lattice; hvm.md §5 "hybrid A* over (x, y, θ, v)"). The vehicle drives arcs
 * of each length in `stepsM` with a heading change of 0, ±1, … ±`maxTurnSteps` × `headingStepDeg`; an arc of
 * radius r is allowed when r ≥ the minimum turning radius, and is driven at most at the skid
 * speed √(f·g·r); speed grows by the class's acceleration. The body must keep half the width from
 * every obstacle at points every `checkM` along the arc. Per cell × heading bin the best speed is
 * kept (every lower speed is also drivable). Slow on purpose: it shares no idea with the graph
 * except the physics.
 */
export interface ReferenceOptions {
  cellM: number;
  headingStepDeg: number;
  /** Arc lengths tried, m: a turn of k heading steps over length L has radius L / (k·step). */
  stepsM: number[];
  maxTurnSteps: number;
  checkM: number;
  edgeStartSpacingM: number;
}

export const REFERENCE_DEFAULTS: ReferenceOptions = { cellM: 0.5, headingStepDeg: 5, stepsM: [1, 2, 4, 8, 16], maxTurnSteps: 4, checkM: 0.25, edgeStartSpacingM: 2 };

export function referenceImpactMps(
  area: MultiPolygonXY,
  obstacles: readonly BlockedObstacle[],
  starts: readonly StartPlace[],
  target: { rings: XY[][] },
  vehicle: VehicleClass,
  options: ReferenceOptions = REFERENCE_DEFAULTS,
): number {
  const h = vehicle.widthM / 2;
  const edges = obstacleEdges(obstacles);
  const areaSegs = areaEdges(area);
  const acc = acceleratorFor(vehicle);
  const nH = Math.round(360 / options.headingStepDeg);
  const dTheta = (2 * Math.PI) / nH;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of area) for (const r of poly) for (const p of r) { minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]); }
  const nx = Math.ceil((maxX - minX) / options.cellM) + 1, ny = Math.ceil((maxY - minY) / options.cellM) + 1;
  const best = new Float32Array(nx * ny * nH).fill(-1);
  const poseX = new Float64Array(nx * ny * nH), poseY = new Float64Array(nx * ny * nH), poseT = new Float64Array(nx * ny * nH);
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
  const touches = (x: number, y: number) => targetSegs.some((s) => pointSegmentDistance(x, y, s[0], s[1], s[2], s[3]) <= h) || target.rings.some((r) => pointInMultiPolygon([x, y], [[r]]));
  void areaSegs;

  // Max-heap of states by speed (simple array heap).
  const heapK: number[] = [], heapV: number[] = [];
  const push = (k: number, v: number) => {
    heapK.push(k); heapV.push(v);
    let i = heapK.length - 1;
    while (i > 0) { const p = (i - 1) >> 1; if (heapK[p] >= heapK[i]) break; [heapK[p], heapK[i]] = [heapK[i], heapK[p]]; [heapV[p], heapV[i]] = [heapV[i], heapV[p]]; i = p; }
  };
  const pop = (): [number, number] => {
    const top: [number, number] = [heapK[0], heapV[0]];
    const k = heapK.pop()!, v = heapV.pop()!;
    if (heapK.length > 0) {
      heapK[0] = k; heapV[0] = v;
      let i = 0;
      for (;;) { let c = 2 * i + 1; if (c >= heapK.length) break; if (c + 1 < heapK.length && heapK[c + 1] > heapK[c]) c++; if (heapK[c] <= heapK[i]) break; [heapK[c], heapK[i]] = [heapK[i], heapK[c]]; [heapV[c], heapV[i]] = [heapV[i], heapV[c]]; i = c; }
    }
    return top;
  };
  const stateOf = (x: number, y: number, t: number) => {
    const ix = Math.floor((x - minX) / options.cellM), iy = Math.floor((y - minY) / options.cellM);
    const it = ((Math.round(t / dTheta) % nH) + nH) % nH;
    return (iy * nx + ix) * nH + it;
  };
  const offer = (x: number, y: number, t: number, v: number) => {
    const s = stateOf(x, y, t);
    if (v > best[s] + 1e-6) { best[s] = v; poseX[s] = x; poseY[s] = y; poseT[s] = t; push(v, s); }
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
  let impact = -1;
  for (const p of startPoints) if (clear(p[0], p[1])) for (let k = 0; k < nH; k++) offer(p[0], p[1], k * dTheta, 0);
  const prims: [number, number][] = [[options.stepsM[0], 0]];
  for (const L of options.stepsM) for (let k = 1; k <= options.maxTurnSteps; k++) prims.push([L, k], [L, -k]);
  while (heapK.length > 0) {
    const [v, s] = pop();
    if (v < best[s]) continue;
    const x0 = poseX[s], y0 = poseY[s], t0 = poseT[s];
    for (const [stepM, k] of prims) {
      const checks = Math.max(1, Math.ceil(stepM / options.checkM));
      const dt = k * dTheta;
      const r = k === 0 ? Infinity : stepM / Math.abs(dt);
      if (r < vehicle.minTurnRadiusM) continue;
      const cap = k === 0 ? Infinity : Math.sqrt(vehicle.lateralG * G_MPS2 * r);
      const u = Math.min(v, cap);
      let ok = true;
      let x = x0, y = y0;
      for (let c = 1; c <= checks; c++) {
        const s1 = (stepM * c) / checks;
        if (k === 0) { x = x0 + s1 * Math.cos(t0); y = y0 + s1 * Math.sin(t0); }
        else { const a = t0 + (dt * c) / checks; const sgn = Math.sign(dt); x = x0 + sgn * r * (Math.sin(a) - Math.sin(t0)); y = y0 - sgn * r * (Math.cos(a) - Math.cos(t0)); }
        if (!clear(x, y)) { ok = false; break; }
        if (touches(x, y)) {
          impact = Math.max(impact, Math.min(cap, acc.speedAfter(u, s1)));
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      offer(x, y, t0 + dt, Math.min(cap, acc.speedAfter(u, stepM)));
    }
  }
  return impact;
}

const poly = (ring: [number, number][]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/** A short L-shaped street, 10 m wide: 40 m north from an origin, then 40 m east to a zone. */
export function smallL() {
  return localScene([
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-10, -45, 55, 20)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-10, -45, 0, 20)) },
    { id: 'north', kind: 'building', geometry: poly(rect(0, 10, 55, 20)) },
    { id: 'C', kind: 'building', geometry: poly(rect(10, -45, 55, 0)) },
    { id: 'end', kind: 'building', geometry: poly(rect(0, -45, 10, -41)) },
    { id: 'o1', kind: 'vehicle_origin', geometry: { type: 'Point', coordinates: [5, -39] } },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(rect(45, 0, 55, 10)) },
  ]);
}

