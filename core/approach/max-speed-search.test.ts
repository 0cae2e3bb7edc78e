import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import type { XY } from '../geometry/local-frame.js';
import { analysisArea } from '../drivable/analysis-area.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import { approachGraphFor, vehicleLimits } from './approach-routes.js';
import { maxSpeedSearch } from './max-speed-search.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/** A 120 m square with a 3 × 3 block of 14 m buildings on a 30 m pitch (streets 16 m wide). */
function blocks() {
  const features: LocalFeature[] = [{ id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 120, 120)) }];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) features.push({ id: `b${i}${j}`, kind: 'building', geometry: poly(rect(23 + 30 * i, 23 + 30 * j, 37 + 30 * i, 37 + 30 * j)) });
  return localScene(features);
}

describe('max-speed search, restricted re-search from a warm start', () => {
  /**
   * The per-target re-search (bestArrival) leaves out the legs that touch a target and starts from
   * the whole-graph search, expanding only what can change. Its speeds must be those of a search of
   * the restricted graph from scratch (the same fixpoint; 1e-9 m/s is the search's own improvement
   * step), for the car and the heaviest truck, whatever the blocked set.
   */
  it('gives the same best speeds as a cold search of the restricted graph', () => {
    const { scene, frame } = blocks();
    const area = analysisArea(scene, frame);
    for (const code of ['M1', 'N3G']) {
      const v = BUILT_IN_VEHICLE_CLASSES.find((c) => c.code === code)!;
      const g = approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, v.widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, v.widthM);
      const limits = vehicleLimits(v);
      const full = maxSpeedSearch(g, limits);
      let changed = 0;
      fc.assert(
        fc.property(fc.integer({ min: 10, max: 110 }), fc.integer({ min: 10, max: 110 }), fc.integer({ min: 4, max: 25 }), (cx, cy, r) => {
          // Block every leg passing within r of (cx, cy), as a target there would.
          const m = g.edgeTo.length;
          const blocked = new Uint8Array(m);
          for (let e = 0; e < m; e++) {
            const ax = g.x[g.edgeFrom[e]], ay = g.y[g.edgeFrom[e]], bx = g.x[g.edgeTo[e]], by = g.y[g.edgeTo[e]];
            const dx = bx - ax, dy = by - ay;
            const t = Math.max(0, Math.min(1, ((cx - ax) * dx + (cy - ay) * dy) / (dx * dx + dy * dy)));
            if (Math.hypot(ax + t * dx - cx, ay + t * dy - cy) < r) blocked[e] = 1;
          }
          const warm = maxSpeedSearch(g, limits, undefined, blocked, full);
          const cold = maxSpeedSearch(g, limits, undefined, blocked);
          for (let e = 0; e < m; e++) {
            if (blocked[e]) continue;
            expect(Math.abs(warm.bestMps[e] - cold.bestMps[e])).toBeLessThan(1e-6);
            if (warm.bestMps[e] < full.bestMps[e] - 1e-6) changed++;
          }
        }),
        { numRuns: 8, seed: 3 },
      );
      // Not vacuous: blocking lowered many speeds, which the warm search had to recompute.
      expect(changed).toBeGreaterThan(100);
    }
  });
});
