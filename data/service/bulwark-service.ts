import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ApiError, type BulwarkApi, type ChangeResult, type ImportReport, type ProjectInfo, type Settings } from '../api/contract.js';
import type { Scene } from '../../core/scene/types.js';
import type { ProjectStore } from '../store/project-store.js';
import { recentProjectsFile } from './recent-projects.js';

/** How the service opens and creates project files (the GeoPackage store, or another in tests). */
export interface StoreFactory {
  open(path: string): ProjectStore;
  create(path: string, init: { name: string; scene?: Scene }): ProjectStore;
}

/** Reading and writing scene files by extension (data/io). */
export interface SceneFiles {
  parseText(text: string, fileName: string): { scene: Scene; findings: ImportReport['findings'] };
  read(path: string): { scene: Scene; findings: ImportReport['findings'] };
  write(path: string, scene: Scene): void;
  /** Streams a project to a GeoJSON file without holding the whole scene in memory. */
  exportGeoJson(store: ProjectStore, path: string): void;
  toGeoJsonText(scene: Scene): string;
}

export interface ServiceOptions {
  stores: StoreFactory;
  files: SceneFiles;
  /** Where the recent-projects list lives; in memory when absent. */
  recentProjectsFile?: string;
  /** The built-in demo scene, for `createProject({ template: 'demo' })`. */
  demoScene: () => Scene;
}

/**
 * The one implementation of `BulwarkApi` (DESIGN.md, "One typed API"): holds the open project and
 * turns every call into store operations. Opening, importing or saving something bad throws an
 * ApiError and leaves the open project exactly as it was.
 */
export function createBulwarkService(options: ServiceOptions): BulwarkApi & { dispose(): void } {
  let store: ProjectStore | null = null;
  const recent = recentProjectsFile(options.recentProjectsFile);

  const current = (): ProjectStore => {
    if (!store) throw new ApiError('no_project', 'no project is open: create or open one first');
    return store;
  };

  const info = (s: ProjectStore): ProjectInfo => {
    const meta = s.meta();
    const counts = s.counts();
    return {
      path: s.path,
      name: meta.name,
      marking: meta.marking,
      featureCount: Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
      createdAt: meta.createdAt,
      modifiedAt: meta.modifiedAt,
    };
  };

  const switchTo = (next: ProjectStore): ProjectInfo => {
    if (store && store !== next) store.close();
    store = next;
    recent.add(next.path);
    return info(next);
  };

  return {
    async createProject({ path, name, template }) {
      const target = resolve(path);
      if (store && resolve(store.path) === target) throw new ApiError('io', `${basename(target)} is the open project; choose another file`);
      if (existsSync(target)) throw new ApiError('io', `${target} already exists; choose a new file name`);
      const scene = template === 'demo' ? options.demoScene() : undefined;
      const projectName = name ?? scene?.bulwark.name ?? basename(target).replace(/\.gpkg$/i, '');
      return switchTo(options.stores.create(target, { name: projectName, scene }));
    },
    async openProject({ path }) {
      const target = resolve(path);
      if (store && resolve(store.path) === target) return info(store);
      return switchTo(options.stores.open(target));
    },
    async saveProjectAs({ path }) {
      const s = current();
      const target = resolve(path);
      if (resolve(s.path) === target) return info(s);
      if (existsSync(target)) throw new ApiError('io', `${target} already exists; choose a new file name`);
      s.saveCopyTo(target);
      return switchTo(options.stores.open(target));
    },
    async closeProject() {
      store?.close();
      store = null;
    },
    async projectInfo() {
      return store ? info(store) : null;
    },
    async recentProjects() {
      return recent.list();
    },
    async loadScene() {
      return current().readScene();
    },
    async transact(change) {
      return current().transact(change);
    },
    async undo() {
      return current().undo();
    },
    async redo() {
      return current().redo();
    },
    async historyState() {
      return current().historyState();
    },
    async importScene({ fileName, path, text, mode }) {
      const s = current();
      const { scene, findings } = text !== undefined ? options.files.parseText(text, fileName) : options.files.read(resolve(path!));
      const before = s.listFeatures().map((f) => f.id);
      const beforeIds = new Set(before);
      const incoming = new Set(scene.features.map((f) => f.id));
      const replaced = scene.features.filter((f) => beforeIds.has(f.id)).length;
      const result: ChangeResult = s.transact({
        put: scene.features,
        delete: mode === 'replace' ? before.filter((id) => !incoming.has(id)) : [],
        note: `Import ${fileName} (${scene.features.length} features)`,
      });
      return { added: scene.features.length - replaced, replaced, findings, history: result.history };
    },
    async exportScene({ format, path }) {
      const s = current();
      if (path && format === 'geojson') {
        options.files.exportGeoJson(s, resolve(path));
        return { path: resolve(path) };
      }
      const scene = s.readScene();
      if (path) {
        options.files.write(resolve(path), scene);
        return { path: resolve(path) };
      }
      if (format !== 'geojson') throw new ApiError('invalid_argument', 'exportScene: a GeoPackage export needs a path');
      return { text: options.files.toGeoJsonText(scene) };
    },
    async getSettings(): Promise<Settings> {
      return current().getSettings();
    },
    async setSettings(patch) {
      return current().setSettings(patch);
    },
    dispose() {
      store?.close();
      store = null;
    },
  };
}
