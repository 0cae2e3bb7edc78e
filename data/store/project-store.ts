import type { Scene, SceneFeature } from '../../core/scene/types.js';
import type { Change, ChangeResult, HistoryState, Settings } from '../api/contract.js';

/**
 * One open project file (a GeoPackage). Every write is one SQLite transaction and one entry of
 * edit history, so undo/redo and crash safety come from the same place. Implemented in
 * `data/store/gpkg-project-store.ts`; the API service and the CLI use only this interface.
 */
export interface ProjectStore {
  readonly path: string;
  /** All stored input features (and unknown kinds) as scene format v1, in scene order: the order they were
   *  first added, so an imported file comes back in its own order (undo puts a feature back in its place). */
  readScene(): Scene;
  /** Features of one kind, or all. */
  listFeatures(kind?: string): SceneFeature[];
  /**
   * The same features in the same order, read a page at a time, so a 100,000-feature export need
   * not hold the whole scene. Do not write to the store while iterating.
   */
  features(kind?: string): Iterable<SceneFeature>;
  /** Applies a change atomically and records it in history (clears the redo stack). */
  transact(change: Change): ChangeResult;
  undo(): ChangeResult | null;
  redo(): ChangeResult | null;
  historyState(): HistoryState;
  /** Project metadata: name, protective marking, vehicle overrides, scene settings. */
  meta(): { name: string; marking: string | null; createdAt: string; modifiedAt: string; sceneMeta: Scene['bulwark'] };
  setMeta(patch: { name?: string; marking?: string | null; sceneMeta?: Partial<Scene['bulwark']> }): void;
  counts(): Record<string, number>;
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Settings;
  /** Writes a consistent copy of the project to another path (VACUUM INTO), WAL folded in. */
  saveCopyTo(path: string): void;
  close(): void;
}
