import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { ShellCommand } from '../../data/api/contract.js';

/** What the menu items do; implemented by `createShellActions`. */
export interface MenuActions {
  newProject(): Promise<void> | void;
  openProject(): Promise<void> | void;
  openRecent(path: string): Promise<void> | void;
  saveProjectAs(): Promise<void> | void;
  importFile(): Promise<void> | void;
  exportGeoJson(): Promise<void> | void;
  exportGeoPackage(): Promise<void> | void;
  /** Edits run in the renderer, through its single edit path. */
  command(command: ShellCommand): void;
}

export interface AppMenuOptions {
  actions: MenuActions;
  recentProjects: readonly string[];
  /** Whether a project is open: Save As, Import and Export need one. */
  hasProject: boolean;
  /** DevTools and reload appear only in development. */
  isDev: boolean;
  platform: NodeJS.Platform;
}

/**
 * The native menu. Undo/Redo/Delete only send a command to the window so the renderer's edit
 * path (selection, history display) stays the one place edits happen. Their keys are shown but
 * not grabbed: the renderer handles Ctrl+Z/Y and Delete itself and leaves them to a text field
 * being typed in, which a menu accelerator (run before or after the page, depending on the OS)
 * would break.
 */
export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const { actions: a, hasProject } = o;
  const isMac = o.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = o.recentProjects.length
    ? o.recentProjects.map((path) => ({ label: basename(path), sublabel: path, toolTip: path, click: () => a.openRecent(path) }))
    : [{ label: 'No recent projects', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => a.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => a.openProject() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: hasProject, click: () => a.saveProjectAs() },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', enabled: hasProject, click: () => a.importFile() },
      { label: 'Export GeoJSON…', enabled: hasProject, click: () => a.exportGeoJson() },
      { label: 'Export GeoPackage…', enabled: hasProject, click: () => a.exportGeoPackage() },
      { type: 'separator' },
      // The renderer's dialog: basemap (and with it the network), DORI preset; its key is the page's.
      { label: 'Project Settings…', accelerator: 'CmdOrCtrl+,', registerAccelerator: false, enabled: hasProject, click: () => a.command('project-settings') },
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'Exit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, enabled: hasProject, click: () => a.command('undo') },
      { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', registerAccelerator: false, enabled: hasProject, click: () => a.command('redo') },
      { type: 'separator' },
      // Text fields need the standard roles for the clipboard keys to work (macOS in particular).
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { label: 'Delete', accelerator: 'Delete', registerAccelerator: false, enabled: hasProject, click: () => a.command('delete') },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Zoom to Project', accelerator: 'CmdOrCtrl+Shift+0', enabled: hasProject, click: () => a.command('zoom-to-project') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(o.isDev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
    ],
  };

  return [...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, edit, view, { role: 'windowMenu' }];
}
