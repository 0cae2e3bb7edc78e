import { describe, expect, it } from 'vitest';
import { createSuspectItemsStore, DEFAULT_ITEM_THREAT } from './suspect-items-store.js';

describe('suspicious items store', () => {
  it('drops items with the last threat chosen, selects the new one, moves and removes by id', () => {
    const store = createSuspectItemsStore();
    const a = store.getState().drop([4.35, 50.84]);
    expect(store.getState().items).toEqual([{ id: a, lonLat: [4.35, 50.84], threat: DEFAULT_ITEM_THREAT }]);
    expect(store.getState().selectedId).toBe(a);
    store.getState().setThreat(a, 'car');
    const b = store.getState().drop([4.36, 50.85]);
    expect(store.getState().items.map((i) => i.threat)).toEqual(['car', 'car']);
    expect(store.getState().selectedId).toBe(b);
    store.getState().move(a, [4.351, 50.841]);
    expect(store.getState().items[0].lonLat).toEqual([4.351, 50.841]);
    expect(store.getState().items[1].lonLat).toEqual([4.36, 50.85]);
    store.getState().remove(b);
    expect(store.getState().selectedId).toBeNull();
    // A removed item's id is never handed out again in the session.
    const c = store.getState().drop([4.37, 50.86]);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(store.getState().items.map((i) => i.id)).toEqual([a, c]);
  });

  it('removing another item keeps the selection', () => {
    const store = createSuspectItemsStore();
    const a = store.getState().drop([0, 0]);
    const b = store.getState().drop([1, 1]);
    store.getState().remove(a);
    expect(store.getState().selectedId).toBe(b);
  });
});
