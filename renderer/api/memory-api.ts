import type { BulwarkApi, Change, ChangeResult, HistoryState, ProjectInfo, Settings } from '../../data/api/contract.js';
import { validateScene } from '../../core/scene/validate.js';
import type { Scene, SceneFeature } from '../../core/scene/types.js';
import { BulwarkApiError } from './http-api.js';

type Step = { note: string; before: Map<string, SceneFeature | null>; after: Map<string, SceneFeature | null> };

/**
 * A whole `BulwarkApi` kept in memory: one project, transactions with undo/redo. It lets the
 * window run with no host (a scratch plan in a browser) and gives unit tests a real API to edit
 * through. Nothing is persisted.
 */
export function createMemoryApi(initial?: Scene): BulwarkApi {
  const features = new Map<string, SceneFeature>();
  let meta: Scene['bulwark'] = { version: 1, name: 'Scratch plan' };
  let open = initial !== undefined;
  const undoStack: Step[] = [];
  const redoStack: Step[] = [];
  let settings: Settings = { dori_preset: 'IEC62676-4:2014', basemap_url: null, units: 'metric' };
  const now = new Date().toISOString();
  if (initial) {
    meta = initial.bulwark;
    for (const f of initial.features) features.set(f.id, structuredClone(f));
  }

  const history = (): HistoryState => ({
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    undoNote: undoStack.at(-1)?.note ?? null,
    redoNote: redoStack.at(-1)?.note ?? null,
  });
  const info = (): ProjectInfo => {
    const counts: Record<string, number> = {};
    for (const f of features.values()) counts[f.properties.kind] = (counts[f.properties.kind] ?? 0) + 1;
    return { path: ':memory:', name: meta.name ?? 'Scratch plan', marking: meta.marking ?? null, featureCount: features.size, counts, createdAt: now, modifiedAt: now };
  };
  const needOpen = () => {
    if (!open) throw new BulwarkApiError('no_project', 'no project is open');
  };
  const applyState = (state: Map<string, SceneFeature | null>): ChangeResult => {
    const put: SceneFeature[] = [];
    const deleted: string[] = [];
    for (const [id, f] of state) {
      if (f) {
        features.set(id, structuredClone(f));
        put.push(structuredClone(f));
      } else if (features.delete(id)) deleted.push(id);
    }
    return { put, deleted, history: history() };
  };

  return {
    async createProject(args) {
      features.clear();
      undoStack.length = redoStack.length = 0;
      meta = { version: 1, name: args.name ?? 'Untitled plan' };
      open = true;
      return info();
    },
    async openProject() {
      throw new BulwarkApiError('io', 'the in-memory API opens no files');
    },
    async saveProjectAs() {
      throw new BulwarkApiError('io', 'the in-memory API saves no files');
    },
    async closeProject() {
      open = false;
    },
    async projectInfo() {
      return open ? info() : null;
    },
    async recentProjects() {
      return [];
    },
    async loadScene() {
      needOpen();
      return { type: 'FeatureCollection', bulwark: structuredClone(meta), features: [...features.values()].map((f) => structuredClone(f)) };
    },
    async transact(change: Change) {
      needOpen();
      const before = new Map<string, SceneFeature | null>();
      const after = new Map<string, SceneFeature | null>();
      for (const id of change.delete ?? []) {
        before.set(id, features.get(id) ?? null);
        after.set(id, null);
      }
      for (const f of change.put ?? []) {
        if (!before.has(f.id)) before.set(f.id, features.get(f.id) ?? null);
        after.set(f.id, f);
      }
      undoStack.push({ note: change.note, before, after });
      redoStack.length = 0;
      return applyState(after);
    },
    async undo() {
      const step = undoStack.pop();
      if (!step) return null;
      redoStack.push(step);
      return applyState(step.before);
    },
    async redo() {
      const step = redoStack.pop();
      if (!step) return null;
      undoStack.push(step);
      return applyState(step.after);
    },
    async historyState() {
      return history();
    },
    async importScene(args) {
      needOpen();
      let doc: unknown;
      try {
        doc = JSON.parse(args.text ?? '');
      } catch (e) {
        throw new BulwarkApiError('unreadable', `${args.fileName}: not JSON (${(e as Error).message})`);
      }
      const v = validateScene(doc);
      if (!v.valid) throw new BulwarkApiError('invalid_scene', `${args.fileName}: not imported, ${v.findings.length} problem(s)`, v.findings);
      const put = v.scene.features;
      const replaced = put.filter((f) => features.has(f.id)).length;
      const del = args.mode === 'replace' ? [...features.keys()].filter((id) => !put.some((f) => f.id === id)) : [];
      const r = await this.transact({ put, delete: del, note: `Import ${args.fileName}` });
      return { added: put.length - replaced, replaced, findings: v.findings, history: r.history };
    },
    async exportScene(args) {
      if (args.format !== 'geojson') throw new BulwarkApiError('io', 'the in-memory API exports GeoJSON only');
      return { text: JSON.stringify(await this.loadScene()) };
    },
    async getSettings() {
      return settings;
    },
    async setSettings(patch) {
      settings = { ...settings, ...patch } as Settings;
      return settings;
    },
  };
}
