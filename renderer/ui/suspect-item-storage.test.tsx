import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectService } from '../../data/service/project-service.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import { connectEdits, loadProject } from '../state/edit.js';
import { useProject } from '../state/project-store.js';
import { itemsToOpen, suspectItemsStore } from '../analysis/suspect-items-store.js';
import { connectSuspectItemStorage, legacyStorageKey } from './suspect-item-wiring.js';

let disconnect: () => void = () => {};
afterEach(() => {
  disconnect();
  suspectItemsStore.getState().load([]);
  useProject.setState({ info: null });
  window.localStorage.clear();
});

/** The real service, counting its setSettings calls (a load must not write back). */
function service(): { api: BulwarkApi; writes: () => number } {
  const api = createProjectService();
  let writes = 0;
  const setSettings = api.setSettings.bind(api);
  api.setSettings = (patch) => {
    writes++;
    return setSettings(patch);
  };
  return { api, writes: () => writes };
}

const dir = () => mkdtempSync(join(tmpdir(), 'bulwark-items-'));
const BAG = { id: 'item-2', lonLat: [4.35, 50.85] as [number, number], threat: 'briefcase' };

describe('itemsToOpen', () => {
  it('takes the project’s items; the window’s only when the project never stored any', () => {
    expect(itemsToOpen([BAG], [])).toEqual({ items: [BAG], migrate: false, forgetLegacy: false });
    expect(itemsToOpen(undefined, [BAG])).toEqual({ items: [BAG], migrate: true, forgetLegacy: true });
    // An empty list in the project is a choice (all removed): the window's old copy does not come back.
    expect(itemsToOpen([], [BAG])).toEqual({ items: [], migrate: false, forgetLegacy: true });
    expect(itemsToOpen([{ id: 'x', threat: 'car', lonLat: [Number.NaN, 1] }], [])).toEqual({ items: [], migrate: false, forgetLegacy: false });
  });
});

describe('suspicious items kept in the project', () => {
  it('moves the window’s items into the project once, writes each change, and follows the open project', async () => {
    const { api, writes } = service();
    const first = join(dir(), 'first.gpkg');
    await api.createProject({ path: first, template: 'empty' });
    window.localStorage.setItem(legacyStorageKey(first), JSON.stringify([BAG]));
    connectEdits(api);
    await loadProject();
    disconnect = connectSuspectItemStorage(api);

    await waitFor(() => expect(suspectItemsStore.getState().items).toEqual([BAG]));
    await waitFor(async () => expect((await api.getSettings()).suspect_items).toEqual([BAG]));
    await waitFor(() => expect(window.localStorage.getItem(legacyStorageKey(first))).toBeNull());
    expect(writes()).toBe(1);

    // A new drop continues the numbering and is written at once.
    const id = suspectItemsStore.getState().drop([4.3501, 50.8501]);
    expect(id).toBe('item-3');
    await waitFor(async () => expect((await api.getSettings()).suspect_items?.map((i) => i.id)).toEqual(['item-2', 'item-3']));

    // Another project has its own (none); the first keeps its two.
    const second = join(dir(), 'second.gpkg');
    await api.createProject({ path: second, template: 'empty' });
    await loadProject();
    await waitFor(() => expect(suspectItemsStore.getState().items).toEqual([]));
    const before = writes();
    await api.openProject({ path: first });
    await loadProject();
    await waitFor(() => expect(suspectItemsStore.getState().items.map((i) => i.id)).toEqual(['item-2', 'item-3']));
    // Opening loads; it writes nothing back.
    await new Promise((r) => setTimeout(r, 50));
    expect(writes()).toBe(before);
    await api.closeProject();
  });
});
