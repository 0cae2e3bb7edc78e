import { describe, expect, it } from 'vitest';
import { ApiError, type BulwarkApi, type ProjectInfo, type ShellEvent } from '../../data/api/contract.js';
import { createShellActions, type ShellDialogs } from './shell-actions.js';

/**
 * A small in-memory test double of the `BulwarkApi` interface (not of the store): projects are
 * names in a map of paths; a path containing "bad" fails the way the real service does.
 */
function memoryApi(log: string[]): BulwarkApi {
  const files = new Map<string, number>([['/p/plaza.gpkg', 3]]);
  let open: string | null = null;
  const info = (path: string): ProjectInfo => ({
    path,
    name: path.split('/').pop()!.replace('.gpkg', ''),
    marking: null,
    featureCount: files.get(path)!,
    counts: {},
    createdAt: 't',
    modifiedAt: 't',
  });
  const must = () => {
    if (!open) throw new ApiError('no_project', 'no project is open');
    return open;
  };
  const notImplemented = async () => {
    throw new Error('not used by the shell');
  };
  return {
    async createProject({ path }) {
      log.push(`create ${path}`);
      if (files.has(path)) throw new ApiError('io', `${path} already exists; choose a new file name`);
      files.set(path, 0);
      open = path;
      return info(path);
    },
    async openProject({ path }) {
      log.push(`open ${path}`);
      if (path.includes('bad')) throw new ApiError('not_a_project', `${path} is not a GeoPackage`);
      if (!files.has(path)) throw new ApiError('io', `${path} does not exist`);
      open = path;
      return info(path);
    },
    async saveProjectAs({ path }) {
      log.push(`save-as ${path}`);
      files.set(path, files.get(must())!);
      open = path;
      return info(path);
    },
    async closeProject() {
      open = null;
    },
    async projectInfo() {
      return open ? info(open) : null;
    },
    recentProjects: async () => [],
    loadScene: notImplemented,
    transact: notImplemented,
    undo: notImplemented,
    redo: notImplemented,
    historyState: notImplemented,
    async importScene({ fileName, path, mode }) {
      log.push(`import ${fileName} ${path} ${mode}`);
      const target = must();
      if (path?.includes('bad')) throw new ApiError('invalid_scene', `${fileName}: feature b3: barrier needs 2 points`);
      files.set(target, files.get(target)! + 2);
      return { added: 2, replaced: 0, findings: [{ severity: 'warning', featureId: 'c1', message: 'camera c1: no height, 6 m assumed' }], history: { canUndo: true, canRedo: false, undoNote: null, redoNote: null } };
    },
    async exportScene({ format, path }) {
      log.push(`export ${format} ${path}`);
      must();
      return { path };
    },
    getSettings: notImplemented,
    setSettings: notImplemented,
  };
}

function setup(answers: { open?: Array<string | null>; save?: Array<string | null> } = {}) {
  const log: string[] = [];
  const sent: ShellEvent[] = [];
  const titles: Array<string | null> = [];
  const errors: string[] = [];
  const infos: string[] = [];
  const saveDefaults: string[] = [];
  const dialogs: ShellDialogs = {
    chooseFileToOpen: async () => answers.open?.shift() ?? null,
    chooseFileToSave: async ({ defaultName }) => {
      saveDefaults.push(defaultName);
      return answers.save?.shift() ?? null;
    },
    showError: (title, message) => errors.push(`${title}: ${message}`),
    showInfo: async (title, message) => void infos.push(`${title}: ${message}`),
  };
  const api = memoryApi(log);
  const actions = createShellActions({ api, dialogs, send: (e) => sent.push(e), onProjectChanged: (i) => titles.push(i?.name ?? null) });
  return { api, actions, log, sent, titles, errors, infos, saveDefaults };
}

describe('createShellActions', () => {
  it('Open… opens the chosen project, tells the window and refreshes the title', async () => {
    const s = setup({ open: ['/p/plaza.gpkg'] });
    await s.actions.openProject();
    expect(s.log).toEqual(['open /p/plaza.gpkg']);
    expect(s.sent).toEqual([{ type: 'project-changed' }]);
    expect(s.titles).toEqual(['plaza']);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const s = setup();
    await s.actions.openProject();
    await s.actions.newProject();
    expect(s.log).toEqual([]);
    expect(s.sent).toEqual([]);
  });

  it('a failed open shows the message and keeps the open project and window as they were', async () => {
    const s = setup({ open: ['/p/plaza.gpkg', '/p/bad.gpkg'] });
    await s.actions.openProject();
    await s.actions.openProject();
    expect(s.errors).toEqual(['Could not open the project: /p/bad.gpkg is not a GeoPackage']);
    expect(s.sent).toEqual([{ type: 'project-changed' }]);
    expect((await s.api.projectInfo())?.path).toBe('/p/plaza.gpkg');
  });

  it('New… creates a .gpkg even when the save dialog returned no extension', async () => {
    const s = setup({ save: ['/p/market'] });
    await s.actions.newProject();
    expect(s.log).toEqual(['create /p/market.gpkg']);
    expect(s.saveDefaults).toEqual(['Untitled.gpkg']);
    expect(s.sent).toEqual([{ type: 'project-changed' }]);
  });

  it('Save As… copies the open project and switches to the copy', async () => {
    const s = setup({ open: ['/p/plaza.gpkg'], save: ['/p/plaza-2.gpkg'] });
    await s.actions.openProject();
    await s.actions.saveProjectAs();
    expect(s.saveDefaults).toEqual(['plaza copy.gpkg']);
    expect(s.log).toEqual(['open /p/plaza.gpkg', 'save-as /p/plaza-2.gpkg']);
    expect(s.titles).toEqual(['plaza', 'plaza-2']);
  });

  it('Import… merges the file, reloads the window and lists the warnings', async () => {
    const s = setup({ open: ['/p/plaza.gpkg', '/data/cameras.geojson'] });
    await s.actions.openProject();
    await s.actions.importFile();
    expect(s.log).toEqual(['open /p/plaza.gpkg', 'import cameras.geojson /data/cameras.geojson merge']);
    expect(s.sent).toEqual([{ type: 'project-changed' }, { type: 'project-changed' }]);
    expect(s.infos).toEqual(['Imported cameras.geojson: 2 added, 0 replaced.\n\n• camera c1: no height, 6 m assumed']);
  });

  it('a rejected import shows why and does not reload the window', async () => {
    const s = setup({ open: ['/p/plaza.gpkg', '/data/bad.geojson'] });
    await s.actions.openProject();
    await s.actions.importFile();
    expect(s.errors).toEqual(['Could not import the file: bad.geojson: feature b3: barrier needs 2 points']);
    expect(s.sent).toHaveLength(1);
  });

  it('exports GeoJSON and GeoPackage to the chosen path without reloading the window', async () => {
    const s = setup({ open: ['/p/plaza.gpkg'], save: ['/out/plaza', '/out/plaza-copy.gpkg'] });
    await s.actions.openProject();
    await s.actions.exportGeoJson();
    await s.actions.exportGeoPackage();
    expect(s.log.slice(1)).toEqual(['export geojson /out/plaza.geojson', 'export gpkg /out/plaza-copy.gpkg']);
    expect(s.saveDefaults).toEqual(['plaza.geojson', 'plaza.gpkg']);
    expect(s.sent).toHaveLength(1);
  });

  it('export with no project open reports the service error', async () => {
    const s = setup({ save: ['/out/x.geojson'] });
    await s.actions.exportGeoJson();
    expect(s.errors).toEqual(['Could not export GeoJSON: no project is open']);
  });

  it('Undo, Redo and Delete become commands for the renderer', () => {
    const s = setup();
    s.actions.command('undo');
    s.actions.command('redo');
    s.actions.command('delete');
    expect(s.sent).toEqual([
      { type: 'command', command: 'undo' },
      { type: 'command', command: 'redo' },
      { type: 'command', command: 'delete' },
    ]);
    expect(s.log).toEqual([]);
  });
});
