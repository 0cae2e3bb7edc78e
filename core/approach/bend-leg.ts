import { SECTORS, sectorOf, type ApproachGraph } from './approach-graph.js';
import { cornerEntryTangentM } from './corner-entry.js';
import { cornerExitLegMps } from './corner-exit.js';
import { filletClear } from './fillet-clear.js';
import type { VehicleLimits } from './max-speed-search.js';
import { freeBendLegMps, legAfterTurnMps, turnSpeedMps } from './turn-speed.js';

/**
 * Speed at the end of leg (v → next) of length `lengthM` entered at `entryMps` along (dInX, dInY),
 * bending at node v into (dOutX, dOutY), m/s, or -1 when the bend cannot be taken: at a corner
 * node the racing line around the corner (`turnSpeedMps`), at a free node the best clear fillet
 * (`freeBendLegMps`). The cap and hold chosen are left in `lastLegCapMps` / `lastLegHoldM`.
 * `floorMps`: a free bend that cannot beat it may answer -1 early (callers only want improvements).
 * `legEdge`: the graph edge of the out-leg when it is one (its room profile is cached), else -1.
 */
export function bendLegMps(
  g: ApproachGraph, limits: VehicleLimits, entryMps: number,
  dInX: number, dInY: number, dOutX: number, dOutY: number,
  v: number, lengthM: number, maxTangentM: number, floorMps = -1, legEdge = -1,
): number {
  const px = g.x[v], py = g.y[v];
  if (g.cornerX[v] === g.cornerX[v]) {
    // A corner fed by a weave node (its twin, approach-graph.ts) has the racing line's entry checked too.
    const tangentM = g.entryChecked !== undefined && g.entryChecked[v] === 1 ? cornerEntryTangentM(g, v, dInX, dInY, dOutX, dOutY, limits.minTurnRadiusM, maxTangentM) : maxTangentM;
    const cap = turnSpeedMps(dInX, dInY, dOutX, dOutY, px, py, g.cornerX[v], g.cornerY[v], g.clearanceM[v], limits.minTurnRadiusM, limits.lateralG, tangentM);
    if (cap < 0) return -1;
    if (cap === Infinity || limits.accelerator.constantAccelMps2 === undefined) return legAfterTurnMps(limits.accelerator, entryMps, cap, lengthM, limits.minTurnRadiusM, limits.lateralG);
    return cornerExitLegMps(g, limits, entryMps, dOutX, dOutY, v, lengthM, floorMps, legEdge);
  }
  cur.g = g; cur.v = v; cur.inX = dInX; cur.inY = dInY; cur.outX = dOutX; cur.outY = dOutY; cur.room = -1;
  const out = freeBendLegMps(
    limits.accelerator, entryMps, lengthM, dInX, dInY, dOutX, dOutY, g.clearanceM[v], maxTangentM,
    limits.minTurnRadiusM, limits.lateralG, clearCurrent, floorMps,
  );
  cur.g = NO_GRAPH; // hold no graph between calls
  return out;
}

/** The bend being evaluated (module state, so the inner loop allocates no closure). */
const NO_GRAPH = undefined as unknown as ApproachGraph;
const cur = { g: NO_GRAPH, v: 0, inX: 0, inY: 0, outX: 0, outY: 0, room: -1, tanHalf: 0 };

/**
 * Whether the fillet of radius r at the current bend is clear: first from the node's room inside
 * the bend's wedge (from −dIn round to dOut, the short way — the fillet lies there, within its
 * tangent length of the node), computed once per bend; else by the exact test.
 */
function clearCurrent(r: number): boolean {
  const g = cur.g, v = cur.v;
  if (cur.room < 0) {
    const cosT = cur.inX * cur.outX + cur.inY * cur.outY;
    cur.tanHalf = Math.sqrt(Math.max(0, (1 - cosT) / (1 + cosT)));
    const a0 = Math.atan2(-cur.inY, -cur.inX), a1 = Math.atan2(cur.outY, cur.outX);
    let d = a1 - a0;
    while (d > Math.PI) d -= 2 * Math.PI;
    while (d < -Math.PI) d += 2 * Math.PI;
    const k0 = sectorOf(d >= 0 ? a0 : a0 + d);
    const n = Math.ceil((Math.abs(d) / (2 * Math.PI)) * SECTORS) + 1;
    const at = v * SECTORS;
    let room = Infinity;
    for (let j = 0; j <= n && j < SECTORS; j++) room = Math.min(room, g.sectorClearanceM[at + ((k0 + j) % SECTORS)]);
    cur.room = room;
  }
  if (r * cur.tanHalf <= cur.room) return true;
  return filletClear(g.edges, g.areaSegments, g.x[v], g.y[v], cur.inX, cur.inY, cur.outX, cur.outY, r, g.halfWidthM);
}
