import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, roundedRect, type LocalFeature } from '../drivable/local-scene.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import type { XY } from '../geometry/local-frame.js';
import { approachArea } from './approach-area.js';
import { approachGraphFor } from './approach-routes.js';
import { CLEARANCE_CAP_M, insideArea, SECTOR_REACH_M, SECTORS, sectorOf } from './approach-graph.js';
import { obstacleEdges, pointSegmentDistance, segmentClear, segmentSegmentDistance2, type ObstacleEdges } from './obstacle-edges.js';

/**
 * The graph's shortcuts (leg shadows, segmentClear's side test, the sector rooms' bucket rings,
 * hypot2) must give exactly the graph of the plain definitions: every pair of nodes within the leg
 * length that stays in the area and keeps h from every edge is a leg (README "Graph build, third
 * pass"); each node's room per sector is the least room of the edges whose box meets its 120 m
 * square, and its room c the distance to the nearest other edge less h (or to the area's edge). Checked against those definitions written out directly, on random scenes like those of
 * scene-monotonicity.test.ts (rectangles, rounded buildings, an L, barrier lines, posts).
 */
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
const box = fc.record({ x: fc.integer({ min: 2, max: 85 }), y: fc.integer({ min: 2, max: 85 }), w: fc.integer({ min: 2, max: 15 }), d: fc.integer({ min: 2, max: 15 }), round: fc.constantFrom(0, 0, 3) });
const line = fc.record({ x0: fc.integer({ min: 0, max: 100 }), y0: fc.integer({ min: 0, max: 100 }), x1: fc.integer({ min: 0, max: 100 }), y1: fc.integer({ min: 0, max: 100 }) }).filter((l) => l.x0 !== l.x1 || l.y0 !== l.y1);
const post = fc.record({ x: fc.integer({ min: 1, max: 99 }), y: fc.integer({ min: 1, max: 99 }), r: fc.constantFrom(0, 0.3, 1.5) });
const plan = fc.record({ boxes: fc.array(box, { maxLength: 5 }), lines: fc.array(line, { maxLength: 2 }), posts: fc.array(post, { maxLength: 2 }), ell: fc.boolean() });

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function features(p: Plan): LocalFeature[] {
  const out: LocalFeature[] = [{ id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) }];
  p.boxes.forEach((b, i) => out.push({ id: `b${i}`, kind: 'building', geometry: poly(b.round ? roundedRect(b.x, b.y, b.x + b.w, b.y + b.d, 0.4 * Math.min(b.w, b.d), b.round) : rect(b.x, b.y, b.x + b.w, b.y + b.d)) }));
  if (p.ell) out.push({ id: 'L', kind: 'building', geometry: poly([[60, 60], [80, 60], [80, 66], [66, 66], [66, 85], [60, 85], [60, 60]]) });
  p.lines.forEach((l, i) => out.push({ id: `w${i}`, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[l.x0, l.y0], [l.x1, l.y1]] }, properties: { barrier_type: 'wall' } }));
  p.posts.forEach((q, i) => out.push({ id: `p${i}`, kind: 'obstacle', geometry: { type: 'Point', coordinates: [q.x, q.y] }, properties: { radius_m: q.r } }));
  return out;
}

/** approach-graph.ts's `markSpan`, written out: sectors from the one of the earlier angle, the short way, one more at the end. */
function markSpan(out: number[], a0: number, a1: number, room: number): void {
  let d = a1 - a0;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  const k0 = sectorOf(d >= 0 ? a0 : a0 + d);
  const n = Math.ceil((Math.abs(d) / (2 * Math.PI)) * SECTORS) + 1;
  for (let j = 0; j <= n && j < SECTORS; j++) out[(k0 + j) % SECTORS] = Math.min(out[(k0 + j) % SECTORS], room);
}

function distance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Room per sector round (px, py) by the definition: every edge whose box meets the square, then the area's edges. */
function roomByDefinition(e: ObstacleEdges, area: [number, number, number, number][], h: number, px: number, py: number, own: (k: number) => boolean): number[] {
  const out = new Array<number>(SECTORS).fill(SECTOR_REACH_M - h);
  const R = SECTOR_REACH_M;
  for (let k = 0; k < e.count; k++) {
    const ax = e.ax[k], ay = e.ay[k], bx = e.bx[k], by = e.by[k];
    if (Math.min(ax, bx) > px + R || Math.min(ay, by) > py + R || Math.max(ax, bx) < px - R || Math.max(ay, by) < py - R || own(k)) continue;
    const room = distance(px, py, ax, ay, bx, by) - h;
    if (room < SECTOR_REACH_M - h) markSpan(out, Math.atan2(ay - py, ax - px), Math.atan2(by - py, bx - px), Math.max(0, room));
  }
  for (const s of area) {
    const room = distance(px, py, s[0], s[1], s[2], s[3]);
    if (room < SECTOR_REACH_M - h) markSpan(out, Math.atan2(s[1] - py, s[0] - px), Math.atan2(s[3] - py, s[2] - px), Math.max(0, room));
  }
  return out;
}

describe('approach graph: the fast build equals the plain definition', () => {
  it('legs and sector rooms on random scenes (two widths, unlimited and 30 m legs)', () => {
    let legs = 0;
    fc.assert(
      fc.property(plan, fc.constantFrom(1.8, 2.55), fc.constantFrom<number | 'auto'>('auto', 30), (p, widthM, maxEdgeM) => {
        const { scene, frame } = localScene(features(p));
        const area = approachArea(scene, frame);
        const g = approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, widthM, { maxEdgeM, edgeStartSpacingM: 10, targetSpacingM: 1, weaveNodes: false });
        const h = widthM / 2, n = g.nodeCount, R2 = g.maxEdgeM * g.maxEdgeM;
        // Legs: pairs i < j in order, both directions, none into a start (no weave nodes, so no twins).
        const expected: [number, number, number][] = [];
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            if (g.isStart[i] && g.isStart[j]) continue;
            const dx = g.x[i] - g.x[j], dy = g.y[i] - g.y[j];
            if (!(dx * dx + dy * dy <= R2)) continue;
            if (!insideArea(g.areaSegments, g.x[i], g.y[i], g.x[j], g.y[j]) || !segmentClear(g.edges, g.x[i], g.y[i], g.x[j], g.y[j], h)) continue;
            const L = Math.hypot(g.x[j] - g.x[i], g.y[j] - g.y[i]);
            if (!g.isStart[j]) expected.push([i, j, L]);
            if (!g.isStart[i]) expected.push([j, i, L]);
          }
        }
        expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(Array.from(g.edgeFrom)).toEqual(expected.map((e) => e[0]));
        expect(Array.from(g.edgeTo)).toEqual(expected.map((e) => e[1]));
        expect(Array.from(g.edgeLengthM)).toEqual(expected.map((e) => e[2]));
        legs += expected.length;
        // Sector rooms, the wrapped obstacle left out as the graph does (whole ring if convex, else the corner's two edges).
        for (let i = 0; i < n; i++) {
          if (g.isStart[i]) continue;
          const cx = g.cornerX[i], cy = g.cornerY[i];
          const rings = g.edges.rings.flatMap((r, k) => (r.points.some((q) => q[0] === cx && q[1] === cy) ? [k] : []));
          if (cx === cx && rings.length !== 1) continue; // a corner two obstacles share: which one it wraps is not recorded
          const ring = cx === cx ? rings[0] : -1;
          const convex = ring >= 0 && g.edges.rings[ring].convex;
          const own = (k: number) => ring >= 0 && g.edges.ring[k] === ring && (convex || (g.edges.ax[k] === cx && g.edges.ay[k] === cy) || (g.edges.bx[k] === cx && g.edges.by[k] === cy));
          expect(Array.from(g.sectorClearanceM.subarray(i * SECTORS, (i + 1) * SECTORS))).toEqual(roomByDefinition(g.edges, g.areaSegments, h, g.x[i], g.y[i], own));
          // Room to swing out: the nearest other edge less h, the area's edge, capped.
          let c = CLEARANCE_CAP_M + h;
          for (let k = 0; k < g.edges.count; k++) if (!own(k)) c = Math.min(c, pointSegmentDistance(g.x[i], g.y[i], g.edges.ax[k], g.edges.ay[k], g.edges.bx[k], g.edges.by[k]));
          c -= h;
          for (const a of g.areaSegments) c = Math.min(c, distance(g.x[i], g.y[i], a[0], a[1], a[2], a[3]));
          expect(g.clearanceM[i]).toBe(Math.max(0, Math.min(CLEARANCE_CAP_M, c)));
        }
      }),
      { numRuns: 24, seed: 21 },
    );
    expect(legs).toBeGreaterThan(10000);
  });
});

describe('segmentClear: its cheap side test changes no answer', () => {
  it('equals the exact distance to every edge (random legs and clearances among the random scenes\' obstacles)', () => {
    let refused = 0, passed = 0;
    fc.assert(
      fc.property(plan, fc.array(fc.tuple(fc.integer({ min: -5, max: 105 }), fc.integer({ min: -5, max: 105 }), fc.integer({ min: -5, max: 105 }), fc.integer({ min: -5, max: 105 })), { minLength: 40, maxLength: 40 }), fc.constantFrom(0.9, 1.275, 3), (p, legs, c) => {
        const { scene, frame } = localScene(features(p));
        const e = obstacleEdges(blockedObstacles(scene, frame, 2));
        for (const [ax, ay, bx, by] of legs) {
          let clear = true;
          for (let k = 0; k < e.count; k++) if (segmentSegmentDistance2(ax + 0.37, ay, bx, by + 0.21, e.ax[k], e.ay[k], e.bx[k], e.by[k]) < (c - 1e-9) * (c - 1e-9)) clear = false;
          expect(segmentClear(e, ax + 0.37, ay, bx, by + 0.21, c)).toBe(clear);
          if (clear) passed++; else refused++;
        }
      }),
      { numRuns: 60, seed: 5 },
    );
    expect(Math.min(refused, passed)).toBeGreaterThan(200);
  });
});
