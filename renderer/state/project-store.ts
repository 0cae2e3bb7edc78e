import { create } from 'zustand';
import type { HistoryState, ProjectInfo } from '../../data/api/contract.js';
import type { Finding } from '../../core/scene/validate.js';
import type { SceneFeature, SceneMeta } from '../../core/scene/types.js';

/**
 * The features of the open project as the window knows them. Written only by `state/edit.ts`.
 * Features sit in one mutable map per kind (a 100,000-feature project is never copied per
 * edit); `revisions[kind]` changes whenever that kind's map changed, so the map and the panels
 * redraw only what changed.
 */
export interface ProjectState {
  info: ProjectInfo | null;
  meta: SceneMeta | null;
  byKind: Map<string, Map<string, SceneFeature>>;
  kindOf: Map<string, string>;
  revisions: Record<string, number>;
  /** Bumped on every change, and set anew when the whole project is (re)loaded. */
  revision: number;
  /** Bumped when the whole project was replaced (open, import, project-changed). */
  loadRevision: number;
  history: HistoryState;
  /** Transactions in flight: the status bar says "Saving…" while > 0. */
  pending: number;
  lastSavedNote: string | null;
  /** The last thing that went wrong, with its place. */
  error: { message: string; featureId?: string; findings?: Finding[] } | null;
  loading: boolean;
}

export const EMPTY_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoNote: null, redoNote: null };

export const useProject = create<ProjectState>()(() => ({
  info: null,
  meta: null,
  byKind: new Map(),
  kindOf: new Map(),
  revisions: {},
  revision: 0,
  loadRevision: 0,
  history: EMPTY_HISTORY,
  pending: 0,
  lastSavedNote: null,
  error: null,
  loading: false,
}));

export function getFeature(id: string): SceneFeature | undefined {
  const s = useProject.getState();
  const kind = s.kindOf.get(id);
  return kind === undefined ? undefined : s.byKind.get(kind)?.get(id);
}

/** Every feature of the project, as a new array (analyses take snapshots of it). */
export function allFeatures(): SceneFeature[] {
  const out: SceneFeature[] = [];
  for (const m of useProject.getState().byKind.values()) for (const f of m.values()) out.push(f);
  return out;
}
