import { describe, expect, it } from 'vitest';
import { API_METHODS, type ShellEvent } from '../../data/api/contract.js';
import { createBridge, type BridgeTransport } from './create-bridge.js';

/** A transport double: records invocations, answers from a table, and lets the test emit events. */
function fakeTransport(replies: Record<string, unknown>) {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return replies[channel];
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, invoked, emit, listeners };
}

describe('createBridge', () => {
  it('exposes exactly the API methods of the contract, and nothing of IPC', () => {
    const bridge = createBridge(fakeTransport({}).transport);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onShellEvent']);
    for (const v of Object.values(bridge.api)) expect(typeof v).toBe('function');
  });

  it('sends each call on bulwark:<method> and returns the value of an ok envelope', async () => {
    const { transport, invoked } = fakeTransport({
      'bulwark:openProject': { ok: true, value: { path: '/p/a.gpkg' } },
      'bulwark:undo': { ok: true, value: null },
    });
    const { api } = createBridge(transport);
    expect(await api.openProject({ path: '/p/a.gpkg' })).toEqual({ path: '/p/a.gpkg' });
    expect(await api.undo()).toBeNull();
    // No-argument methods send no argument at all, so main's `z.undefined()` schema accepts them.
    expect(invoked).toEqual([
      { channel: 'bulwark:openProject', args: [{ path: '/p/a.gpkg' }] },
      { channel: 'bulwark:undo', args: [] },
    ]);
  });

  it('throws an Error carrying the code and findings of an error envelope', async () => {
    const finding = { severity: 'error', featureId: 'b3', message: 'barrier b3: line has fewer than 2 points' };
    const { transport } = fakeTransport({
      'bulwark:importScene': { ok: false, error: { code: 'invalid_scene', message: 'plan.geojson: 1 error', findings: [finding] } },
    });
    const { api } = createBridge(transport);
    const err = await api.importScene({ fileName: 'plan.geojson', path: '/p/plan.geojson', mode: 'merge' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'ApiError', message: 'plan.geojson: 1 error', code: 'invalid_scene', findings: [finding] });
  });

  it('treats a reply that is not an envelope as an internal error', async () => {
    const { transport } = fakeTransport({ 'bulwark:projectInfo': 'surprise' });
    const err = await createBridge(transport).api.projectInfo().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal', message: 'projectInfo: malformed reply from the main process' });
  });

  it('passes well-formed shell events to the listener, drops others, and unsubscribes', () => {
    const { transport, emit, listeners } = fakeTransport({});
    const seen: ShellEvent[] = [];
    const off = createBridge(transport).onShellEvent((e) => seen.push(e));
    emit('bulwark:shell-event', { type: 'command', command: 'undo' });
    emit('bulwark:shell-event', { type: 'project-changed' });
    emit('bulwark:shell-event', { type: 'command', command: 'format-disk' });
    emit('bulwark:shell-event', { type: 'command', command: 'toString' });
    emit('bulwark:shell-event', null);
    emit('bulwark:other', { type: 'project-changed' });
    expect(seen).toEqual([{ type: 'command', command: 'undo' }, { type: 'project-changed' }]);
    off();
    expect(listeners.get('bulwark:shell-event')?.size).toBe(0);
  });
});
