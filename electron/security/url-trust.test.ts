import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { createUrlTrust } from './url-trust.js';

const indexFile = '/opt/bulwark/dist/renderer/index.html';
const indexUrl = pathToFileURL(indexFile).href;

describe('createUrlTrust (file: build)', () => {
  const trust = createUrlTrust({ indexFile, platform: 'linux' });

  it('trusts the renderer index.html, with a route or query', () => {
    expect(trust.appUrl).toBe('file:///opt/bulwark/dist/renderer/index.html');
    expect(trust.isAppUrl(indexUrl)).toBe(true);
    expect(trust.isAppUrl(`${indexUrl}#/layers`)).toBe(true);
    expect(trust.isAppUrl(`${indexUrl}?project=1`)).toBe(true);
  });

  it('refuses other local files, file shares, web pages and junk', () => {
    expect(trust.isAppUrl('file:///opt/bulwark/dist/renderer/other.html')).toBe(false);
    expect(trust.isAppUrl('file:///tmp/evil/index.html')).toBe(false);
    expect(trust.isAppUrl('file://fileserver/opt/bulwark/dist/renderer/index.html')).toBe(false);
    expect(trust.isAppUrl('https://example.com/opt/bulwark/dist/renderer/index.html')).toBe(false);
    expect(trust.isAppUrl('about:blank')).toBe(false);
    expect(trust.isAppUrl('')).toBe(false);
    expect(trust.isAppUrl('not a url')).toBe(false);
  });

  it('refuses a path that only differs by case, except on Windows', () => {
    expect(trust.isAppUrl('file:///opt/bulwark/dist/renderer/INDEX.html')).toBe(false);
    // Windows paths compare without case (drive letters and folders come back in either case).
    const win = createUrlTrust({ indexFile, platform: 'win32' });
    expect(win.isAppUrl('file:///OPT/Bulwark/dist/renderer/INDEX.html')).toBe(true);
    expect(win.isAppUrl('file:///opt/bulwark/dist/renderer/other.html')).toBe(false);
  });
});

describe('createUrlTrust (dev server)', () => {
  const trust = createUrlTrust({ indexFile, devUrl: 'http://127.0.0.1:5173/' });

  it('trusts the dev server origin and nothing else', () => {
    expect(trust.isAppUrl('http://127.0.0.1:5173/')).toBe(true);
    expect(trust.isAppUrl('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
    expect(trust.isAppUrl('http://127.0.0.1:5174/')).toBe(false);
    expect(trust.isAppUrl('http://localhost:5173/')).toBe(false);
    expect(trust.isAppUrl(indexUrl)).toBe(false);
  });

  it('rejects a dev URL that is not http(s)', () => {
    expect(() => createUrlTrust({ indexFile, devUrl: 'file:///tmp/x.html' })).toThrow(/http/);
  });
});
