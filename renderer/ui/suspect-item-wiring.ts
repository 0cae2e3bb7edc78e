import type { MapController } from '../map/map-controller.js';
import { sceneBounds } from '../../core/geometry/local-frame.js';
import { SuspectItemsOnMap } from '../analysis/suspect-items-map.js';
import { ANALYSIS_LAYER_IDS } from '../analysis/analysis-layers.js';
import { itemRingFeatures } from '../analysis/suspect-item-rings.js';
import { parseSuspectItems, suspectItemsStore } from '../analysis/suspect-items-store.js';
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

/**
 * Items are remembered per project file on this machine (the window's local storage), not in the
 * project: the scene format has no kind for them, and an incident's marker is not part of the plan.
 */
const storageKey = (projectPath: string) => `bulwark.suspect-items:${projectPath}`;

function readItems(projectPath: string | null): ReturnType<typeof parseSuspectItems> {
  if (!projectPath) return [];
  try {
    return parseSuspectItems(JSON.parse(window.localStorage.getItem(storageKey(projectPath)) ?? '[]'));
  } catch {
    return [];
  }
}

function writeItems(projectPath: string | null): void {
  if (!projectPath) return;
  const items = suspectItemsStore.getState().items;
  try {
    if (items.length) window.localStorage.setItem(storageKey(projectPath), JSON.stringify(items));
    else window.localStorage.removeItem(storageKey(projectPath));
  } catch {
    // Storage full or denied: the items still work for this session.
  }
}

/**
 * Puts the suspicious items on the window's map and binds their keys; returns the disconnect.
 * Called once from `connectAnalysis` (App).
 */
export function connectSuspectItems(): () => void {
  findMap();
  window.addEventListener('keydown', handleSuspectItemKey);
  // Each project has its own items: swap them when another project opens.
  let projectPath = useProject.getState().info?.path ?? null;
  suspectItemsStore.getState().load(readItems(projectPath));
  const offProject = useProject.subscribe((s) => {
    const path = s.info?.path ?? null;
    if (path === projectPath) return;
    projectPath = path;
    suspectItemsStore.getState().load(readItems(path));
  });
  const offSave = suspectItemsStore.subscribe((s, prev) => {
    if (s.items !== prev.items) writeItems(projectPath);
  });
  const off = useUi.subscribe((s, prev) => {
    // Another tool or a plan selection ends placing and the item selection.
    if (s.tool !== prev.tool && s.tool.type !== 'select') suspectItemsStore.getState().setPlacing(false);
    if (s.selection !== prev.selection && s.selection.length > 0) suspectItemsStore.getState().select(null);
  });
  return () => {
    off();
    offProject();
    offSave();
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
