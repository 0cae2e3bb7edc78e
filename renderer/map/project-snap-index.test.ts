import { describe, expect, it } from 'vitest';
import type { SceneFeature } from '../../core/scene/types.js';
import { ProjectSnapIndex } from './project-snap-index.js';

// A flat test projection: 1° = 1000 px, y down (as snap-index.test.ts).
const project = (ll: [number, number]) => ({ x: ll[0] * 1000, y: -ll[1] * 1000 });
const unproject = (p: { x: number; y: number }): [number, number] => [p.x / 1000, -p.y / 1000];
const cam = (id: string, x: number, y: number): SceneFeature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, y] }, properties: { kind: 'camera' } });
const wall = (id: string, x: number): SceneFeature => ({ type: 'Feature', id, geometry: { type: 'LineString', coordinates: [[x, 0], [x, 1]] }, properties: { kind: 'barrier' } });
const q = (lngLat: [number, number]) => ({ lngLat, cursor: project(lngLat), tolerancePx: 10, project, unproject });

describe('snapping over the project, per kind and incremental', () => {
  const cameras = new Map([['c1', cam('c1', 0.5, 0.5)]]);
  const barriers = new Map([['w1', wall('w1', 0.2)]]);
  const byKind = new Map([['camera', cameras], ['barrier', barriers]]);
  const revisions: Record<string, number> = { camera: 1, barrier: 1 };
  const index = new ProjectSnapIndex();
  const visible = () => false;

  it('snaps to a vertex of one kind and an edge of another, vertex first', () => {
    expect(index.snap(q([0.505, 0.5]), byKind, revisions, visible)).toMatchObject({ kind: 'vertex', featureId: 'c1', lngLat: [0.5, 0.5] });
    expect(index.snap(q([0.205, 0.5]), byKind, revisions, visible)).toMatchObject({ kind: 'edge', featureId: 'w1' });
  });

  it('after an edit snaps to where the feature is now, not where it was, without rebuilding the kind', () => {
    cameras.set('c1', cam('c1', 0.7, 0.7));
    cameras.set('c2', cam('c2', 0.9, 0.9));
    revisions.camera = 2;
    expect(index.snap(q([0.505, 0.5]), byKind, revisions, visible)).toBeUndefined();
    expect(index.snap(q([0.702, 0.7]), byKind, revisions, visible)).toMatchObject({ featureId: 'c1', lngLat: [0.7, 0.7] });
    expect(index.snap(q([0.9, 0.903]), byKind, revisions, visible)).toMatchObject({ featureId: 'c2' });
    // The base index of cameras still holds the one camera it was built with.
    expect(index.baseSize('camera')).toBe(1);
    cameras.delete('c2');
    revisions.camera = 3;
    expect(index.snap(q([0.9, 0.903]), byKind, revisions, visible)).toBeUndefined();
  });

  it('ignores a hidden kind', () => {
    expect(index.snap(q([0.205, 0.5]), byKind, revisions, (k) => k === 'barrier')).toBeUndefined();
  });
});
