import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type AppMenuOptions, type MenuActions } from './app-menu.js';

function recordingActions(log: string[]): MenuActions {
  return {
    newProject: () => void log.push('new'),
    openProject: () => void log.push('open'),
    openRecent: (p) => void log.push(`recent ${p}`),
    saveProjectAs: () => void log.push('save-as'),
    importFile: () => void log.push('import'),
    exportGeoJson: () => void log.push('export-geojson'),
    exportGeoPackage: () => void log.push('export-gpkg'),
    command: (c) => log.push(`command ${c}`),
  };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}
const byLabel = (t: MenuItemConstructorOptions[], label: string) => items(t).find((i) => i.label === label);
const click = (i: MenuItemConstructorOptions | undefined) => (i!.click as () => void)();

function menu(over: Partial<AppMenuOptions> = {}, log: string[] = []) {
  return appMenuTemplate({ actions: recordingActions(log), recentProjects: [], hasProject: true, isDev: false, platform: 'linux', ...over });
}

describe('appMenuTemplate', () => {
  it('has the file, edit and view commands the brief lists, each wired to its action', () => {
    const log: string[] = [];
    const t = menu({}, log);
    for (const label of ['New Project…', 'Open…', 'Save As…', 'Import…', 'Export GeoJSON…', 'Export GeoPackage…', 'Undo', 'Redo', 'Delete', 'Zoom to Project']) {
      click(byLabel(t, label));
    }
    expect(log).toEqual(['new', 'open', 'save-as', 'import', 'export-geojson', 'export-gpkg', 'command undo', 'command redo', 'command delete', 'command zoom-to-project']);
    expect(byLabel(t, 'Undo')!.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('opens the project settings in the window (Ctrl+, handled by the page), only with a project open', () => {
    const log: string[] = [];
    click(byLabel(menu({}, log), 'Project Settings…'));
    expect(log).toEqual(['command project-settings']);
    expect(byLabel(menu(), 'Project Settings…')!.accelerator).toBe('CmdOrCtrl+,');
    expect(byLabel(menu(), 'Project Settings…')!.registerAccelerator).toBe(false);
    expect(byLabel(menu({ hasProject: false }), 'Project Settings…')!.enabled).toBe(false);
  });

  it('shows the edit keys without grabbing them, so typing in a text field keeps its own undo and delete', () => {
    const t = menu();
    for (const label of ['Undo', 'Redo', 'Delete']) expect(byLabel(t, label)!.registerAccelerator, label).toBe(false);
    expect(byLabel(t, 'Zoom to Project')!.registerAccelerator).toBeUndefined();
    expect(items(t).filter((i) => i.role).map((i) => i.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
  });

  it('lists recent projects by file name and opens the full path', () => {
    const log: string[] = [];
    const t = menu({ recentProjects: ['/home/ana/Plaza.gpkg', '/home/ana/Market.gpkg'] }, log);
    const recent = byLabel(t, 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['Plaza.gpkg', 'Market.gpkg']);
    click(recent[1]);
    expect(log).toEqual(['recent /home/ana/Market.gpkg']);
    const empty = byLabel(menu(), 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No recent projects', enabled: false }]);
  });

  it('offers DevTools and reload only in development', () => {
    const roles = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.role).filter(Boolean);
    expect(roles(menu({ isDev: false }))).not.toContain('toggleDevTools');
    expect(roles(menu({ isDev: false }))).not.toContain('reload');
    expect(roles(menu({ isDev: true }))).toContain('toggleDevTools');
  });

  it('disables commands that need a project when none is open', () => {
    const t = menu({ hasProject: false });
    for (const label of ['Save As…', 'Import…', 'Export GeoJSON…', 'Export GeoPackage…', 'Undo', 'Redo', 'Delete', 'Zoom to Project']) {
      expect(byLabel(t, label)!.enabled, label).toBe(false);
    }
    expect(byLabel(t, 'Open…')!.enabled).toBeUndefined();
  });

  it('puts the app menu first on macOS and Exit in File elsewhere', () => {
    expect(menu({ platform: 'darwin' })[0].role).toBe('appMenu');
    expect(items(menu({ platform: 'darwin' })).some((i) => i.role === 'quit')).toBe(false);
    expect(items(menu({ platform: 'win32' })).some((i) => i.role === 'quit')).toBe(true);
  });
});
