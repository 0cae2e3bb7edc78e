import { describe, expect, it } from 'vitest';
import type { Scene, SceneFeature } from '../scene/types.js';
import { unreadableRatings } from './unreadable-ratings.js';

const barrier = (id: string, props: Record<string, unknown>): SceneFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates: [[7.42, 43.73], [7.421, 43.73]] },
  properties: { kind: 'barrier', ...props } as SceneFeature['properties'],
});

describe('unreadableRatings', () => {
  it('names each barrier whose certificate string cannot be read, and only those', () => {
    const scene: Scene = {
      type: 'FeatureCollection',
      bulwark: { version: 1 },
      features: [
        barrier('ok-iwa', { rating: 'V/7200[N2A]/48/90:3.5' }),
        barrier('ok-astm', { rating: 'ASTM F2656 M50 P1' }),
        barrier('typo', { rating: 'V/7200[N2A]/4890' }),
        barrier('banana', { rating: 'banana' }),
        barrier('none', {}),
        barrier('bench', { barrier_type: 'street_furniture', rating: 'whatever' }),
      ],
    };
    const found = unreadableRatings(scene);
    expect(found.map((f) => f.featureId)).toEqual(['typo', 'banana']);
    expect(found[1].message).toBe("cannot read rating 'banana': expected e.g. V/7200[N2A]/48/90:3.5 or M50 P1; the barrier is assessed as unrated");
  });
});
