import type { MapController } from '../map/map-controller.js';
import { sceneBounds } from '../../core/geometry/local-frame.js';
import { SuspectItemsOnMap } from '../analysis/suspect-items-map.js';
import { ANALYSIS_LAYER_IDS } from '../analysis/analysis-layers.js';
import { itemRingFeatures } from '../analysis/suspect-item-rings.js';
import { itemsToOpen, parseSuspectItems, suspectItemsStore } from '../analysis/suspect-items-store.js';
import type { SuspectItem } from '../analysis/suspect-item-rings.js';
import type { BulwarkApi } from '../../data/api/contract.js';
import { useProject } from '../state/project-store.js';
import { setTool, useUi } from '../state/ui-store.js';
import { mapController } from './commands.js';

/** The shortcut of the Suspicious item tool (no drawing tool uses it). */
export const SUSPECT_ITEM_KEY = 'i';

let onMap: SuspectItemsOnMap | null = null;

/** Turns the Suspicious item tool on or off; on, the plan's tools step back to selecting. */
export function setPlacingSuspectItem(on: boolean): void {
  if (on) {
    setTool({ type: 'select' });
    useUi.setState({ selection: [], problem: null });
  }
  suspectItemsStore.getState().setPlacing(on);
}

export function selectSuspectItem(id: string | null): void {
  // One selection at a time: an item or plan features, so Delete removes what is highlighted.
  if (id) useUi.setState({ selection: [], problem: null });
  suspectItemsStore.getState().select(id);
}

/** Zooms the map to an item's evacuation disc. */
export function zoomToSuspectItem(id: string): void {
  const item = suspectItemsStore.getState().items.find((i) => i.id === id);
  if (!item) return;
  const b = sceneBounds({ features: itemRingFeatures(item).filter((f) => f.properties.zone === 'evacuation') });
  if (b) mapController()?.zoomTo(b);
  selectSuspectItem(id);
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** I toggles the tool; Escape leaves it, then clears the item selection; Delete removes the selected item. */
export function handleSuspectItemKey(e: KeyboardEvent): void {
  if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
  const s = suspectItemsStore.getState();
  if (e.key.toLowerCase() === SUSPECT_ITEM_KEY && !e.shiftKey) {
    // Like the toolbar button: items belong to an open project.
    if (useProject.getState().info || s.placing) setPlacingSuspectItem(!s.placing);
  } else if (e.key === 'Escape') {
    if (s.placing) s.setPlacing(false);
    else if (s.selectedId) s.select(null);
  } else if ((e.key === 'Delete' || e.key === 'Backspace') && s.selectedId) {
    e.preventDefault();
    s.remove(s.selectedId);
  }
}

function attach(c: MapController): void {
  void c.ready.then(() => {
    if (mapController() !== c || onMap) return;
    onMap = new SuspectItemsOnMap(c.map, suspectItemsStore, {
      onItemClicked: (id) => selectSuspectItem(id),
      onDropped: () => suspectItemsStore.getState().setPlacing(false),
      onMapClicked: () => suspectItemsStore.getState().select(null),
    });
    exposeForTests(onMap, c);
    // A new basemap makes a new map: follow it.
    c.map.once('remove', () => {
      try {
        onMap?.destroy();
      } catch {
        // The map took its markers and layers with it.
      }
      onMap = null;
      setTimeout(findMap, 0);
    });
  });
}

let tries = 0;
function findMap(): void {
  const c = mapController();
  if (c) {
    tries = 0;
    attach(c);
  } else if (tries++ < 100) setTimeout(findMap, 100);
}

/** Where the window kept a project's items before they moved into the project (read once, to migrate). */
export const legacyStorageKey = (projectPath: string): string => `bulwark.suspect-items:${projectPath}`;

function readLegacyItems(projectPath: string): SuspectItem[] {
  try {
    return parseSuspectItems(JSON.parse(window.localStorage.getItem(legacyStorageKey(projectPath)) ?? '[]'));
  } catch {
    return [];
  }
}

function forgetLegacyItems(projectPath: string): void {
  try {
    window.localStorage.removeItem(legacyStorageKey(projectPath));
  } catch {
    // Storage denied: nothing was kept there either.
  }
}

/**
 * Keeps the suspicious items in the open project (settings `suspect_items`), so they reopen with
 * the file on any machine. Items this window kept in its local storage for the same file (before
 * they moved into the project) are carried over once, when the project has none yet. Every change
 * is written at once, in order. Called once from App; returns the disconnect.
 */
export function connectSuspectItemStorage(api: BulwarkApi): () => void {
  let projectPath: string | null = null;
  /** The items as last read from or written to the project: a load is not written back. */
  let stored: readonly SuspectItem[] = suspectItemsStore.getState().items;
  let writes: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let loading = false;
  const loadQuietly = (items: readonly SuspectItem[]): void => {
    loading = true;
    try {
      suspectItemsStore.getState().load(items);
    } finally {
      loading = false;
    }
    stored = suspectItemsStore.getState().items;
  };

  const write = (path: string, items: readonly SuspectItem[]): void => {
    stored = items;
    writes = writes
      .then(() => (useProject.getState().info?.path === path ? api.setSettings({ suspect_items: [...items] }) : null))
      .catch((e: unknown) => {
        const message = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
        useProject.setState({ error: { message: `The suspicious items could not be saved in the project: ${message.replace(/^setSettings: /, '')}` } });
      });
  };

  const open = (path: string | null): void => {
    projectPath = path;
    loadQuietly([]);
    if (!path) return;
    // Pending writes belong to the project they were made in; read after them.
    void writes
      .then(() => api.getSettings())
      .then((settings) => {
        if (stopped || projectPath !== path) return;
        const plan = itemsToOpen(settings.suspect_items, readLegacyItems(path));
        loadQuietly(plan.items);
        if (plan.migrate) write(path, stored);
        if (plan.forgetLegacy) void writes.then(() => forgetLegacyItems(path));
      })
      .catch(() => {
        // No settings (the project closed meanwhile): no items.
      });
  };

  open(useProject.getState().info?.path ?? null);
  const offProject = useProject.subscribe((s) => {
    const path = s.info?.path ?? null;
    if (path !== projectPath) open(path);
  });
  const offItems = suspectItemsStore.subscribe((s) => {
    if (!loading && projectPath && s.items !== stored) write(projectPath, s.items);
  });
  return () => {
    stopped = true;
    offProject();
    offItems();
  };
}

/**
 * Puts the suspicious items on the window's map and binds their keys; returns the disconnect.
 * Called once from `connectAnalysis` (App).
 */
export function connectSuspectItems(): () => void {
  findMap();
  window.addEventListener('keydown', handleSuspectItemKey);
  const off = useUi.subscribe((s, prev) => {
    // Another tool or a plan selection ends placing and the item selection.
    if (s.tool !== prev.tool && s.tool.type !== 'select') suspectItemsStore.getState().setPlacing(false);
    if (s.selection !== prev.selection && s.selection.length > 0) suspectItemsStore.getState().select(null);
  });
  return () => {
    off();
    window.removeEventListener('keydown', handleSuspectItemKey);
    onMap?.destroy();
    onMap = null;
  };
}

/** Under an automated browser only: the rendered ring features, for the end-to-end tests. */
function exposeForTests(m: SuspectItemsOnMap, c: MapController): void {
  if (typeof navigator === 'undefined' || !navigator.webdriver) return;
  const targetRings = ANALYSIS_LAYER_IDS.ringsLine;
  (window as unknown as { __bulwarkSuspect?: unknown }).__bulwarkSuspect = {
    renderedRings: () => m.renderedRings(),
    items: () => suspectItemsStore.getState().items,
    /** Threats of the target rings the map drew (the Rings picker's choice). */
    targetRingThreats: () => (c.map.getLayer(targetRings) ? [...new Set(c.map.queryRenderedFeatures({ layers: [targetRings] }).map((f) => String(f.properties?.threat)))].sort() : []),
  };
}
