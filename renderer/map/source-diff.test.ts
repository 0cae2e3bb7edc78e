import { describe, expect, it } from 'vitest';
import type { SceneFeature } from '../../core/scene/types.js';
import { sourceDiff } from './source-diff.js';
import { nextFeatureId } from './feature-ids.js';

const f = (id: string): SceneFeature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'camera' } });

describe('map source updates', () => {
  it('sends only what changed, by identity', () => {
    const a = f('a'), b = f('b'), c = f('c');
    const before = new Map([['a', a], ['b', b], ['c', c]]);
    const b2 = { ...b };
    const d = f('d');
    const after = new Map([['a', a], ['b', b2], ['d', d]]);
    expect(sourceDiff(before, after)).toEqual({ remove: ['b', 'c'], add: [b2, d] });
  });

  it('gives up (send everything) when the change is large', () => {
    const before = new Map<string, SceneFeature>();
    const after = new Map(Array.from({ length: 10 }, (_, i) => [String(i), f(String(i))] as const));
    expect(sourceDiff(before, after, 5)).toBeUndefined();
  });

  it('numbers new features per kind after the highest used', () => {
    expect(nextFeatureId('camera', [])).toBe('camera-1');
    expect(nextFeatureId('camera', ['camera-1', 'camera-7', 'cam-9', 'camera-x'])).toBe('camera-8');
  });
});
