import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { SuspectItem } from './suspect-item-rings.js';

/**
 * The suspicious items dropped on the map. Not scene features (an incident's marker is not part of
 * the plan): the project keeps them in its settings (`suspect_items`, see ui/suspect-item-wiring).
 */
export interface SuspectItemsState {
  items: SuspectItem[];
  selectedId: string | null;
  /** The "Suspicious item" tool is on: the next map click drops an item. */
  placing: boolean;
  /** Threat of the next item dropped (the last one chosen; a suitcase to start with). */
  nextThreat: string;
  /** Counter behind the item ids, never reused in a session so a removed item's id stays unique. */
  dropped: number;

  /** Drops an item with the next threat at [lon, lat], selects it; returns its id. */
  drop(lonLat: [number, number]): string;
  move(id: string, lonLat: [number, number]): void;
  remove(id: string): void;
  /** Changes one item's threat; later drops take it too. */
  setThreat(id: string, threat: string): void;
  select(id: string | null): void;
  setPlacing(on: boolean): void;
  /** Replaces every item (another project's, or none); new ids continue after the highest given. */
  load(items: readonly SuspectItem[]): void;
}

/** Items read back from storage: well-formed ones only, anything else is dropped. */
export function parseSuspectItems(value: unknown): SuspectItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (i): i is SuspectItem =>
      !!i && typeof i === 'object' && typeof i.id === 'string' && typeof i.threat === 'string' &&
      Array.isArray(i.lonLat) && i.lonLat.length === 2 && i.lonLat.every((n: unknown) => typeof n === 'number' && Number.isFinite(n)),
  );
}

/**
 * Which items a project opens with: those stored in it; when it has never stored any (the key is
 * absent), the ones this window kept for the same file before items moved into the project — to
 * be written into it once (`migrate`). The window's copy is forgotten once the project has items.
 */
export function itemsToOpen(inProject: unknown, inWindow: readonly SuspectItem[]): { items: SuspectItem[]; migrate: boolean; forgetLegacy: boolean } {
  if (inProject !== undefined) return { items: parseSuspectItems(inProject), migrate: false, forgetLegacy: inWindow.length > 0 };
  return { items: [...inWindow], migrate: inWindow.length > 0, forgetLegacy: inWindow.length > 0 };
}

/** A bag or suitcase is what a suspicious-item call is about most often (chart row "Briefcase / suitcase"). */
export const DEFAULT_ITEM_THREAT = 'briefcase';

export function createSuspectItemsStore(): StoreApi<SuspectItemsState> {
  return createStore<SuspectItemsState>()((set, get) => ({
    items: [],
    selectedId: null,
    placing: false,
    nextThreat: DEFAULT_ITEM_THREAT,
    dropped: 0,

    drop: (lonLat) => {
      const s = get();
      const id = `item-${s.dropped + 1}`;
      set({ items: [...s.items, { id, lonLat, threat: s.nextThreat }], selectedId: id, dropped: s.dropped + 1 });
      return id;
    },
    move: (id, lonLat) => set({ items: get().items.map((i) => (i.id === id ? { ...i, lonLat } : i)) }),
    remove: (id) => {
      const s = get();
      set({ items: s.items.filter((i) => i.id !== id), selectedId: s.selectedId === id ? null : s.selectedId });
    },
    setThreat: (id, threat) => set({ items: get().items.map((i) => (i.id === id ? { ...i, threat } : i)), nextThreat: threat }),
    select: (selectedId) => set({ selectedId }),
    setPlacing: (placing) => set({ placing }),
    load: (items) => {
      const highest = Math.max(0, ...items.map((i) => Number(/^item-(\d+)$/.exec(i.id)?.[1] ?? 0)));
      set({ items: [...items], selectedId: null, placing: false, dropped: highest });
    },
  }));
}

/** The window's suspicious items. */
export const suspectItemsStore = createSuspectItemsStore();

export function useSuspectItems<T>(selector: (s: SuspectItemsState) => T): T {
  return useStore(suspectItemsStore, selector);
}
