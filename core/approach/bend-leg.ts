import { SECTORS, sectorOf, type ApproachGraph } from './approach-graph.js';
import { filletClear } from './fillet-clear.js';
import type { VehicleLimits } from './max-speed-search.js';
import { freeBendLegMps, legAfterTurnMps, turnSpeedMps } from './turn-speed.js';

/**
 * Speed at the end of leg (v → next) of length `lengthM` entered at `entryMps` along (dInX, dInY),
 * bending at node v into (dOutX, dOutY), m/s, or -1 when the bend cannot be taken: at a corner
 * node the racing line around the corner (`turnSpeedMps`), at a free node the best clear fillet
 * (`freeBendLegMps`). The cap and hold chosen are left in `lastLegCapMps` / `lastLegHoldM`.
 * `floorMps`: a free bend that cannot beat it may answer -1 early (callers only want improvements).
 */
export function bendLegMps(
  g: ApproachGraph, limits: VehicleLimits, entryMps: number,
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  v: number, lengthM: number, maxTangentM: number, floorMps = -1,
): number {
  const px = g.x[v], py = g.y[v];
  if (g.cornerX[v] === g.cornerX[v]) {
    const cap = turnSpeedMps(dInX, dInY, dOutX, dOutY, px, py, g.cornerX[v], g.cornerY[v], g.clearanceM[v], limits.minTurnRadiusM, limits.lateralG, maxTangentM);
    if (cap < 0) return -1;
    return legAfterTurnMps(limits.accelerator, entryMps, cap, lengthM, limits.minTurnRadiusM, limits.lateralG);
  }
  // Room inside the bend's wedge (from −dIn round to dOut, the short way): the fillet lies there.
  let room = Infinity;
  if (1 - (dInX * dOutX + dInY * dOutY) > 1e-12) {
    const a0 = Math.atan2(-dInY, -dInX), a1 = Math.atan2(dOutY, dOutX);
    let d = a1 - a0;
    while (d > Math.PI) d -= 2 * Math.PI;
    while (d < -Math.PI) d += 2 * Math.PI;
    const k0 = sectorOf(d >= 0 ? a0 : a0 + d);
    const n = Math.ceil((Math.abs(d) / (2 * Math.PI)) * SECTORS) + 1;
    const at = v * SECTORS;
    for (let j = 0; j <= n && j < SECTORS; j++) room = Math.min(room, g.sectorClearanceM[at + ((k0 + j) % SECTORS)]);
  }
  return freeBendLegMps(
    limits.accelerator, entryMps, lengthM, dInX, dInY, dOutX, dOutY, Math.max(g.clearanceM[v], room), maxTangentM,
    limits.minTurnRadiusM, limits.lateralG,
    (r) => filletClear(g.edges, g.areaSegments, px, py, dInX, dInY, dOutX, dOutY, r, g.halfWidthM),
    floorMps,
  );
}
