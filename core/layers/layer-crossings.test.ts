import { describe, expect, it } from 'vitest';
import type { XY } from '../geometry/local-frame.js';
import { fewestLayersCrossed, interiorPoint, type LayerLine } from './layer-crossings.js';

const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
/** A square ring of half-side h around the origin, open by `gapM` in the middle of its east side. */
const openSquare = (h: number, gapM: number): XY[] => [[h, gapM / 2], [h, h], [-h, h], [-h, -h], [h, -h], [h, -gapM / 2]];

const area = [[rect(-100, -100, 100, 100)]];
const target = [[rect(-5, -5, 5, 5)]];
const base = { area, blocked: [], starts: [], target };

describe('fewest layers crossed', () => {
  it('two closed nested rings: every route crosses both, outer first', () => {
    const layers: LayerLine[] = [{ id: 'inner', line: rect(-30, -30, 30, 30) }, { id: 'outer', line: rect(-60, -60, 60, 60) }];
    const r = fewestLayersCrossed({ ...base, layers, radiusM: 0.9 });
    expect(r.layersCrossed).toBe(2);
    expect(r.sequence).toEqual(['outer', 'inner']);
  });

  it('an outer ring open by 10 m is walked and driven around: only the inner ring counts', () => {
    const layers: LayerLine[] = [{ id: 'inner', line: rect(-30, -30, 30, 30) }, { id: 'outer', line: openSquare(60, 10) }];
    expect(fewestLayersCrossed({ ...base, layers, radiusM: 0.9 }).layersCrossed).toBe(1);
    expect(fewestLayersCrossed({ ...base, layers, radiusM: 0.3 }).sequence).toEqual(['inner']);
  });

  it('a 1.2 m gap lets a person (0.6 m) through but not a 1.8 m car', () => {
    const layers: LayerLine[] = [{ id: 'outer', line: openSquare(60, 1.2) }];
    expect(fewestLayersCrossed({ ...base, layers, radiusM: 0.3 }).layersCrossed).toBe(0);
    expect(fewestLayersCrossed({ ...base, layers, radiusM: 0.9 }).layersCrossed).toBe(1);
  });

  it('a line closed against a building is a layer; the same line without the building is not', () => {
    // A wall across a 20 m street between two blocks; the target sits behind it, the street open to the south edge.
    const blocked = [[rect(-100, -100, -10, 100)], [rect(10, -100, 100, 100)], [rect(-10, 50, 10, 100)]];
    const line: LayerLine = { id: 'cordon', line: [[-10, 0], [10, 0]] };
    const t = [[rect(-5, 20, 5, 30)]];
    expect(fewestLayersCrossed({ area, blocked, layers: [line], radiusM: 0.3, starts: [], target: t }).layersCrossed).toBe(1);
    expect(fewestLayersCrossed({ area, blocked: [], layers: [line], radiusM: 0.3, starts: [], target: t }).layersCrossed).toBe(0);
  });

  it('a barrier drawn on top of a perimeter counts as two layers crossed at once', () => {
    const layers: LayerLine[] = [{ id: 'perimeter', line: rect(-30, -30, 30, 30) }, { id: 'bollards', line: [[30, -30], [30, 30]] }];
    const r = fewestLayersCrossed({ ...base, layers, radiusM: 0.3 });
    expect(r.layersCrossed).toBe(1); // walk round to the west side, crossing the perimeter only
    const closedPair: LayerLine[] = [{ id: 'perimeter', line: rect(-30, -30, 30, 30) }, { id: 'wall', line: rect(-30, -30, 30, 30) }];
    const both = fewestLayersCrossed({ ...base, layers: closedPair, radiusM: 0.3 });
    expect(both.layersCrossed).toBe(2);
    expect([...both.sequence].sort()).toEqual(['perimeter', 'wall']);
  });

  it('starts at given origins instead of the edge; a target nobody can reach gives null', () => {
    const layers: LayerLine[] = [{ id: 'inner', line: rect(-30, -30, 30, 30) }];
    expect(fewestLayersCrossed({ ...base, layers, radiusM: 0.3, starts: [[0, 20]] }).layersCrossed).toBe(0);
    const walled = [[rect(-20, -20, 20, 20), [...rect(-15, -15, 15, 15)].reverse()]];
    expect(fewestLayersCrossed({ ...base, blocked: walled, layers, radiusM: 0.3 }).layersCrossed).toBeNull();
  });

  it('finds a point inside an L-shaped face', () => {
    const p = interiorPoint([[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]]);
    expect(p[0] > 0 && p[0] < 10 && p[1] > 0 && p[1] < 1).toBe(true);
  });
});

describe('layers drawn on the target outline', () => {
  it('a screening line drawn exactly on a crowd zone’s edge is still crossed to get in', () => {
    const layers: LayerLine[] = [{ id: 'search', line: rect(-5, -5, 5, 5) }];
    const r = fewestLayersCrossed({ ...base, layers, radiusM: 0.3 });
    expect(r.layersCrossed).toBe(1);
    expect(r.sequence).toEqual(['search']);
  });
  it('a perimeter on the façade of a building-site counts once; a ring outside it counts too', () => {
    const blocked = [[rect(-5, -5, 5, 5)]];
    const layers: LayerLine[] = [{ id: 'facade', line: rect(-5, -5, 5, 5) }, { id: 'ring', line: rect(-30, -30, 30, 30) }];
    const r = fewestLayersCrossed({ ...base, blocked, layers, radiusM: 0.9 });
    expect(r.layersCrossed).toBe(2);
    expect(r.sequence).toEqual(['ring', 'facade']);
  });
});
