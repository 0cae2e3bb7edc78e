import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import { analysisArea } from '../drivable/analysis-area.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import type { XY } from '../geometry/local-frame.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import type { ApproachGraph } from './approach-graph.js';
import { approachGraphFor, vehicleLimits } from './approach-routes.js';
import { bendLegMps } from './bend-leg.js';
import { extendExitRoom, roomCount, selectExitRoom } from './exit-room.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const box = fc.record({ x: fc.integer({ min: 5, max: 80 }), y: fc.integer({ min: 5, max: 80 }), w: fc.integer({ min: 3, max: 15 }), d: fc.integer({ min: 3, max: 15 }) });

function graphOf(boxes: { x: number; y: number; w: number; d: number }[], widthM: number): ApproachGraph {
  const features: LocalFeature[] = [{ id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) }];
  boxes.forEach((b, i) => features.push({ id: `b${i}`, kind: 'building', geometry: poly(rect(b.x, b.y, b.x + b.w, b.y + b.d)) }));
  const { scene, frame } = localScene(features);
  const area = analysisArea(scene, frame);
  return approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, widthM);
}

describe('corner exits', () => {
  /**
   * An exit's answer must not depend on how much of its leg's room profile earlier exits happened to
   * compute: `exitClear` computes bins on demand (through the rejoin point at once, before testing
   * the outermost point), and the search relies on the answer being a function of the turn alone
   * (output byte-identical to the whole-leg profile). Two copies of one graph (profiles are kept for
   * one graph at a time): in one the turns are evaluated in a random order from nothing, in the
   * other every out-leg of those turns has its whole profile computed first. Every speed must be the same number
   * (a bin read before it is computed, or computed from the wrong obstacles, changes some).
   */
  it('give the same speed whatever part of the leg profile was computed before', () => {
    let turns = 0, exits = 0;
    fc.assert(
      fc.property(fc.array(box, { minLength: 2, maxLength: 6 }), fc.constantFrom('M1', 'N2A', 'N3G'), fc.integer({ min: 0, max: 1e6 }), (boxes, code, seed) => {
        const vehicle = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === code)!;
        const limits = vehicleLimits(vehicle);
        const lazy = graphOf(boxes, vehicle.widthM), whole = graphOf(boxes, vehicle.widthM);
        expect(Array.from(whole.edgeTo)).toEqual(Array.from(lazy.edgeTo));
        const g = whole;
        const isCorner = (v: number) => g.cornerX[v] === g.cornerX[v];
        const dir = (e: number): [number, number] => [(g.x[g.edgeTo[e]] - g.x[g.edgeFrom[e]]) / g.edgeLengthM[e], (g.y[g.edgeTo[e]] - g.y[g.edgeFrom[e]]) / g.edgeLengthM[e]];
        // Every turn (in-edge, out-edge) at a corner node, in a random order.
        let s = seed;
        const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
        const pairs: [number, number][] = [];
        for (let e = 0; e < g.edgeTo.length; e++) {
          const v = g.edgeTo[e];
          if (!isCorner(v)) continue;
          for (let f = g.outStart[v]; f < g.outStart[v + 1]; f++) if (rnd() < 0.05) pairs.push([e, f]);
        }
        for (let i = pairs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [pairs[i], pairs[j]] = [pairs[j], pairs[i]]; }
        pairs.length = Math.min(pairs.length, 400);
        const turnsOf = (gr: ApproachGraph) => {
          let t = seed;
          const r = () => { t = (t * 1103515245 + 12345) % 2147483648; return t / 2147483648; };
          return pairs.map(([e, f]) => {
            const v = g.edgeTo[e];
            const [ex, ey] = dir(e), [fx, fy] = dir(f);
            const inLen = g.isStart[g.edgeFrom[e]] ? 2 * g.edgeLengthM[e] : g.edgeLengthM[e];
            const maxTangentM = 0.5 * Math.min(inLen, g.edgeLengthM[f]);
            // At top speed every ladder rung ends at its own speed (a wrongly refused rung shows).
            const entryMps = r() < 0.6 ? vehicle.topSpeedKmh / 3.6 : r() * vehicle.topSpeedKmh / 3.6;
            const floorMps = r() < 0.7 ? -1 : r() * entryMps;
            return bendLegMps(gr, limits, entryMps, ex, ey, fx, fy, v, g.edgeLengthM[f], maxTangentM, floorMps, f);
          });
        };
        // Profiles are kept for one graph at a time: the lazy copy's turns first, from nothing.
        const lazySpeeds = turnsOf(lazy);
        // Then the whole profile of every out-leg of these turns, before any exit is evaluated.
        for (const f of new Set(pairs.map((p) => p[1]))) {
          const v = g.edgeFrom[f];
          const [dx, dy] = dir(f);
          // Outward normal: away from the corner (as `cornerExitLegMps` takes it).
          let nx = -dy, ny = dx;
          if (nx * (g.cornerX[v] - g.x[v]) + ny * (g.cornerY[v] - g.y[v]) > 0) { nx = -nx; ny = -ny; }
          selectExitRoom(g, v, f, dx, dy, nx, ny, g.edgeLengthM[f]);
          extendExitRoom(roomCount - 1);
        }
        const wholeSpeeds = turnsOf(whole);
        expect(lazySpeeds).toEqual(wholeSpeeds);
        turns += pairs.length;
        exits += lazySpeeds.filter((x) => x > 0).length;
      }),
      { numRuns: 10, seed: 5 },
    );
    // Not vacuous: many turns, many of them taken.
    expect(turns).toBeGreaterThan(1500);
    expect(exits).toBeGreaterThan(300);
  });
});
