/**
 * The one rule for a basemap tile URL template, shared by the settings schema, the settings dialog
 * and the hosts' Content-Security-Policy: with no URL the app makes no request at all (DESIGN.md,
 * "Offline by design"); with one it may fetch tiles from that origin only.
 */

/** Hosts an `http:` tile server may use: only one on this machine, so nothing crosses a network in the clear. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Longest template accepted (a tile URL with a key in its query fits easily). */
export const BASEMAP_URL_MAX_CHARS = 2000;

/**
 * What is wrong with a basemap tile URL template, in the planner's words, or null when it is
 * usable: `https://…/{z}/{x}/{y}.png` (or `http://localhost…` / `http://127.0.0.1…`), with all of
 * `{z}`, `{x}` and `{y}`, no user name or password in it.
 */
export function basemapUrlProblem(template: string): string | null {
  const url = template.trim();
  if (url === '') return 'The basemap URL is empty.';
  if (url.length > BASEMAP_URL_MAX_CHARS) return `The basemap URL is ${url.length} characters long; at most ${BASEMAP_URL_MAX_CHARS} are accepted.`;
  if (url !== template) return 'The basemap URL has spaces before or after it.';
  const server = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  if (server.includes('{')) {
    return `The basemap URL has a placeholder in the server name (${short(server)}); only {z}, {x} and {y} in the path are filled in: name one server, e.g. https://a.tiles.example.org/{z}/{x}/{y}.png.`;
  }
  const parsed = parseWebAddress(url);
  if (!parsed) {
    return `The basemap URL is not a web address: "${short(url)}". It should look like https://tiles.example.org/{z}/{x}/{y}.png.`;
  }
  if (parsed.protocol === 'http:') {
    if (!LOCAL_HOSTS.has(parsed.hostname)) {
      return `The basemap URL uses plain http to ${parsed.hostname}: use https, or http only for a tile server on this machine (localhost or 127.0.0.1).`;
    }
  } else if (parsed.protocol !== 'https:') {
    return `The basemap URL must start with https:// (or http://localhost / http://127.0.0.1); it starts with ${parsed.protocol}.`;
  }
  if (parsed.userInfo) return 'The basemap URL must not carry a user name or password.';
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !url.includes(p));
  if (missing.length > 0) {
    return `The basemap URL is missing ${missing.join(', ')}: {z}, {x} and {y} mark where each tile's zoom, column and row go, e.g. https://tiles.example.org/{z}/{x}/{y}.png.`;
  }
  return null;
}

/** The origin tiles come from (`https://tiles.example.org`), or null when there is no usable URL. */
export function basemapOrigin(template: string | null | undefined): string | null {
  if (typeof template !== 'string' || basemapUrlProblem(template) !== null) return null;
  return parseWebAddress(template)?.origin ?? null;
}

interface WebAddress {
  protocol: string;
  userInfo: boolean;
  hostname: string;
  origin: string;
}

/**
 * Scheme, user info and host of an absolute address (RFC 3986 §3), without the DOM's URL class:
 * `data/api` is shared by every runtime. Host names are case-insensitive (RFC 3986 §3.2.2).
 */
function parseWebAddress(url: string): WebAddress | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/?#@]*)@)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?(?=[/?#]|$)[^\s]*$/i.exec(url);
  if (!m) return null;
  const protocol = `${m[1].toLowerCase()}:`;
  const hostname = m[3].toLowerCase();
  if (hostname.startsWith('.') || hostname.endsWith('.') || hostname.includes('..')) return null;
  const port = m[4] !== undefined ? Number(m[4]) : null;
  if (port !== null && port > 65535) return null;
  const defaultPort = protocol === 'https:' ? 443 : protocol === 'http:' ? 80 : null;
  const origin = `${protocol}//${hostname}${port !== null && port !== defaultPort ? `:${port}` : ''}`;
  return { protocol, userInfo: m[2] !== undefined, hostname, origin };
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
