import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useSqliteNativeBinding } from '../../data/store/sqlite.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type BulwarkApi, type HostResponse, type ProjectInfo, type Settings, type ShellEvent } from '../../data/api/contract.js';
import { createDesktopService, type DesktopService, type DesktopServiceOptions } from '../desktop-service.js';
import type { InvokeHandler } from '../ipc/register-api.js';
import type { GuardedContents } from '../security/navigation.js';
import { startDesktopApp, type DesktopElectron, type WindowLike } from './desktop-app.js';

/**
 * A small in-memory test double of the BulwarkApi interface: projects are paths in a set, with
 * settings and a recent list. Enough for start-up and menu wiring; no store is re-implemented.
 */
function memoryService(log: string[]): DesktopService {
  const files = new Set<string>();
  const recent: string[] = [];
  let open: string | null = null;
  let settings: Settings = { dori_preset: 'iec', basemap_url: null, units: 'metric' };
  const info = (path: string): ProjectInfo => ({ path, name: path.split('/').pop()!.replace('.gpkg', ''), marking: null, featureCount: 0, counts: {}, createdAt: 't', modifiedAt: 't' });
  const switchTo = (path: string) => {
    open = path;
    recent.splice(0, recent.length, path, ...recent.filter((p) => p !== path));
    return info(path);
  };
  const api: Record<string, unknown> = {};
  for (const m of API_METHODS) api[m] = async () => { throw new Error(`${m} not used here`); };
  return Object.assign(api as unknown as BulwarkApi, {
    async createProject({ path, template }: { path: string; template?: string }) {
      log.push(`create ${path} ${template ?? 'empty'}`);
      files.add(path);
      return switchTo(path);
    },
    async openProject({ path }: { path: string }) {
      log.push(`open ${path}`);
      if (!files.has(path)) throw new ApiError('io', `${path} does not exist`);
      return switchTo(path);
    },
    projectInfo: async () => (open ? info(open) : null),
    recentProjects: async () => [...recent],
    getSettings: async () => settings,
    async setSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch };
      return settings;
    },
    dispose: () => void log.push('dispose'),
  } satisfies Partial<DesktopService>);
}

class FakeWindow implements WindowLike {
  static last: FakeWindow | null = null;
  readonly sent: ShellEvent[] = [];
  readonly webContents = { send: (channel: string, payload: ShellEvent) => (channel === 'bulwark:shell-event' ? void this.sent.push(payload) : undefined) };
  title = '';
  loaded: string | null = null;
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.last = this;
  }
  once(_e: 'ready-to-show', listener: () => void) {
    listener();
  }
  readonly listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  on(event: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners.set(event, listener);
  }
  show() {
    this.shown = true;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  setTitle(t: string) {
    this.title = t;
  }
  async loadFile(path: string) {
    this.loaded = `file ${path}`;
  }
  async loadURL(url: string) {
    this.loaded = `url ${url}`;
  }
}

/** Records what the app asks of Electron; dialogs answer from queues. */
function fakeElectron(options: { isPackaged?: boolean; lock?: boolean; openAnswers?: string[]; saveAnswers?: string[] } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'bulwark-userdata-'));
  const events = new Map<string, (...args: unknown[]) => void>();
  const handlers = new Map<string, InvokeHandler>();
  const errors: string[] = [];
  const calls: string[] = [];
  let menu: MenuItemConstructorOptions[] = [];
  let headers: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  let permissionCheck: ((c: unknown, p: string) => boolean) | null = null;
  const electron: DesktopElectron<FakeWindow, MenuItemConstructorOptions[]> = {
    app: {
      isPackaged: options.isPackaged ?? false,
      getAppPath: () => (options.isPackaged ? '/opt/Bulwark/resources/app.asar' : '/src/bulwark'),
      getPath: (name) => (name === 'userData' ? userData : '/home/ana/Documents'),
      enableSandbox: () => void calls.push('enableSandbox'),
      setAppUserModelId: () => {},
      requestSingleInstanceLock: () => options.lock ?? true,
      whenReady: async () => {},
      on: (event: string, listener: (...args: never[]) => void) => events.set(event, listener as (...args: unknown[]) => void),
      quit: () => void calls.push('quit'),
      exit: (code?: number) => void calls.push(`exit ${code}`),
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title, content) => void errors.push(`${title}: ${content}`),
      showOpenDialog: async () => {
        const path = options.openAnswers?.shift();
        return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async () => {
        const path = options.saveAnswers?.shift();
        return path ? { canceled: false, filePath: path } : { canceled: true };
      },
      showMessageBox: async () => ({}),
    },
    ipcMain: { handle: (c, h) => void handlers.set(c, h), removeHandler: (c) => void handlers.delete(c) },
    Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => void (menu = m) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: (h) => void (permissionCheck = h),
        setDevicePermissionHandler: () => {},
        webRequest: { onHeadersReceived: (l) => void (headers = l) },
      },
    },
  };
  const csp = () => {
    let out: Record<string, string[]> | undefined;
    headers!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    return out!['Content-Security-Policy'][0];
  };
  const item = (label: string) => flatten(menu).find((i) => i.label === label);
  return { electron, userData, events, handlers, errors, calls, menu: () => menu, item, csp, permissionCheck: () => permissionCheck };
}

function flatten(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function deps(
  fake: ReturnType<typeof fakeElectron>,
  over: { loadNative?: (p: string) => void; createService?: (o: DesktopServiceOptions) => DesktopService; devUrl?: string; argv?: string[] } = {},
) {
  const log: string[] = [];
  const created: DesktopServiceOptions[] = [];
  const loaded: string[] = [];
  const service = memoryService(log);
  return {
    log,
    created,
    loaded,
    deps: {
      electron: fake.electron,
      createService:
        over.createService ??
        ((o: DesktopServiceOptions) => {
          created.push(o);
          return service;
        }),
      loadNative: over.loadNative ?? ((p: string) => void loaded.push(p)),
      exists: () => false,
      mainDir: '/src/bulwark/dist/electron',
      resourcesPath: '/opt/Bulwark/resources',
      platform: 'linux' as const,
      argv: over.argv ?? ['/src/bulwark/node_modules/electron/dist/electron', '.'],
      cwd: '/home/ana',
      devUrl: over.devUrl,
    },
  };
}

const appUrl = 'file:///src/bulwark/dist/renderer/index.html';
const invoke = (h: Map<string, InvokeHandler>, method: string, arg?: unknown) =>
  h.get(`bulwark:${method}`)!({ senderFrame: { url: appUrl, parent: null } }, ...(arg === undefined ? [] : [arg])) as Promise<HostResponse<unknown>>;

describe('startDesktopApp', () => {
  it('first launch: secure window, demo project created before the page loads, API on IPC, menu, CSP', async () => {
    const fake = fakeElectron();
    const d = deps(fake);
    const { window } = await startDesktopApp(d.deps);

    expect(fake.calls).toContain('enableSandbox');
    expect(d.loaded).toEqual([join('/src/bulwark', '.electron-native', 'better_sqlite3.node')]);
    expect(d.created).toEqual([{ recentProjectsFile: join(fake.userData, 'recent-projects.json'), nativeBinding: join('/src/bulwark', '.electron-native', 'better_sqlite3.node') }]);
    expect(window!.options.webPreferences).toMatchObject({ preload: '/src/bulwark/dist/electron/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(d.log).toEqual([`create ${join(fake.userData, 'Demo project.gpkg')} demo`]);
    expect(window!.loaded).toBe('file /src/bulwark/dist/renderer/index.html');
    expect(window!.title).toBe('Demo project — Bulwark');
    let prevented = false;
    window!.listeners.get('page-title-updated')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window!.shown).toBe(true);
    expect(fake.errors).toEqual([]);

    expect([...fake.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `bulwark:${m}`).sort());
    expect(await invoke(fake.handlers, 'projectInfo')).toMatchObject({ ok: true, value: { name: 'Demo project' } });
    expect(fake.item('Save As…')!.enabled).toBe(true);
    expect(flatten(fake.menu()).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(fake.csp()).toContain("script-src 'self'");
    expect(fake.permissionCheck()!({}, 'geolocation')).toBe(false);
  });

  it('guards every web contents Electron creates', async () => {
    const fake = fakeElectron();
    await startDesktopApp(deps(fake).deps);
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents: GuardedContents = { on: () => contents, setWindowOpenHandler: (h) => void (openHandler = h) };
    fake.events.get('web-contents-created')!({}, contents);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('a menu Open… goes to the service, tells the window, retitles and lists the project as recent', async () => {
    const fake = fakeElectron({ openAnswers: ['/p/plaza.gpkg'] });
    const d = deps(fake);
    const { window } = await startDesktopApp(d.deps);
    await invoke(fake.handlers, 'createProject', { path: '/p/plaza.gpkg' });
    await (fake.item('Open…')!.click as () => Promise<void>)();
    expect(d.log.at(-1)).toBe('open /p/plaza.gpkg');
    expect(window!.sent).toEqual([{ type: 'project-changed' }]);
    expect(window!.title).toBe('plaza — Bulwark');
    const recent = fake.item('Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['plaza.gpkg', 'Demo project.gpkg']);
  });

  it('Undo from the menu becomes a command event for the renderer', async () => {
    const fake = fakeElectron();
    const { window } = await startDesktopApp(deps(fake).deps);
    (fake.item('Undo')!.click as () => void)();
    expect(window!.sent).toEqual([{ type: 'command', command: 'undo' }]);
  });

  it('a configured basemap opens connect-src to its origin only', async () => {
    const fake = fakeElectron();
    await startDesktopApp(deps(fake).deps);
    expect(fake.csp()).toMatch(/connect-src 'self' blob: data:;/);
    await invoke(fake.handlers, 'setSettings', { basemap_url: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    expect(fake.csp()).toMatch(/connect-src 'self' blob: data: https:\/\/tiles\.example\.org;/);
    expect(fake.csp()).toMatch(/img-src 'self' data: blob: https:\/\/tiles\.example\.org;/);
    // Removed: the next page load is back to the app alone.
    await invoke(fake.handlers, 'setSettings', { basemap_url: null });
    expect(fake.csp()).toMatch(/connect-src 'self' blob: data:;/);
    expect(fake.csp()).toMatch(/img-src 'self' data: blob:;/);
  });

  it('a SQLite module built for the wrong ABI: error box naming the command, exit, no window, no service', async () => {
    const fake = fakeElectron();
    const d = deps(fake, {
      loadNative: () => {
        throw new Error('The module was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.');
      },
    });
    const { window } = await startDesktopApp(d.deps);
    expect(window).toBeNull();
    expect(d.created).toEqual([]);
    expect(fake.errors).toHaveLength(1);
    expect(fake.errors[0]).toMatch(/^Bulwark cannot open project files: .*NODE_MODULE_VERSION 115; this Electron needs 150.*Run: npm run rebuild:electron/s);
    expect(fake.calls).toContain('exit 1');
    expect(fake.handlers.size).toBe(0);
  });

  it('a service that cannot be built is reported, not a blank window', async () => {
    const fake = fakeElectron();
    const { window } = await startDesktopApp(
      deps(fake, {
        createService: () => {
          throw new Error('This build has no project service yet');
        },
      }).deps,
    );
    expect(window).toBeNull();
    expect(fake.errors).toEqual(['Bulwark could not start: This build has no project service yet']);
    expect(fake.calls).toContain('exit 1');
  });

  it('packaged: loads SQLite from resources, ignores a dev URL, offers no DevTools', async () => {
    const fake = fakeElectron({ isPackaged: true });
    const d = deps(fake, { devUrl: 'http://127.0.0.1:5173/' });
    const { window } = await startDesktopApp(d.deps);
    expect(d.loaded).toEqual([join('/opt/Bulwark/resources', 'native', 'better_sqlite3.node')]);
    expect(window!.loaded).toBe('file /opt/Bulwark/resources/app.asar/dist/renderer/index.html');
    expect(window!.options.webPreferences!.devTools).toBe(false);
    expect(flatten(fake.menu()).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('development with a dev URL loads the dev server and trusts only its origin for IPC', async () => {
    const fake = fakeElectron();
    const { window } = await startDesktopApp(deps(fake, { devUrl: 'http://127.0.0.1:5173/' }).deps);
    expect(window!.loaded).toBe('url http://127.0.0.1:5173/');
    const fromDev = await fake.handlers.get('bulwark:projectInfo')!({ senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } });
    expect(fromDev).toMatchObject({ ok: true });
    expect(await invoke(fake.handlers, 'projectInfo')).toMatchObject({ ok: false });
  });

  it('a second instance hands over to the first and quits', async () => {
    const fake = fakeElectron({ lock: false });
    const d = deps(fake);
    expect(await startDesktopApp(d.deps)).toEqual({ window: null });
    expect(fake.calls).toContain('quit');
    expect(d.created).toEqual([]);
  });

  it('opens a project named on the command line, and one a second instance or macOS hands over', async () => {
    const fake = fakeElectron();
    const d = deps(fake, { argv: ['/opt/Bulwark/bulwark', '--no-sandbox', 'plans/plaza.gpkg'] });
    const service = memoryService(d.log);
    await service.createProject({ path: '/home/ana/plans/plaza.gpkg' });
    await service.createProject({ path: '/data/market.gpkg' });
    await service.createProject({ path: '/data/gate.gpkg' });
    d.log.length = 0;
    const { window } = await startDesktopApp({ ...d.deps, createService: () => service });
    expect(d.log).toEqual(['open /home/ana/plans/plaza.gpkg']);
    expect(window!.title).toBe('plaza — Bulwark');

    fake.events.get('second-instance')!({}, ['/opt/Bulwark/bulwark', 'market.gpkg'], '/data');
    let prevented = false;
    fake.events.get('open-file')!({ preventDefault: () => (prevented = true) }, '/data/gate.gpkg');
    await new Promise((r) => setTimeout(r, 10));
    expect(prevented).toBe(true);
    expect(d.log).toEqual(['open /home/ana/plans/plaza.gpkg', 'open /data/market.gpkg', 'open /data/gate.gpkg']);
    expect(window!.sent).toEqual([{ type: 'project-changed' }, { type: 'project-changed' }]);
  });

  it('disposes the service when the app quits', async () => {
    const fake = fakeElectron();
    const d = deps(fake);
    await startDesktopApp(d.deps);
    fake.events.get('will-quit')!();
    expect(d.log.at(-1)).toBe('dispose');
  });
});

describe('startDesktopApp with the real project service (GeoPackage store, Node build of better-sqlite3)', () => {
  // Under vitest the "Electron build" is Node's own binary: the wiring is what is under test.
  const nodeBinding = join(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
  afterEach(() => useSqliteNativeBinding(undefined));

  function realDeps(fake: ReturnType<typeof fakeElectron>) {
    const d = deps(fake, { createService: (o) => createDesktopService({ ...o, nativeBinding: nodeBinding }) });
    return { ...d.deps, exists: existsSync };
  }

  it('first launch writes the demo GeoPackage in userData and serves its scene over IPC', async () => {
    const fake = fakeElectron();
    const { window } = await startDesktopApp(realDeps(fake));
    const demo = join(fake.userData, 'Demo project.gpkg');
    expect(existsSync(demo)).toBe(true);
    expect(JSON.parse(readFileSync(join(fake.userData, 'recent-projects.json'), 'utf8'))).toEqual([demo]);
    expect(window!.title).toMatch(/ — Bulwark$/);
    const scene = await invoke(fake.handlers, 'loadScene');
    expect(scene.ok).toBe(true);
    if (scene.ok) expect((scene.value as { features: unknown[] }).features.length).toBeGreaterThan(10);
    const bad = await invoke(fake.handlers, 'transact', { note: 'x', delete: [''] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    fake.events.get('will-quit')!();
  });

  it('a second launch reopens the last project; menu Export GeoJSON writes the file', async () => {
    const first = fakeElectron();
    await startDesktopApp(realDeps(first));
    const plaza = join(first.userData, 'plaza.gpkg');
    expect(await invoke(first.handlers, 'createProject', { path: plaza })).toMatchObject({ ok: true, value: { name: 'plaza' } });
    await new Promise((r) => setTimeout(r, 10)); // let the title/menu refresh after createProject finish
    expect(first.item('Open Recent')!.submenu).toMatchObject([{ label: 'plaza.gpkg' }, { label: 'Demo project.gpkg' }]);
    first.events.get('will-quit')!();

    const out = join(first.userData, 'export');
    const again = fakeElectron({ saveAnswers: [out] });
    // Same userData folder: point the second fake at the first one's.
    again.electron.app.getPath = (name) => (name === 'userData' ? first.userData : '/home/ana/Documents');
    const { window } = await startDesktopApp(realDeps(again));
    expect(window!.title).toBe('plaza — Bulwark');
    expect(await invoke(again.handlers, 'projectInfo')).toMatchObject({ ok: true, value: { path: plaza } });
    await (again.item('Export GeoJSON…')!.click as () => Promise<void>)();
    expect(again.errors).toEqual([]);
    const text = readFileSync(`${out}.geojson`, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'FeatureCollection' });
    again.events.get('will-quit')!();
  });
});
