import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, originOf, withCsp } from './content-security-policy.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('contentSecurityPolicy', () => {
  it("allows scripts only from the app: no inline, no eval, no remote", () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(d.get('worker-src')).toContain('blob:');
  });

  it('opens connect-src only to configured basemap origins, ignoring junk that could inject directives', () => {
    const d = directives(contentSecurityPolicy({ connectOrigins: ['https://tiles.example.org', "https://x.org; script-src 'unsafe-eval'", 'javascript:1'] }));
    expect(d.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'https://tiles.example.org']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('lets the dev server and its hot-reload socket connect in development', () => {
    const d = directives(contentSecurityPolicy({ devUrl: 'http://127.0.0.1:5173/' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'http://127.0.0.1:5173', 'ws://127.0.0.1:5173']);
  });
});

describe('originOf', () => {
  it('takes the origin of a tile URL template the settings accept, and nothing else', () => {
    expect(originOf('https://tile.example.org/{z}/{x}/{y}.png')).toBe('https://tile.example.org');
    expect(originOf('https://a.tile.example.org:8443/{z}/{x}/{y}.png')).toBe('https://a.tile.example.org:8443');
    expect(originOf('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    // Refused by the settings schema, so never an allowed origin: a placeholder host, plain http elsewhere.
    expect(originOf('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(originOf('http://tile.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(originOf('pmtiles:///data/city.pmtiles')).toBeNull();
    expect(originOf(null)).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('withCsp', () => {
  it('replaces a CSP header whatever its case and keeps the other headers', () => {
    const out = withCsp({ 'content-security-policy': ["script-src *"], 'Content-Type': ['text/html'] }, "script-src 'self'");
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["script-src 'self'"] });
    expect(withCsp(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
