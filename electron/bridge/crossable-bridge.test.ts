import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../data/api/contract.js';
import { createBridge } from './create-bridge.js';
import { crossableBridge } from './crossable-bridge.js';

const finding = { severity: 'error' as const, featureId: 'b3', message: 'barrier b3: line has fewer than 2 points' };

function bridgeAnswering(reply: unknown) {
  return crossableBridge(
    createBridge({
      invoke: async () => reply,
      on: () => () => {},
    }),
  );
}

describe('crossableBridge', () => {
  it('keeps every API method and passes values through', async () => {
    const b = bridgeAnswering({ ok: true, value: { path: '/p/a.gpkg' } });
    expect(Object.keys(b.api).sort()).toEqual([...API_METHODS].sort());
    expect(await b.api.openProject({ path: '/p/a.gpkg' })).toEqual({ path: '/p/a.gpkg' });
  });

  it('rejects with plain data that survives structured cloning, code and findings included', async () => {
    const b = bridgeAnswering({ ok: false, error: { code: 'invalid_scene', message: 'plan.geojson: 1 error', findings: [finding] } });
    const e = await b.api.importScene({ fileName: 'plan.geojson', text: '{}', mode: 'merge' }).catch((x: unknown) => x);
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(e).toMatchObject({ name: 'ApiError', code: 'invalid_scene', message: 'plan.geojson: 1 error', findings: [finding] });
    // What contextBridge copies: the data fields (functions are proxied separately).
    const { toString: _fn, ...data } = e as Record<string, unknown>;
    expect(structuredClone(data)).toEqual({ name: 'ApiError', code: 'invalid_scene', message: 'plan.geojson: 1 error', findings: [finding] });
    // Code written for Errors (`e instanceof Error ? e.message : String(e)`) still shows the message.
    expect(String(e)).toBe('plan.geojson: 1 error');
  });

  it('an Error without code (a broken transport) crosses as internal', async () => {
    const b = crossableBridge({
      api: createBridge({ invoke: async () => Promise.reject(new Error('IPC channel closed')), on: () => () => {} }).api,
      onShellEvent: () => () => {},
    });
    const e = await b.api.projectInfo().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'internal', message: 'IPC channel closed', findings: [] });
  });
});
