import { describe, expect, it } from 'vitest';
import { createHttpApi, BulwarkApiError } from './http-api.js';
import { API_METHODS } from '../../data/api/contract.js';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: (call: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  const f = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { f, calls };
}

describe('createHttpApi (local host protocol, data/api/contract.ts)', () => {
  it('posts {arg} to /api/<method> with the token header and returns the value', async () => {
    const { f, calls } = fakeFetch(() => ({ status: 200, body: { ok: true, value: { canUndo: true, canRedo: false, undoNote: 'Draw camera', redoNote: null } } }));
    const api = createHttpApi({ token: 'tok-1', fetch: f, baseUrl: 'http://127.0.0.1:5000' });
    const h = await api.transact({ note: 'x', put: [] });
    expect(h).toEqual({ canUndo: true, canRedo: false, undoNote: 'Draw camera', redoNote: null });
    expect(calls[0].url).toBe('http://127.0.0.1:5000/api/transact');
    expect(calls[0].init.method).toBe('POST');
    expect((calls[0].init.headers as Record<string, string>)['X-Bulwark-Token']).toBe('tok-1');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ arg: { note: 'x', put: [] } });
  });

  it('sends {} for methods without an argument', async () => {
    const { f, calls } = fakeFetch(() => ({ status: 200, body: { ok: true, value: null } }));
    await createHttpApi({ token: 't', fetch: f }).undo();
    expect(calls[0].url).toBe('/api/undo');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({});
  });

  it('has every method of the contract', () => {
    const api = createHttpApi({ token: 't', fetch: fakeFetch(() => ({ status: 200, body: { ok: true, value: 1 } })).f });
    for (const m of API_METHODS) expect(typeof (api as unknown as Record<string, unknown>)[m]).toBe('function');
  });

  it('throws the error of the envelope with code, message and findings', async () => {
    const findings = [{ severity: 'error', featureId: 'cam-9', property: 'hfov_deg', message: 'hfov_deg must be in (0, 360], got 400' }];
    const { f } = fakeFetch(() => ({ status: 400, body: { ok: false, error: { code: 'invalid_scene', message: 'import refused', findings } } }));
    const err = await createHttpApi({ token: 't', fetch: f })
      .importScene({ fileName: 'a.geojson', text: '{}', mode: 'merge' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulwarkApiError);
    expect((err as BulwarkApiError).code).toBe('invalid_scene');
    expect((err as BulwarkApiError).message).toBe('import refused');
    expect((err as BulwarkApiError).findings).toEqual(findings);
  });

  it('names the method when the answer is not an envelope', async () => {
    const { f } = fakeFetch(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    await expect(createHttpApi({ token: 't', fetch: f }).loadScene()).rejects.toThrow(/loadScene: .*502/);
  });

  it('turns a network failure into an io error naming the method', async () => {
    const f = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const err = await createHttpApi({ token: 't', fetch: f }).projectInfo().catch((e: unknown) => e);
    expect((err as BulwarkApiError).code).toBe('io');
    expect((err as BulwarkApiError).message).toMatch(/projectInfo.*Failed to fetch/);
  });
});
