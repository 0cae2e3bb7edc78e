import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localScene, rect, roundedRect, type LocalFeature } from '../drivable/local-scene.js';
import { analyzeApproach, type ApproachOptions } from './analyze-approach.js';
import type { XY } from '../geometry/local-frame.js';
import { approachArea } from './approach-area.js';

/**
 * Scene-level monotonicity (issue #4 §3): adding a barrier line (closed, or with a gap narrower or
 * wider than the vehicle), an `obstacle` (polygon or post) or — where the node set does not depend on
 * buildings — a building never raises any impact speed of a target present in both scenes. The
 * tolerance is float noise only (1e-9 relative).
 */
const poly = (ring: XY[]) => ({ type: 'Polygon' as const, coordinates: [ring] });
type Box = { x: number; y: number; w: number; d: number; round: number };
type Line = { x0: number; y0: number; x1: number; y1: number; gap: number };
type Post = { x: number; y: number; r: number };
const box = fc.record({ x: fc.integer({ min: 2, max: 85 }), y: fc.integer({ min: 2, max: 85 }), w: fc.integer({ min: 2, max: 15 }), d: fc.integer({ min: 2, max: 15 }), round: fc.constantFrom(0, 0, 3, 8) });
// Gaps: none, pedestrian-only (1.2 m), between a car and a lorry (2.0 m), wider than every class (3.0 m).
const line = fc.record({ x0: fc.integer({ min: 0, max: 100 }), y0: fc.integer({ min: 0, max: 100 }), x1: fc.integer({ min: 0, max: 100 }), y1: fc.integer({ min: 0, max: 100 }), gap: fc.constantFrom(0, 0, 1.2, 2.0, 3.0) }).filter((l) => l.x0 !== l.x1 || l.y0 !== l.y1);
const post = fc.record({ x: fc.integer({ min: 1, max: 99 }), y: fc.integer({ min: 1, max: 99 }), r: fc.constantFrom(0, 0.3, 1.5) });
const zone = rect(40, 40, 52, 52);
const overlapsZone = (b: Box) => b.x < 52 && b.x + b.w > 40 && b.y < 52 && b.y + b.d > 40;

interface Plan { boxes: Box[]; lines: Line[]; posts: Post[]; blocks: Box[] }

function features(p: Plan): LocalFeature[] {
  const out: LocalFeature[] = [
    { id: 'area', kind: 'analysis_area', geometry: poly(rect(0, 0, 100, 100)) },
    { id: 'z1', kind: 'crowd_zone', geometry: poly(zone) },
  ];
  // Some buildings have rounded corners (curves drawn with 3 or 8 edges per quarter): their swing nodes (swing-nodes.ts) must keep the property too.
  p.boxes.forEach((b, i) => { if (!overlapsZone(b)) out.push({ id: `b${i}`, kind: 'building', geometry: poly(b.round ? roundedRect(b.x, b.y, b.x + b.w, b.y + b.d, 0.4 * Math.min(b.w, b.d), b.round) : rect(b.x, b.y, b.x + b.w, b.y + b.d)) }); });
  p.lines.forEach((l, i) => out.push({ id: `w${i}`, kind: 'barrier', geometry: { type: 'LineString', coordinates: [[l.x0, l.y0], [l.x1, l.y1]] }, properties: { barrier_type: 'wall', gap_m: l.gap } }));
  p.posts.forEach((q, i) => out.push({ id: `p${i}`, kind: 'obstacle', geometry: { type: 'Point', coordinates: [q.x, q.y] }, properties: { radius_m: q.r } }));
  p.blocks.forEach((b, i) => { if (!overlapsZone(b)) out.push({ id: `o${i}`, kind: 'obstacle', geometry: poly(rect(b.x, b.y, b.x + b.w / 3, b.y + b.d / 3)) }); });
  return out;
}

function speeds(p: Plan, options: ApproachOptions): Map<string, number> {
  const { scene, frame } = localScene(features(p));
  const m = new Map<string, number>();
  for (const r of analyzeApproach(scene, { ...options, frame }).summary.results) m.set(`${r.target_id}/${r.vehicle}`, r.reachable ? r.impact_speed_kmh : -1);
  return m;
}

/** Targets of `before` whose impact speed rose in `after`, as readable lines. */
function rises(before: Map<string, number>, after: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, v] of before) {
    const w = after.get(k)!;
    if (w > v + 1e-9 * Math.max(1, Math.abs(v))) out.push(`${k}: ${v} → ${w}`);
  }
  return out;
}

const plan = fc.record({ boxes: fc.array(box, { maxLength: 4 }), lines: fc.array(line, { maxLength: 2 }), posts: fc.array(post, { maxLength: 2 }), blocks: fc.array(box, { maxLength: 1 }) });
type Addition = { line: Line } | { post: Post } | { block: Box } | { box: Box };
const add = (p: Plan, a: Addition): Plan => ({
  boxes: 'box' in a ? [...p.boxes, a.box] : p.boxes,
  lines: 'line' in a ? [...p.lines, a.line] : p.lines,
  posts: 'post' in a ? [...p.posts, a.post] : p.posts,
  blocks: 'block' in a ? [...p.blocks, a.block] : p.blocks,
});

describe('scene-level monotonicity', () => {
  it('adding a barrier line (with or without a gap) or an obstacle never raises an impact speed', () => {
    const addition = fc.oneof(line.map((l) => ({ line: l })), line.map((l) => ({ line: { ...l, gap: 0 } })), post.map((q) => ({ post: q })), box.map((b) => ({ block: b })));
    fc.assert(
      fc.property(plan, addition, fc.constantFrom('M1', 'N2A', 'N3G'), (p, a, code) => {
        const options: ApproachOptions = { vehicles: [code], route: { edgeStartSpacingM: 10 } };
        expect(rises(speeds(p, options), speeds(add(p, a), options))).toEqual([]);
      }),
      { numRuns: Number(process.env.APPROACH_MONOTONE_RUNS ?? 10), seed: Number(process.env.APPROACH_MONOTONE_SEED ?? 4) },
    );
  }, 120000);

  it('with obstacle-independent nodes (no corner nodes), adding a building never raises an impact speed either', () => {
    const options: ApproachOptions = { vehicles: ['M1', 'N3G'], route: { edgeStartSpacingM: 10, cornerNodes: false, freeSpacingM: 20 } };
    const addition = fc.oneof(box.map((b) => ({ box: b })), line.map((l) => ({ line: { ...l, gap: 0 } })));
    fc.assert(
      fc.property(plan, addition, (p, a) => {
        expect(rises(speeds(p, options), speeds(add(p, a), options))).toEqual([]);
      }),
      { numRuns: Number(process.env.APPROACH_MONOTONE_RUNS ?? 10), seed: Number(process.env.APPROACH_MONOTONE_SEED ?? 5) },
    );
  }, 120000);

  it('without an analysis area, barriers and obstacles do not widen the studied extent (no longer run-ups)', () => {
    // Default extent: bounding box of the zone (40–52) and building (10–20, 60–70) grown by 100 m → [−90, 152] × [−60, 170].
    const base: LocalFeature[] = [
      { id: 'z1', kind: 'crowd_zone', geometry: poly(zone) },
      { id: 'b0', kind: 'building', geometry: poly(rect(10, 60, 20, 70)) },
    ];
    const more: LocalFeature[] = [
      ...base,
      { id: 'w0', kind: 'barrier', geometry: { type: 'LineString', coordinates: [[200, -40], [230, 10]] }, properties: { barrier_type: 'wall' } },
      { id: 'p0', kind: 'obstacle', geometry: { type: 'Point', coordinates: [-150, 40] }, properties: { radius_m: 0.5 } },
    ];
    const a = localScene(base), b = localScene(more);
    const boxOf = (area: ReturnType<typeof approachArea>) => area[0][0].slice(0, 4).map((p) => p.map((c) => Math.round(c * 1e6) / 1e6));
    expect(boxOf(approachArea(b.scene, b.frame))).toEqual(boxOf(approachArea(a.scene, a.frame)));
    expect(boxOf(approachArea(a.scene, a.frame))).toEqual([[-90, -60], [152, -60], [152, 170], [-90, 170]]);
    // Same extent, and the added measures lie outside it: the starts, the lattice and every leg are unchanged.
  });
});
