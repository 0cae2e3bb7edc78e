import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProjectInfo, ShellEvent } from '../data/api/contract.js';
import { openOnLaunch } from './app/open-on-launch.js';
import { createShellActions, type ShellActions, type ShellDialogs } from './app/shell-actions.js';
import { createDesktopService, type DesktopService } from './desktop-service.js';
import { SHELL_EVENT_CHANNEL } from './ipc/channels.js';
import { registerApi } from './ipc/register-api.js';
import { appMenuTemplate } from './menu/app-menu.js';
import { nativeBindingPath, nativeLoadProblem } from './native/native-binding.js';
import { contentSecurityPolicy, originOf, withCsp } from './security/content-security-policy.js';
import { guardNavigation } from './security/navigation.js';
import { denyAllPermissions } from './security/permissions.js';
import { createUrlTrust } from './security/url-trust.js';
import { secureWebPreferences } from './security/web-preferences.js';

/**
 * The Electron main process: one window on the built renderer, the typed API on IPC, the native
 * menu, and nothing else (DESIGN.md: no analysis, no SQL here). Security switches live in
 * electron/security/, each with its test.
 */
const isDev = !app.isPackaged;
// BULWARK_DEV_URL points the window at a running vite dev server (development only).
const devUrl = isDev && process.env.BULWARK_DEV_URL ? process.env.BULWARK_DEV_URL : undefined;
const appRoot = app.getAppPath();
const indexFile = join(appRoot, 'dist', 'renderer', 'index.html');
const trust = createUrlTrust({ indexFile, devUrl });

let service: DesktopService | null = null;
let window: BrowserWindow | null = null;
let actions: ShellActions | null = null;
let project: ProjectInfo | null = null;
let recent: string[] = [];
let connectOrigins: string[] = [];

app.enableSandbox();
app.setAppUserModelId('org.bulwark.desktop');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  // Every web contents, whoever creates it, stays on the app and opens no windows.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, trust));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => service?.dispose());
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const nativeBinding = nativeBindingPath(appRoot, app.isPackaged);
  if (nativeBinding !== undefined) {
    try {
      // Load it once here so a wrong ABI is named before any project is touched.
      createRequire(__filename)(nativeBinding);
    } catch (e) {
      dialog.showErrorBox('Bulwark cannot open project files', nativeLoadProblem(e, nativeBinding));
      app.exit(1);
      return;
    }
  }

  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  service = createDesktopService({ recentProjectsFile: join(userData, 'recent-projects.json'), nativeBinding });
  const api = service;

  denyAllPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, contentSecurityPolicy({ connectOrigins, devUrl })) });
  });

  registerApi(ipcMain, api, trust, {
    afterCall(method, value) {
      if (method === 'setSettings') setBasemap((value as { basemap_url?: string | null }).basemap_url);
      if (method === 'openProject' || method === 'createProject' || method === 'saveProjectAs' || method === 'closeProject') void projectChanged();
    },
  });

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Bulwark',
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs'), { devTools: isDev }),
  });
  window = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    window = null;
  });

  const send = (event: ShellEvent) => {
    if (!win.isDestroyed()) win.webContents.send(SHELL_EVENT_CHANNEL, event);
  };
  actions = createShellActions({ api, dialogs: windowDialogs(win), send, onProjectChanged: (info) => void projectChanged(info) });

  // Open a project before the page loads, so its first projectInfo() already sees it.
  const launch = await openOnLaunch(api, { demoPath: join(userData, 'Demo project.gpkg'), exists: existsSync });
  await projectChanged(launch.project);
  if (launch.problems.length > 0) dialog.showErrorBox('Could not open the last project', launch.problems.join('\n\n'));

  if (devUrl) await win.loadURL(devUrl);
  else await win.loadFile(indexFile);
}

/** Title, menu (recent list, enabled items) and allowed basemap origin follow the open project. */
async function projectChanged(info?: ProjectInfo | null): Promise<void> {
  if (!service) return;
  try {
    project = info === undefined ? await service.projectInfo() : info;
    recent = await service.recentProjects();
    if (project) setBasemap((await service.getSettings()).basemap_url);
  } catch (e) {
    console.error('Bulwark: could not refresh the window after a project change', e);
  }
  window?.setTitle(project ? `${project.name} — Bulwark` : 'Bulwark');
  if (actions) {
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ actions, recentProjects: recent, hasProject: project !== null, isDev, platform: process.platform })));
  }
}

function setBasemap(url: string | null | undefined): void {
  const origin = originOf(url);
  connectOrigins = origin ? [origin] : [];
}

function windowDialogs(win: BrowserWindow): ShellDialogs {
  return {
    async chooseFileToOpen({ title, filters }) {
      const r = await dialog.showOpenDialog(win, { title, filters, properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseFileToSave({ title, filters, defaultName }) {
      const folder = project ? dirname(project.path) : app.getPath('documents');
      const r = await dialog.showSaveDialog(win, { title, filters, defaultPath: join(folder, defaultName), properties: ['createDirectory'] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    showError: (title, message) => dialog.showErrorBox(title, message),
    async showInfo(title, message) {
      await dialog.showMessageBox(win, { type: 'info', title, message: title, detail: message });
    },
  };
}

function fail(e: unknown): void {
  dialog.showErrorBox('Bulwark could not start', e instanceof Error ? e.message : String(e));
  app.exit(1);
}
