import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, type LocalFeature } from '../drivable/local-scene.js';
import { analysisArea } from '../drivable/analysis-area.js';
import { blockedObstacles } from '../drivable/blocked-obstacles.js';
import type { XY } from '../geometry/local-frame.js';
import { insideArea, type ApproachGraph } from './approach-graph.js';
import { approachGraphFor } from './approach-routes.js';
import { EXIT_BIN_M, EXIT_BLOCK, exitRoom, extendExitRoom, roomBins, roomBlockRuns, roomBlocks, roomCount, roomFilled, roomMinTo, roomOffset, selectExitRoom } from './exit-room.js';
import { pointInMultiPolygon } from '../drivable/polygons.js';
import { pointSegmentDistance, segmentClear } from './obstacle-edges.js';

const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });

/** Random 100 m scenes: buildings (boxes) and wall lines. */
const box = fc.record({ x: fc.integer({ min: 2, max: 85 }), y: fc.integer({ min: 2, max: 85 }), w: fc.integer({ min: 2, max: 15 }), d: fc.integer({ min: 2, max: 15 }) });
const line = fc.record({ x0: fc.integer({ min: 0, max: 100 }), y0: fc.integer({ min: 0, max: 100 }), x1: fc.integer({ min: 0, max: 100 }), y1: fc.integer({ min: 0, max: 100 }) }).filter((l) => l.x0 !== l.x1 || l.y0 !== l.y1);

function randomScene(boxes: { x: number; y: number; w: number; d: number }[], lines: { x0: number; y0: number; x1: number; y1: number }[]): LocalFeature[] {
  const features: LocalFeature[] = [{ id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) }];
  boxes.forEach((b, i) => features.push({ id: `b${i}`, kind: 'building', geometry: poly(rect(b.x, b.y, b.x + b.w, b.y + b.d)) }));
  lines.forEach((l, i) => features.push({ id: `w${i}`, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[l.x0, l.y0], [l.x1, l.y1]] }, properties: { barrier_type: 'wall' } }));
  return features;
}

function graphOf(features: LocalFeature[], widthM: number): ApproachGraph {
  const { scene, frame } = localScene(features);
  const area = analysisArea(scene, frame);
  return approachGraphFor({ area, obstacles: blockedObstacles(scene, frame, widthM), starts: [{ kind: 'edge', ring: area[0][0] }], targets: [] }, widthM);
}

function nearestNode(g: ApproachGraph, x: number, y: number): number {
  let best = -1, d = Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    const e = Math.hypot(g.x[i] - x, g.y[i] - y);
    if (e < d) { d = e; best = i; }
  }
  return best;
}

/** The profile of the leg from node v along (dx, dy), outward normal (nx, ny), in metres. */
function profile(g: ApproachGraph, v: number, dx: number, dy: number, nx: number, ny: number, lengthM: number): number[] {
  exitRoom(g, v, -1, dx, dy, nx, ny, lengthM);
  return Array.from({ length: roomCount }, (_, i) => roomBins[roomOffset + i] / 100);
}

describe('room on the outside of a leg (corner exits)', () => {
  /**
   * L street for a car (h = 0.9): north wall y ≥ 10, building C at x ≥ 10, y ≤ 0, corner node
   * N = (9.099, 0.901) beside C's corner (10, 0). Room at N: c = 9.099 − 0.9 = 8.199 m (walls x = 0
   * and y = 10). A 1 m post at x ∈ [40, 41], y ∈ [5, 6] stands on the outside of the leg east.
   */
  const g = graphOf([
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(-50, -100, 100, 60)) },
    { id: 'west', kind: 'building', geometry: poly(rect(-50, -100, 0, 60)) },
    { id: 'north', kind: 'building', geometry: poly(rect(0, 10, 100, 60)) },
    { id: 'C', kind: 'building', geometry: poly(rect(10, -100, 100, 0)) },
    { id: 'post', kind: 'obstacle', geometry: poly(rect(40, 5, 41, 6)), properties: { stops_vehicles: true } },
  ], 1.8);
  const v = nearestNode(g, 9.099, 0.901);

  it('is the lowest point of each obstacle grown by h over the bin, capped at the node room', () => {
    expect(g.x[v]).toBeCloseTo(9.099, 9);
    expect(g.clearanceM[v]).toBeCloseTo(8.199, 9);
    // The leg east from N: X = x − 9.099, Y = y − 0.901 (outwards = north).
    const room = profile(g, v, 1, 0, 0, 1, 80);
    expect(room).toHaveLength(Math.floor(80 / EXIT_BIN_M) + 1);
    // The north wall is 10 − 0.9 − 0.901 = 8.199 m up: the same as the cap c (floored to cm: 8.19).
    expect(room[0]).toBe(8.19);
    expect(room[40]).toBe(8.19);
    // The post's grown bottom is 5 − 0.9 − 0.901 = 3.199 m up for X in [30.901, 31.901]; the bins
    // [30.5, 31) and [31.5, 32) reach it: 3.19 after flooring (a 0.1 mm margin, then whole cm).
    expect(room[61]).toBe(3.19);
    expect(room[62]).toBe(3.19);
    expect(room[63]).toBe(3.19);
    // Bin [30, 30.5): the post's rounded corner (30.901, 4.099), radius 0.9, at X = 30.5:
    // 4.099 − √(0.81 − 0.401²) = 3.2933 → 3.29. Bin [29.5, 30): beyond the post's reach (X ≥ 30.001).
    expect(room[60]).toBe(3.29);
    expect(room[59]).toBe(8.19);
    // Bin [32, 32.5): the corner (31.901, 4.099) at X = 32: 4.099 − √(0.81 − 0.099²) = 3.2045 → 3.20.
    expect(room[64]).toBe(3.2);
  });

  it('has no room where an obstacle touches the leg', () => {
    // West from N (X = 9.099 − x), outwards = south: the leg runs into the west building's grown
    // face x = 0.9 at X = 8.199, so from the bin [8, 8.5) on the face touches the leg (room 0).
    // Before it nothing is south within the cap (C lies behind, at X ≤ −0.9): room = c, 8.19.
    const room = profile(g, v, -1, 0, 0, -1, 12);
    // (Bins past the face, X ≥ 10, lie inside the building and are never read: an exit only
    // runs along a clear leg, and it cannot get there without crossing the bins at 0.)
    expect(room.slice(0, 16)).toEqual(Array(16).fill(8.19));
    expect(room.slice(16, 20)).toEqual([0, 0, 0, 0]);
  });

  /**
   * Random scenes: every point under the profile of a clear leg keeps h from every obstacle edge
   * and lies in the area (sound), and 3 cm above it some obstacle or the area edge is closer than
   * that somewhere in the bin, unless the bin is at the cap (tight).
   */
  it('is sound and tight on random scenes', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 5 }), fc.array(line, { maxLength: 2 }), fc.integer({ min: 0, max: 1e6 }), (boxes, lines, seed) => {
        const gr = graphOf(randomScene(boxes, lines), 2.5);
        const h = gr.halfWidthM;
        const corners = Array.from({ length: gr.nodeCount }, (_, i) => i).filter((i) => gr.cornerX[i] === gr.cornerX[i]);
        if (corners.length === 0) return;
        let s = seed;
        const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
        for (let t = 0; t < 3; t++) {
          const node = corners[Math.floor(rnd() * corners.length)];
          const a = rnd() * 2 * Math.PI, dx = Math.cos(a), dy = Math.sin(a);
          const side = rnd() < 0.5 ? 1 : -1, nx = -dy * side, ny = dx * side;
          const px = gr.x[node], py = gr.y[node];
          // The longest clear leg that way, up to 60 m (exits are only checked on clear legs).
          let len = 60;
          while (len > 1 && !(segmentClear(gr.edges, px, py, px + dx * len, py + dy * len, h) && insideArea(gr.areaSegments, px, py, px + dx * len, py + dy * len))) len -= 1;
          if (len <= 1) continue;
          const room = profile(gr, node, dx, dy, nx, ny, len);
          const cap = Math.floor((gr.clearanceM[node] - 1e-4) * 100) / 100;
          const dist = (X: number, Y: number) => {
            const qx = px + X * dx + Y * nx, qy = py + X * dy + Y * ny;
            let d = Infinity;
            for (let i = 0; i < gr.edges.count; i++) d = Math.min(d, pointSegmentDistance(qx, qy, gr.edges.ax[i], gr.edges.ay[i], gr.edges.bx[i], gr.edges.by[i]) - h);
            for (const e of gr.areaSegments) d = Math.min(d, pointSegmentDistance(qx, qy, e[0], e[1], e[2], e[3]));
            return pointInMultiPolygon([qx, qy], gr.area) ? d : -1;
          };
          for (let i = 0; i < room.length; i++) {
            let tight = room[i] >= cap;
            for (let j = 0; j <= 20; j++) {
              const X = Math.min(len, (i + j / 20) * EXIT_BIN_M);
              for (const f of [0.25, 0.5, 1]) expect(dist(X, room[i] * f)).toBeGreaterThanOrEqual(-1e-9);
              if (!tight && dist(X, room[i] + 0.03) < 0) tight = true;
            }
            // A bin cut by the leg's end has only part of its X range on the leg: skip tightness there.
            if ((i + 1) * EXIT_BIN_M <= len) expect(tight).toBe(true);
          }
        }
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  /**
   * Profiles are computed on demand, a chunk at a time, and kept per graph edge: whatever the order
   * of the requests, the bins computed equal a fill of the whole leg at once (the edges are found
   * per chunk, so a chunk missing an edge, or an edge's "touches the leg" decided on the chunk
   * instead of the leg, would show here), and the block minima and `roomMinTo` equal the minima of
   * the bins themselves.
   */
  it('filled chunk by chunk on demand equals a fill of the whole leg', () => {
    let compared = 0, lowered = 0;
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 6 }), fc.array(line, { maxLength: 3 }), fc.integer({ min: 0, max: 1e6 }), (boxes, lines, seed) => {
        const gr = graphOf(randomScene(boxes, lines), 1.8);
        const corners = Array.from({ length: gr.nodeCount }, (_, i) => i).filter((i) => gr.cornerX[i] === gr.cornerX[i]);
        if (corners.length === 0) return;
        let s = seed;
        const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
        // Each leg takes its own edge slot of the cache (a slot belongs to one leg, as a graph edge does).
        const slots = Math.min(gr.edgeTo.length, 16);
        for (let edge = 0; edge < slots; edge++) {
          const node = corners[Math.floor(rnd() * corners.length)];
          const a = rnd() * 2 * Math.PI, dx = Math.cos(a), dy = Math.sin(a);
          const side = rnd() < 0.5 ? 1 : -1, nx = -dy * side, ny = dx * side;
          const len = 1 + rnd() * 140;
          exitRoom(gr, node, -1, dx, dy, nx, ny, len);
          const whole = Array.from(roomBins.subarray(roomOffset, roomOffset + roomCount));
          const n = whole.length;
          // Requests as an exit makes them: rising, often within a chunk, sometimes past the end.
          const asks = [0, 1, 2, 3].map(() => Math.floor(rnd() * (n + 10))).sort((p, q) => p - q);
          for (const ask of asks) {
            selectExitRoom(gr, node, edge, dx, dy, nx, ny, len);
            extendExitRoom(ask);
            expect(roomFilled).toBeGreaterThanOrEqual(Math.min(ask, n - 1) + 1);
            const got = Array.from(roomBins.subarray(roomOffset, roomOffset + roomFilled));
            expect(got).toEqual(whole.slice(0, roomFilled));
            for (let b = 0; (b + 1) * EXIT_BLOCK <= roomFilled || (roomFilled === n && b * EXIT_BLOCK < n); b++) {
              const block = whole.slice(b * EXIT_BLOCK, (b + 1) * EXIT_BLOCK);
              expect(roomBins[roomBlocks + b]).toBe(Math.min(...block));
              expect(roomBins[roomBlockRuns + b]).toBe(Math.min(...whole.slice(0, (b + 1) * EXIT_BLOCK)));
            }
            for (let i = 0; i < roomFilled; i++) expect(roomMinTo(i)).toBe(Math.min(...whole.slice(0, i + 1)));
            compared++;
            if (whole.some((q) => q < whole[0])) lowered++;
          }
        }
      }),
      { numRuns: 25, seed: 11 },
    );
    // The property saw many legs, some with bins lowered by an obstacle (not only the cap).
    expect(compared).toBeGreaterThan(200);
    expect(lowered).toBeGreaterThan(20);
  });
});
