import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { ApiError, type BulwarkApi } from '../api/contract.js';
import { hostCsp, injectToken, startHost, type RunningHost } from './http-host.js';

// Wiring tests of the host protocol only: the API behind it is a hand-written object of the
// interface. The real service over a real GeoPackage is exercised in data/service tests and e2e.
const calls: unknown[] = [];
const api = {
  async historyState() {
    return { canUndo: false, canRedo: false, undoNote: null, redoNote: null };
  },
  async openProject(arg: { path: string }) {
    calls.push(arg);
    throw new ApiError('not_a_project', `${arg.path} is not a Bulwark project`);
  },
} as unknown as BulwarkApi;

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  calls.length = 0;
});

function post(h: RunningHost, path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; json: any }>((ok, fail) => {
    const data = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: h.port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

describe('local HTTP host', () => {
  it('answers a call that carries the token, in the {ok, value} envelope', async () => {
    host = await startHost({ api });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await post(host, '/api/historyState', {}, { 'X-Bulwark-Token': host.token });
    expect(r).toEqual({ status: 200, json: { ok: true, value: { canUndo: false, canRedo: false, undoNote: null, redoNote: null } } });
  });

  it('refuses a call without the token or with another one', async () => {
    host = await startHost({ api });
    expect((await post(host, '/api/historyState', {})).status).toBe(403);
    expect((await post(host, '/api/historyState', {}, { 'X-Bulwark-Token': host.token + 'x' })).status).toBe(403);
  });

  it('refuses an argument that fails the schema, naming the field, before calling the API', async () => {
    host = await startHost({ api });
    const r = await post(host, '/api/openProject', { arg: { path: 42 } }, { 'X-Bulwark-Token': host.token });
    // A refused call is an answer (200, ok:false), so the browser logs no failed resource.
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(false);
    expect(r.json.error.code).toBe('invalid_argument');
    expect(r.json.error.message).toContain('openProject: path');
    expect(calls).toEqual([]);
  });

  it('passes API errors through with their code and message', async () => {
    host = await startHost({ api });
    const r = await post(host, '/api/openProject', { arg: { path: '/x/y.gpkg' } }, { 'X-Bulwark-Token': host.token });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: false, error: { code: 'not_a_project', message: '/x/y.gpkg is not a Bulwark project', findings: [] } });
  });

  it('serves the renderer with the token as a meta tag and a strict CSP, and nothing outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-host-'));
    writeFileSync(join(dir, 'index.html'), '<html><head><title>B</title></head><body></body></html>');
    host = await startHost({ api, rendererDir: dir });
    const res = await fetch(host.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain(`<meta name="bulwark-token" content="${host.token}">`);
    expect((await fetch(new URL('/..%2f..%2fetc%2fpasswd', host.url))).status).not.toBe(200);
  });

  it('lets the page reach the open project\'s basemap origin only, for img and connect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-host-'));
    writeFileSync(join(dir, 'index.html'), '<html><head></head><body></body></html>');
    let basemap: string | null = 'http://127.0.0.1:9/t/{z}/{x}/{y}.png';
    host = await startHost({ api: { ...api, getSettings: async () => ({ basemap_url: basemap }) } as unknown as BulwarkApi, rendererDir: dir });
    const csp = async () => (await fetch(host!.url)).headers.get('content-security-policy') ?? '';
    expect(await csp()).toContain("connect-src 'self' http://127.0.0.1:9");
    expect(await csp()).toContain("img-src 'self' data: blob: http://127.0.0.1:9");
    basemap = null;
    expect(await csp()).toMatch(/connect-src 'self'$/);
    // Without an open project (getSettings refuses) the page stays on its own origin.
    expect(hostCsp(undefined)).toMatch(/img-src 'self' data: blob:; connect-src 'self'$/);
    // A URL the settings schema refuses never widens the policy.
    expect(hostCsp('http://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/connect-src 'self'$/);
  });

  it('injects the token without inline script', () => {
    expect(injectToken('<head></head>', 'T')).toBe('<head>  <meta name="bulwark-token" content="T">\n</head>');
  });
});
