import { describe, expect, it } from 'vitest';
import { createSuspectItemsStore, DEFAULT_ITEM_THREAT, parseSuspectItems } from './suspect-items-store.js';

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

  it('another project’s items replace these; new ids continue after the highest loaded', () => {
    const store = createSuspectItemsStore();
    store.getState().drop([0, 0]);
    store.getState().setPlacing(true);
    store.getState().load([{ id: 'item-7', lonLat: [4.35, 50.84], threat: 'car' }]);
    expect(store.getState()).toMatchObject({ items: [{ id: 'item-7' }], selectedId: null, placing: false });
    expect(store.getState().drop([1, 1])).toBe('item-8');
  });

  it('reads back only well-formed items from storage', () => {
    const good = { id: 'item-1', lonLat: [4.35, 50.84], threat: 'briefcase' };
    expect(parseSuspectItems([good, { id: 'x', lonLat: [1], threat: 'car' }, { id: 'y', lonLat: [1, Number.NaN], threat: 'car' }, null, 'item'])).toEqual([good]);
    expect(parseSuspectItems({ items: [] })).toEqual([]);
  });
});
