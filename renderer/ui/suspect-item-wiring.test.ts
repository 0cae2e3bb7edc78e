import { afterEach, describe, expect, it } from 'vitest';
import { suspectItemsStore } from '../analysis/suspect-items-store.js';
import { useProject } from '../state/project-store.js';
import { setTool, useUi } from '../state/ui-store.js';
import { handleSuspectItemKey, selectSuspectItem } from './suspect-item-wiring.js';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => {
  const e = { key: k, target: null, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, preventDefault() {
    this.defaultPrevented = true;
  }, ...extra };
  handleSuspectItemKey(e as unknown as KeyboardEvent);
  return e;
};
const openProject = () =>
  useProject.setState({ info: { path: '/tmp/plan.gpkg', name: 'Plan', marking: null, featureCount: 0, counts: {}, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' } });

describe('suspicious item keys', () => {
  afterEach(() => {
    suspectItemsStore.getState().load([]);
    useProject.setState({ info: null });
    setTool({ type: 'select' });
    useUi.setState({ selection: [] });
  });

  it('I needs an open project; it turns the tool on (plan tool back to select, selection cleared) and off', () => {
    key('i');
    expect(suspectItemsStore.getState().placing).toBe(false);
    openProject();
    setTool({ type: 'draw', kind: 'building', geometry: 'Polygon' });
    useUi.setState({ selection: ['blk-1'] });
    key('i');
    expect(suspectItemsStore.getState().placing).toBe(true);
    expect(useUi.getState().tool).toEqual({ type: 'select' });
    expect(useUi.getState().selection).toEqual([]);
    key('I');
    expect(suspectItemsStore.getState().placing).toBe(false);
  });

  it('Escape leaves the tool, then clears the item selection; it never removes an item', () => {
    openProject();
    const id = suspectItemsStore.getState().drop([4.35, 50.84]);
    key('i');
    key('Escape');
    expect(suspectItemsStore.getState()).toMatchObject({ placing: false, selectedId: id });
    key('Escape');
    expect(suspectItemsStore.getState().selectedId).toBeNull();
    expect(suspectItemsStore.getState().items).toHaveLength(1);
  });

  it('Delete removes the selected item only; a plan selection takes the item selection away', () => {
    openProject();
    const a = suspectItemsStore.getState().drop([4.35, 50.84]);
    const b = suspectItemsStore.getState().drop([4.36, 50.85]);
    selectSuspectItem(a);
    expect(key('Delete').defaultPrevented).toBe(true);
    expect(suspectItemsStore.getState().items.map((i) => i.id)).toEqual([b]);
    expect(key('Delete').defaultPrevented).toBe(false);
    expect(suspectItemsStore.getState().items).toHaveLength(1);
    // Keys typed into a field belong to the field.
    selectSuspectItem(b);
    key('Delete', { target: { tagName: 'INPUT' } as unknown as EventTarget });
    expect(suspectItemsStore.getState().items).toHaveLength(1);
  });
});
