import { describe, expect, it } from 'vitest';
import type { SceneFeature } from '../../core/scene/types.js';
import { closestOnSegment, SnapIndex } from './snap-index.js';

// A flat test projection: 1° = 1000 px, y down.
const project = (ll: [number, number]) => ({ x: ll[0] * 1000, y: -ll[1] * 1000 });
const unproject = (p: { x: number; y: number }): [number, number] => [p.x / 1000, -p.y / 1000];
const square: SceneFeature = { type: 'Feature', id: 'sq', geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]] }, properties: { kind: 'building' } };
const cam: SceneFeature = { type: 'Feature', id: 'cam', geometry: { type: 'Point', coordinates: [0.3, 0.3] }, properties: { kind: 'camera' } };

function snapAt(index: SnapIndex, lngLat: [number, number], excludeId?: string) {
  return index.snap({ lngLat, cursor: project(lngLat), tolerancePx: 10, project, unproject, excludeId });
}

describe('snapping to vertices and edges', () => {
  const index = new SnapIndex([square, cam]);
  it('prefers a vertex within tolerance', () => {
    expect(snapAt(index, [0.104, 0.097])).toEqual({ lngLat: [0.1, 0.1], kind: 'vertex', featureId: 'sq' });
    expect(snapAt(index, [0.305, 0.3])).toEqual({ lngLat: [0.3, 0.3], kind: 'vertex', featureId: 'cam' });
  });

  it('else the nearest point on an edge', () => {
    const s = snapAt(index, [0.05, 0.006]);
    expect(s?.kind).toBe('edge');
    expect(s?.lngLat[0]).toBeCloseTo(0.05, 9);
    expect(s?.lngLat[1]).toBeCloseTo(0, 9);
  });

  it('nothing beyond the tolerance, and never the feature being edited', () => {
    expect(snapAt(index, [0.05, 0.05])).toBeUndefined();
    expect(snapAt(index, [0.104, 0.097], 'sq')).toBeUndefined();
  });

  it('handles an empty project', () => {
    expect(snapAt(new SnapIndex([]), [0, 0])).toBeUndefined();
  });

  it('closest point on a segment is clamped to its ends', () => {
    expect(closestOnSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ x: 5, y: 0 });
    expect(closestOnSegment({ x: -5, y: 1 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toEqual({ x: 0, y: 0 });
  });
});
