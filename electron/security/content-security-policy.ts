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
  const connect = ["'self'", 'blob:', 'data:', ...devConnect, ...(options.connectOrigins ?? []).filter(isOrigin)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
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

/** The origin of a configured basemap URL template (`https://tiles.example/{z}/{x}/{y}.png`), or null. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.replace(/[{}]/g, ''));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
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
