import { create } from 'zustand';
import type { BulwarkApi, Settings } from '../../data/api/contract.js';
import { basemapOrigin } from '../../data/api/basemap-url.js';
import { DORI_PRESETS } from '../../core/coverage/dori-presets.js';
import { analysisStore } from '../analysis/analysis-store.js';
import { useProject } from '../state/project-store.js';
import { mapController } from './commands.js';

/**
 * The open project's settings as the window uses them (basemap, attribution, DORI preset) and the
 * Project settings dialog's open state. Settings live in the project file (`setSettings`), never
 * in the window.
 */
export interface ProjectSettingsState {
  settings: Settings | null;
  dialogOpen: boolean;
  /** Set while the window reloads for a new basemap origin: what to tell the planner. */
  reloading: string | null;
}

export const useProjectSettings = create<ProjectSettingsState>()(() => ({ settings: null, dialogOpen: false, reloading: null }));

export const openSettingsDialog = (): void => useProjectSettings.setState({ dialogOpen: true });
export const closeSettingsDialog = (): void => useProjectSettings.setState({ dialogOpen: false });

/** The DORI presets a project can name (the custom table needs its levels, edited in the scene file). */
export const PROJECT_DORI_PRESETS = DORI_PRESETS.filter((p) => p.id !== 'custom');

/**
 * Whether showing `basemapUrl` needs a fresh page: the window's Content-Security-Policy is fixed
 * when the page loads and names the basemap origin of that moment only (electron/security,
 * data/host). Removing a basemap or changing a URL on the same server needs none.
 */
export function needsReload(pageOrigin: string | null, basemapUrl: string | null | undefined): boolean {
  const origin = basemapOrigin(basemapUrl);
  return origin !== null && origin !== pageOrigin;
}

/** A refused call's message without the method name: "basemap_url: The basemap URL uses plain http …" → the sentence. */
export function settingsProblem(e: unknown): string {
  const message = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as { message: unknown }).message) : String(e);
  return message.replace(/^setSettings: [\w.]+: /, '');
}

const VIEW_KEY = 'bulwark.view-before-reload';
const RELOADED_FOR_KEY = 'bulwark.reloaded-for-basemap';

interface SavedView {
  path: string;
  center: [number, number];
  zoom: number;
}

/** The view kept across a deliberate reload, for this project only; read once. */
export function takeSavedView(projectPath: string): { center: [number, number]; zoom: number } | null {
  try {
    const raw = window.sessionStorage.getItem(VIEW_KEY);
    if (!raw) return null;
    window.sessionStorage.removeItem(VIEW_KEY);
    const v = JSON.parse(raw) as SavedView;
    const ok = v.path === projectPath && Array.isArray(v.center) && v.center.every(Number.isFinite) && Number.isFinite(v.zoom);
    return ok ? { center: v.center, zoom: v.zoom } : null;
  } catch {
    return null;
  }
}

/** How the window reloads; a test puts a recorder here (jsdom cannot navigate). */
export const windowReload = { run: (): void => window.location.reload() };

let api: BulwarkApi | null = null;
/** The basemap origin the page's policy was made for: the project open when the page loaded. */
let pageOrigin: string | null = null;

/** The basemap origin this page may fetch tiles from (null: none). */
export function pageBasemapOrigin(): string | null {
  return pageOrigin;
}

/** Reloads the window so its policy lets the map fetch tiles from `origin`, keeping the view. */
function reloadFor(origin: string): void {
  try {
    // A policy that still refuses after one reload must not reload the window forever.
    if (window.sessionStorage.getItem(RELOADED_FOR_KEY) === origin) return;
    window.sessionStorage.setItem(RELOADED_FOR_KEY, origin);
    const c = mapController();
    const path = useProject.getState().info?.path;
    if (c && path) {
      const view: SavedView = { path, center: c.map.getCenter().toArray() as [number, number], zoom: c.map.getZoom() };
      window.sessionStorage.setItem(VIEW_KEY, JSON.stringify(view));
    }
  } catch {
    // No session storage: reload anyway, the map fits the project instead.
  }
  useProjectSettings.setState({ reloading: `Reloading the window so the map may fetch tiles from ${origin}: its security policy lists the only servers it may contact and is fixed when the window loads.` });
  setTimeout(() => windowReload.run(), 900);
}

function received(settings: Settings): void {
  useProjectSettings.setState({ settings });
  const preset = PROJECT_DORI_PRESETS.find((p) => p.id === settings.dori_preset);
  if (preset && analysisStore.getState().doriPreset !== preset.id) analysisStore.getState().setDoriPreset(preset.id);
  if (needsReload(pageOrigin, settings.basemap_url)) reloadFor(basemapOrigin(settings.basemap_url)!);
}

/**
 * Saves a settings patch into the project; answers null, or the problem in the planner's words
 * (nothing is stored then). A basemap on a new server reloads the window (said on screen first).
 */
export async function saveProjectSettings(patch: Partial<Settings>): Promise<string | null> {
  if (!api) return 'No project is open.';
  try {
    received(await api.setSettings(patch));
    return null;
  } catch (e) {
    return settingsProblem(e);
  }
}

/**
 * Reads the settings of each project the window opens, and keeps the analysis bar's DORI preset
 * in the project. Call once (App); returns the disconnect.
 */
export function connectProjectSettings(a: BulwarkApi): () => void {
  api = a;
  let path: string | null = null;
  let stopped = false;
  const read = (): void => {
    void a
      .getSettings()
      .then((s) => {
        if (!stopped && useProject.getState().info?.path === path) received(s);
      })
      .catch(() => useProjectSettings.setState({ settings: null }));
  };
  // The policy this page got names the basemap of the project open as it loaded.
  const started = a
    .projectInfo()
    .then(async (info) => (info ? basemapOrigin((await a.getSettings()).basemap_url) : null))
    .catch(() => null)
    .then((origin) => {
      pageOrigin = origin;
      try {
        if (window.sessionStorage.getItem(RELOADED_FOR_KEY) === origin) window.sessionStorage.removeItem(RELOADED_FOR_KEY);
      } catch {
        // nothing kept
      }
    });
  const follow = (): void => {
    const next = useProject.getState().info?.path ?? null;
    if (next === path) return;
    path = next;
    if (!path) useProjectSettings.setState({ settings: null, dialogOpen: false });
    else void started.then(read);
  };
  follow();
  const offProject = useProject.subscribe(follow);
  // The analysis bar's DORI picker and the dialog set one value: the project's.
  const offDori = analysisStore.subscribe((s, prev) => {
    const stored = useProjectSettings.getState().settings;
    if (s.doriPreset === prev.doriPreset || !stored || stored.dori_preset === s.doriPreset) return;
    if (PROJECT_DORI_PRESETS.some((p) => p.id === s.doriPreset)) void saveProjectSettings({ dori_preset: s.doriPreset });
  });
  return () => {
    stopped = true;
    offProject();
    offDori();
    api = null;
  };
}
