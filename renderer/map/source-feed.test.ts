import { describe, expect, it } from 'vitest';
import type { SceneFeature } from '../../core/scene/types.js';
import { SourceFeed, westToEast, type FeedSink } from './source-feed.js';

const cam = (id: string, lon: number, bearing = 0): SceneFeature => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, 43.7] }, properties: { kind: 'camera', bearing_deg: bearing } });

/** A sink that records every call and answers only when the test says so, like the map's worker. */
function recordingSink() {
  const calls: { op: 'set' | 'update'; remove: string[]; add: string[] }[] = [];
  const waiting: (() => void)[] = [];
  const answer = () => new Promise<void>((resolve) => waiting.push(resolve));
  const sink: FeedSink = {
    setData: (features) => {
      calls.push({ op: 'set', remove: [], add: features.map((f) => f.id) });
      return answer();
    },
    updateData: (remove, add) => {
      calls.push({ op: 'update', remove, add: add.map((f) => f.id) });
      return answer();
    },
  };
  /** Lets the worker answer everything sent so far, then lets the feed's awaits run. */
  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      while (waiting.length) waiting.shift()!();
      await Promise.resolve();
    }
  };
  return { sink, calls, settle };
}

describe('feeding a kind to its map source', () => {
  it('sends a small kind whole, then only what an edit changed', async () => {
    const store = new Map([['a', cam('a', 1)], ['b', cam('b', 2)]]);
    const { sink, calls } = recordingSink();
    const feed = new SourceFeed(sink, () => store, { chunkSize: 10 });
    void feed.sync();
    expect(calls).toEqual([{ op: 'set', remove: [], add: ['a', 'b'] }]);
    store.set('b', cam('b', 2, 90));
    store.delete('a');
    void feed.sync();
    expect(calls[1]).toEqual({ op: 'update', remove: ['b', 'a'], add: ['b'] });
    void feed.sync();
    expect(calls).toHaveLength(2);
  });

  it('fills a big kind in west-to-east chunks, one message after the other, reporting progress', async () => {
    const store = new Map([5, 1, 4, 2, 3].map((x) => [`c${x}`, cam(`c${x}`, x)] as const));
    const { sink, calls, settle } = recordingSink();
    const progress: string[] = [];
    const feed = new SourceFeed(sink, () => store, { chunkSize: 2, onProgress: (s, t) => progress.push(`${s}/${t}`) });
    const done = feed.sync();
    // The second chunk waits for the worker's answer to the first.
    await Promise.resolve();
    expect(calls.map((c) => c.op)).toEqual(['set']);
    await settle();
    await done;
    expect(calls).toEqual([
      { op: 'set', remove: [], add: [] },
      { op: 'update', remove: [], add: ['c1', 'c2'] },
      { op: 'update', remove: [], add: ['c3', 'c4'] },
      { op: 'update', remove: [], add: ['c5'] },
    ]);
    expect(progress).toEqual(['2/5', '4/5', '5/5']);
    expect(feed.busy).toBe(false);
  });

  it('sends an edit made during the fill as one diff once the fill ends', async () => {
    const store = new Map([1, 2, 3, 4].map((x) => [`c${x}`, cam(`c${x}`, x)] as const));
    const { sink, calls, settle } = recordingSink();
    const feed = new SourceFeed(sink, () => store, { chunkSize: 2 });
    const done = feed.sync();
    store.set('c9', cam('c9', 9));
    store.set('c1', cam('c1', 1, 45));
    void feed.sync();
    await settle();
    await done;
    expect(calls.at(-1)).toEqual({ op: 'update', remove: ['c1'], add: ['c1', 'c9'] });
    // The chunks themselves carried the features as they were when the fill began.
    expect(calls.slice(1, 3).flatMap((c) => c.add)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('stops a fill when another project replaces it', async () => {
    const store = new Map<string, SceneFeature>([1, 2, 3, 4, 5, 6].map((x) => [`c${x}`, cam(`c${x}`, x)]));
    const { sink, calls, settle } = recordingSink();
    const feed = new SourceFeed(sink, () => store, { chunkSize: 2 });
    void feed.sync();
    feed.reset();
    store.clear();
    store.set('n1', cam('n1', 0));
    void feed.sync();
    await settle();
    expect(calls.filter((c) => c.add.some((id) => id.startsWith('c')))).toEqual([]);
    expect(calls.at(-1)).toEqual({ op: 'set', remove: [], add: ['n1'] });
  });

  it('orders by the first vertex longitude, whatever the geometry', () => {
    const poly: SceneFeature = { type: 'Feature', id: 'p', geometry: { type: 'Polygon', coordinates: [[[3, 0], [4, 0], [4, 1], [3, 0]]] }, properties: { kind: 'building' } };
    expect(westToEast([poly, cam('x', 5), cam('y', -1)]).map((f) => f.id)).toEqual(['y', 'p', 'x']);
  });
});
