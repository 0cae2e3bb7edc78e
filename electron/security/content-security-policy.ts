import { basemapOrigin } from '../../data/api/basemap-url.js';

/**
 * The page's Content-Security-Policy. Scripts come only from the app (`script-src 'self'`, no
 * inline, no eval); maplibre-gl needs `blob:` workers and `data:`/`blob:` images; styles allow
 * inline because maplibre-gl and React set element styles. Network access is limited to the app
 * and to basemap origins the user configured (DESIGN.md, "Offline by design").
 */
export function contentSecurityPolicy(options: { connectOrigins?: readonly string[]; devUrl?: string } = {}): string {
  const dev = options.devUrl ? new URL(options.devUrl) : null;
  // The vite dev server pushes updates over a WebSocket on its own origin.
  const devConnect = dev ? [dev.origin, `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`] : [];
  const basemap = (options.connectOrigins ?? []).filter(isOrigin);
  const connect = ["'self'", 'blob:', 'data:', ...devConnect, ...basemap];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // maplibre-gl fetches tiles (connect-src) and may decode them as images (img-src).
    `img-src ${[...new Set(["'self'", 'data:', 'blob:', ...basemap])].join(' ')}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/**
 * The origin of a configured basemap URL template (`https://tiles.example/{z}/{x}/{y}.png`), or
 * null: the settings schema's own rule (https, or http on this machine only), so a value that
 * reached the file some other way never widens the policy.
 */
export function originOf(url: string | null | undefined): string | null {
  return basemapOrigin(url);
}

function isOrigin(s: string): boolean {
  return /^https?:\/\/[^\s/;,']+$/.test(s);
}

/** Response headers with our CSP replacing any the response brought. */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  out['Content-Security-Policy'] = [csp];
  return out;
}
