import { describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type BulwarkApi, type HostResponse, type ProjectInfo } from '../../data/api/contract.js';
import { createUrlTrust } from '../security/url-trust.js';
import { registerApi, type InvokeEventLike, type InvokeHandler, type IpcMainLike } from './register-api.js';

/** Records handlers the way ipcMain does: one per channel, a second registration is an error. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<HostResponse<unknown>> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args) as Promise<HostResponse<unknown>>;
  }
}

const indexFile = '/app/dist/renderer/index.html';
const appUrl = 'file:///app/dist/renderer/index.html';
const trust = createUrlTrust({ indexFile, platform: 'linux' });
const fromApp: InvokeEventLike = { senderFrame: { url: appUrl, parent: null } };

const info: ProjectInfo = { path: '/p/a.gpkg', name: 'a', marking: null, featureCount: 0, counts: {}, createdAt: 't0', modifiedAt: 't0' };

/** A test double of the interface: records calls, answers fixed values, fails on request. */
function recordingApi(calls: Array<[string, unknown]>): BulwarkApi {
  const api = {} as Record<string, (arg?: unknown) => Promise<unknown>>;
  for (const m of API_METHODS) {
    api[m] = async (arg?: unknown) => {
      calls.push([m, arg]);
      if (m === 'openProject') {
        const path = (arg as { path: string }).path;
        if (path.endsWith('broken.gpkg')) throw new ApiError('not_a_project', `${path} is not a GeoPackage`);
        if (path.endsWith('crash.gpkg')) throw new TypeError('cannot read properties of undefined');
        return { ...info, path };
      }
      if (m === 'projectInfo') return info;
      return null;
    };
  }
  return api as unknown as BulwarkApi;
}

function setup() {
  const ipc = new FakeIpcMain();
  const calls: Array<[string, unknown]> = [];
  const after: string[] = [];
  const unregister = registerApi(ipc, recordingApi(calls), trust, { afterCall: (m) => after.push(m) });
  return { ipc, calls, after, unregister };
}

describe('registerApi', () => {
  it('registers one bulwark:<method> handler for every API method, and removes them all', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `bulwark:${m}`).sort());
    expect(ipc.handlers.has("bulwark:transact")).toBe(true);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('calls the service with the parsed argument and answers {ok, value}', async () => {
    const { ipc, calls, after } = setup();
    const r = await ipc.invoke('bulwark:openProject', fromApp, { path: '/p/b.gpkg' });
    expect(r).toEqual({ ok: true, value: { ...info, path: '/p/b.gpkg' } });
    expect(calls).toEqual([['openProject', { path: '/p/b.gpkg' }]]);
    expect(after).toEqual(['openProject']);
    expect(await ipc.invoke('bulwark:projectInfo', fromApp)).toEqual({ ok: true, value: info });
  });

  it('refuses a sender that is not the app page, before calling anything', async () => {
    const { ipc, calls } = setup();
    const evil: InvokeEventLike = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const r = await ipc.invoke('bulwark:openProject', evil, { path: '/p/b.gpkg' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/refused: the sender https:\/\/evil\.example\/ is not the app/);
    const otherFile = await ipc.invoke('bulwark:projectInfo', { senderFrame: { url: 'file:///tmp/index.html', parent: null } });
    expect(otherFile.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses a subframe even when it shows the app URL, and a vanished frame', async () => {
    const { ipc, calls } = setup();
    const sub = await ipc.invoke('bulwark:projectInfo', { senderFrame: { url: appUrl, parent: { url: appUrl } } });
    expect(sub.ok).toBe(false);
    if (!sub.ok) expect(sub.error.message).toMatch(/subframe/);
    const gone = await ipc.invoke('bulwark:projectInfo', { senderFrame: null });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.message).toMatch(/frame is gone/);
    expect(calls).toEqual([]);
  });

  it('rejects a schema-invalid argument naming the field, without calling the service', async () => {
    const { ipc, calls } = setup();
    const r = await ipc.invoke('bulwark:transact', fromApp, { note: 'Move camera C3', put: [{ type: 'Feature', id: '', geometry: null }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_argument');
      expect(r.error.message).toMatch(/^transact: put\.0\.id: /);
    }
    const extra = await ipc.invoke('bulwark:openProject', fromApp, { path: '/p/a.gpkg', exec: 'rm -rf /' });
    expect(extra.ok).toBe(false);
    const noArgWanted = await ipc.invoke('bulwark:undo', fromApp, { anything: 1 });
    expect(noArgWanted.ok).toBe(false);
    const twoArgs = await ipc.invoke('bulwark:openProject', fromApp, { path: '/p/a.gpkg' }, 'second');
    expect(twoArgs.ok).toBe(false);
    if (!twoArgs.ok) expect(twoArgs.error.message).toMatch(/at most one argument/);
    expect(calls).toEqual([]);
  });

  it('serialises service errors with their code, and unknown errors as internal', async () => {
    const { ipc, after } = setup();
    expect(await ipc.invoke('bulwark:openProject', fromApp, { path: '/p/broken.gpkg' })).toEqual({
      ok: false,
      error: { code: 'not_a_project', message: '/p/broken.gpkg is not a GeoPackage', findings: [] },
    });
    expect(await ipc.invoke('bulwark:openProject', fromApp, { path: '/p/crash.gpkg' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'cannot read properties of undefined', findings: [] },
    });
    expect(after).toEqual([]);
  });
});
