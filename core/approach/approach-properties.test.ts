import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointInMultiPolygon } from '../drivable/polygons.js';
import { localScene, rect, roundedRect, type LocalFeature } from '../drivable/local-scene.js';
import { analyzeApproach } from './analyze-approach.js';
import { pointSegmentDistance, segmentSegmentDistance, segmentsIntersect } from './obstacle-edges.js';
import type { XY } from '../geometry/local-frame.js';
import { analysisArea } from '../drivable/analysis-area.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import { BUILT_IN_VEHICLE_CLASSES } from '../vehicles/vehicle-classes.js';
import type { ApproachGraph } from './approach-graph.js';
import { approachGraphFor, vehicleLimits } from './approach-routes.js';
import { maxSpeedSearch } from './max-speed-search.js';

/** The same graph with only the edges in `mask`, and every clearance scaled by `shrink` ∈ [0, 1]. */
function withoutEdges(g: ApproachGraph, mask: boolean[], shrink: number): { graph: ApproachGraph; oldEdge: number[] } {
  const oldEdge: number[] = [];
  for (let e = 0; e < g.edgeTo.length; e++) if (mask[e]) oldEdge.push(e);
  const m = oldEdge.length, n = g.nodeCount;
  const outStart = new Int32Array(n + 1), inStart = new Int32Array(n + 1);
  const edgeTo = new Int32Array(m), edgeFrom = new Int32Array(m), edgeLengthM = new Float64Array(m), inEdge = new Int32Array(m);
  oldEdge.forEach((old, e) => { edgeTo[e] = g.edgeTo[old]; edgeFrom[e] = g.edgeFrom[old]; edgeLengthM[e] = g.edgeLengthM[old]; outStart[edgeFrom[e] + 1]++; inStart[edgeTo[e] + 1]++; });
  for (let i = 0; i < n; i++) { outStart[i + 1] += outStart[i]; inStart[i + 1] += inStart[i]; }
  const fill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) inEdge[fill[edgeTo[e]]++] = e;
  return { graph: { ...g, outStart, inStart, edgeTo, edgeFrom, edgeLengthM, inEdge, clearanceM: g.clearanceM.map((c) => c * shrink) }, oldEdge };
}

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/** Random small scenes: a 100 m square, a few buildings, a zone, maybe a barrier line. */
const box = fc.record({ x: fc.integer({ min: 2, max: 85 }), y: fc.integer({ min: 2, max: 85 }), w: fc.integer({ min: 3, max: 15 }), d: fc.integer({ min: 3, max: 15 }), round: fc.constantFrom(0, 0, 3, 8) });
const line = fc.record({ x0: fc.integer({ min: 0, max: 100 }), y0: fc.integer({ min: 0, max: 100 }), x1: fc.integer({ min: 0, max: 100 }), y1: fc.integer({ min: 0, max: 100 }) }).filter((l) => l.x0 !== l.x1 || l.y0 !== l.y1);
const zone = rect(40, 40, 52, 52);
const overlapsZone = (b: { x: number; y: number; w: number; d: number }) => b.x < 52 && b.x + b.w > 40 && b.y < 52 && b.y + b.d > 40;

function build(boxes: { x: number; y: number; w: number; d: number; round?: number }[], lines: { x0: number; y0: number; x1: number; y1: number }[]) {
  const features: LocalFeature[] = [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(zone) },
  ];
  // Rounded corners (3 or 8 edges per quarter) bring swing nodes (swing-nodes.ts) into play.
  boxes.filter((b) => !overlapsZone(b)).forEach((b, i) => features.push({ id: `b${i}`, kind: 'building', geometry: poly(b.round ? roundedRect(b.x, b.y, b.x + b.w, b.y + b.d, 0.4 * Math.min(b.w, b.d), b.round) : rect(b.x, b.y, b.x + b.w, b.y + b.d)) }));
  lines.forEach((l, i) => features.push({ id: `w${i}`, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[l.x0, l.y0], [l.x1, l.y1]] }, properties: { barrier_type: 'wall' } }));
  return localScene(features);
}

function speeds(res: ReturnType<typeof analyzeApproach>): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of res.summary.results) m.set(`${r.target_id}/${r.vehicle}`, r.reachable ? r.impact_speed_kmh : -1);
  return m;
}

describe('approach search properties', () => {
  /**
   * Adding an obstacle removes graph edges and shrinks clearances; its corners also add nodes,
   * which can offer a slightly better bend, so scene-level monotonicity is not exact (see the
   * report). What the search itself guarantees, and what a pruning bug would break: on a fixed
   * node set, removing edges or lowering clearances never raises any best speed.
   */
  it('removing graph edges or lowering clearances never raises any best speed (search is monotone)', () => {
    const { scene, frame } = build([{ x: 20, y: 20, w: 10, d: 12 }, { x: 65, y: 30, w: 8, d: 20 }, { x: 30, y: 70, w: 25, d: 8 }], [{ x0: 60, y0: 60, x1: 85, y1: 80 }]);
    const area = analysisArea(scene, frame);
    const g = approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, 1.8), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, 1.8);
    const limits = vehicleLimits(BUILT_IN_VEHICLE_CLASSES[0]);
    const full = maxSpeedSearch(g, limits).bestMps;
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), fc.double({ min: 0, max: 1, noNaN: true }), (keep, shrink) => {
        const mask = Array.from(g.edgeTo, (_, e) => keep[e % 64] || e % 3 === 0);
        const sub = withoutEdges(g, mask, shrink);
        const best = maxSpeedSearch(sub.graph, limits).bestMps;
        sub.oldEdge.forEach((old, e) => expect(best[e]).toBeLessThanOrEqual(full[old] + 1e-9));
      }),
      { numRuns: 20, seed: 42 },
    );
  });

  it('paths keep half the width from every building and never cross a closed barrier', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 5 }), fc.array(line, { maxLength: 2 }), (boxes, lines) => {
        const { scene, frame } = build(boxes, lines);
        const h = 0.9; // M1
        const res = analyzeApproach(scene, { vehicles: ['M1'], frame });
        const buildings = scene.features.filter((f) => f.properties.kind === 'building').map((f) => (f.geometry.coordinates as number[][][])[0].map((p) => frame.toLocal(p)));
        const walls = scene.features.filter((f) => f.properties.kind === 'barrier').map((f) => (f.geometry.coordinates as number[][]).map((p) => frame.toLocal(p)));
        for (const f of res.features) {
          if (f.properties.kind !== 'approach_path') continue;
          const path = (f.geometry.coordinates as number[][]).map((p) => frame.toLocal(p));
          for (let i = 0; i + 1 < path.length; i++) {
            const [a, b] = [path[i], path[i + 1]];
            for (const r of buildings) {
              for (let k = 0; k + 1 < r.length; k++) expect(segmentSegmentDistance(a[0], a[1], b[0], b[1], r[k][0], r[k][1], r[k + 1][0], r[k + 1][1])).toBeGreaterThan(h - 1e-3);
              // and not inside: the leg's midpoint is not inside the building
              const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
              const inside = pointInMultiPolygon([mx, my], [[r as [number, number][]]]);
              expect(inside).toBe(false);
            }
            for (const w of walls) {
              // The leg may end touching the wall it targets (at h), never cross one.
              expect(segmentsIntersect(a[0], a[1], b[0], b[1], w[0][0], w[0][1], w[1][0], w[1][1])).toBe(false);
              if (f.properties.target_id !== scene.features.find((x) => (x.geometry.coordinates as unknown) === undefined)?.id) {
                expect(Math.min(pointSegmentDistance(a[0], a[1], w[0][0], w[0][1], w[1][0], w[1][1]), segmentSegmentDistance(a[0], a[1], b[0], b[1], w[0][0], w[0][1], w[1][0], w[1][1]))).toBeGreaterThan(h - 1e-3);
              }
            }
          }
        }
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
