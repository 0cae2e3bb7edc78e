import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectInfo, ShellEvent } from '../../data/api/contract.js';
import type { DesktopService, DesktopServiceOptions } from '../desktop-service.js';
import { SHELL_EVENT_CHANNEL } from '../ipc/channels.js';
import { registerApi, type IpcMainLike } from '../ipc/register-api.js';
import { appMenuTemplate } from '../menu/app-menu.js';
import { nativeBindingPath, nativeLoadProblem } from '../native/native-binding.js';
import { contentSecurityPolicy, originOf, withCsp } from '../security/content-security-policy.js';
import { guardNavigation, type GuardedContents } from '../security/navigation.js';
import { denyAllPermissions, type PermissionSession } from '../security/permissions.js';
import { createUrlTrust } from '../security/url-trust.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import { openOnLaunch } from './open-on-launch.js';
import { projectFromArgv } from './project-from-argv.js';
import { createShellActions, type ShellActions, type ShellDialogs } from './shell-actions.js';

/** The window as the shell uses it (Electron's BrowserWindow passes). */
export interface WindowLike {
  readonly webContents: { send(channel: string, payload: ShellEvent): void };
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'page-title-updated', listener: (event: { preventDefault(): void }) => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  setTitle(title: string): void;
  loadFile(path: string): Promise<void>;
  loadURL(url: string): Promise<void>;
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

/** The slice of the `electron` module main uses; tests pass a recording fake, main the real one. */
export interface DesktopElectron<W extends WindowLike = WindowLike, M = unknown> {
  app: {
    readonly isPackaged: boolean;
    getAppPath(): string;
    getPath(name: 'userData' | 'documents'): string;
    enableSandbox(): void;
    setAppUserModelId(id: string): void;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    on(event: 'window-all-closed' | 'will-quit', listener: () => void): unknown;
    on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
    on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
    on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
    quit(): void;
    exit(code?: number): void;
  };
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  dialog: {
    showErrorBox(title: string, content: string): void;
    showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
    showMessageBox(window: W, options: { type: 'info'; title: string; message: string; detail: string }): Promise<unknown>;
  };
  ipcMain: IpcMainLike;
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): M;
    setApplicationMenu(menu: M): void;
  };
  session: { defaultSession: PermissionSession & { webRequest: { onHeadersReceived(listener: HeadersListener): void } } };
}

export interface DesktopAppDeps<W extends WindowLike = WindowLike, M = unknown> {
  electron: DesktopElectron<W, M>;
  createService(options: DesktopServiceOptions): DesktopService;
  /** Loads the native module once so a wrong ABI is reported before any project is touched. */
  loadNative(path: string): void;
  exists(path: string): boolean;
  /** Folder of the main bundle (the preload sits beside it). */
  mainDir: string;
  resourcesPath: string;
  platform: NodeJS.Platform;
  /** The command line and where it ran: a .gpkg argument is opened at start. */
  argv: readonly string[];
  cwd: string;
  /** BULWARK_DEV_URL: run against the vite dev server (ignored when packaged). */
  devUrl?: string;
}

/**
 * The main process: one sandboxed window on the built renderer, the typed API on IPC, the native
 * menu (DESIGN.md: no analysis, no SQL here). Registers the app's event handlers and resolves once
 * the window has loaded (or the start was refused with an error box).
 */
export async function startDesktopApp<W extends WindowLike, M>(deps: DesktopAppDeps<W, M>): Promise<{ window: W | null }> {
  const { app, dialog } = deps.electron;
  const isDev = !app.isPackaged;
  const devUrl = isDev ? deps.devUrl : undefined;
  const appRoot = app.getAppPath();
  const indexFile = join(appRoot, 'dist', 'renderer', 'index.html');
  const trust = createUrlTrust({ indexFile, devUrl, platform: deps.platform });

  app.enableSandbox();
  app.setAppUserModelId('org.bulwark.desktop');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { window: null };
  }

  let service: DesktopService | null = null;
  let window: W | null = null;
  let project: ProjectInfo | null = null;
  let connectOrigins: string[] = [];
  let actions: ShellActions | null = null;
  let requested = projectFromArgv(deps.argv, deps.cwd);

  // `bulwark other.gpkg` while running: the first instance opens it.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const path = projectFromArgv(argv, workingDirectory);
    if (path && actions) void actions.openRecent(path);
  });
  // macOS hands over files (Finder "Open With", dock) by event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (actions) void actions.openRecent(path);
    else requested = path;
  });
  // Every web contents, whoever creates it, stays on the app and opens no windows.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, trust));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => service?.dispose());

  await app.whenReady();

  const nativeBinding = nativeBindingPath({ appRoot, isPackaged: app.isPackaged, resourcesPath: deps.resourcesPath });
  try {
    deps.loadNative(nativeBinding);
  } catch (e) {
    return refuse('Bulwark cannot open project files', nativeLoadProblem(e, nativeBinding));
  }

  const userData = app.getPath('userData');
  let api: DesktopService;
  try {
    mkdirSync(userData, { recursive: true });
    api = deps.createService({ recentProjectsFile: join(userData, 'recent-projects.json'), nativeBinding });
    service = api;
  } catch (e) {
    return refuse('Bulwark could not start', e instanceof Error ? e.message : String(e));
  }

  const session = deps.electron.session.defaultSession;
  denyAllPermissions(session);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, contentSecurityPolicy({ connectOrigins, devUrl })) });
  });

  const win = new deps.electron.BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Bulwark',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(join(deps.mainDir, 'preload.cjs'), { devTools: isDev }),
  });
  window = win;
  win.once('ready-to-show', () => win.show());
  // The title names the open project; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    window = null;
  });

  const send = (event: ShellEvent) => {
    if (!win.isDestroyed()) win.webContents.send(SHELL_EVENT_CHANNEL, event);
  };
  const shellActions = createShellActions({ api, dialogs: windowDialogs(win), send, onProjectChanged: (info) => void projectChanged(info) });
  const menu = (recent: string[]) => {
    const template = appMenuTemplate({ actions: shellActions, recentProjects: recent, hasProject: project !== null, isDev, platform: deps.platform });
    deps.electron.Menu.setApplicationMenu(deps.electron.Menu.buildFromTemplate(template));
  };

  const projectChanged = async (info?: ProjectInfo | null): Promise<void> => {
    let recent: string[] = [];
    try {
      project = info === undefined ? await api.projectInfo() : info;
      recent = await api.recentProjects();
      if (project) connectOrigins = basemapOrigins((await api.getSettings()).basemap_url);
    } catch (e) {
      console.error('Bulwark: could not refresh the window after a project change', e);
    }
    window?.setTitle(project ? `${project.name} — Bulwark` : 'Bulwark');
    menu(recent);
  };

  registerApi(deps.electron.ipcMain, api, trust, {
    afterCall(method, value) {
      if (method === 'setSettings') connectOrigins = basemapOrigins((value as { basemap_url?: string | null }).basemap_url);
      if (method === 'openProject' || method === 'createProject' || method === 'saveProjectAs' || method === 'closeProject') void projectChanged();
    },
  });

  // Open a project before the page loads, so its first projectInfo() already sees it.
  const launch = await openOnLaunch(api, { demoPath: join(userData, 'Demo project.gpkg'), exists: deps.exists, requested });
  await projectChanged(launch.project);
  actions = shellActions;
  if (launch.problems.length > 0) dialog.showErrorBox('Could not open the project', launch.problems.join('\n\n'));

  if (devUrl) await win.loadURL(devUrl);
  else await win.loadFile(indexFile);
  return { window: win };

  function refuse(title: string, message: string): { window: null } {
    dialog.showErrorBox(title, message);
    app.exit(1);
    return { window: null };
  }

  function windowDialogs(w: W): ShellDialogs {
    return {
      async chooseFileToOpen({ title, filters }) {
        const r = await dialog.showOpenDialog(w, { title, filters, properties: ['openFile'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async chooseFileToSave({ title, filters, defaultName }) {
        const folder = project ? dirname(project.path) : app.getPath('documents');
        const r = await dialog.showSaveDialog(w, { title, filters, defaultPath: join(folder, defaultName), properties: ['createDirectory'] });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      showError: (title, message) => dialog.showErrorBox(title, message),
      async showInfo(title, message) {
        await dialog.showMessageBox(w, { type: 'info', title, message: title, detail: message });
      },
    };
  }
}

function basemapOrigins(url: string | null | undefined): string[] {
  const origin = originOf(url);
  return origin ? [origin] : [];
}
