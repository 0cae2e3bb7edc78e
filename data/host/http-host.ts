import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  API_METHODS,
  HOST_TOKEN_HEADER,
  HOST_TOKEN_META,
  parseApiArgument,
  serializeApiError,
  type ApiMethod,
  type BulwarkApi,
  type HostResponse,
} from '../api/contract.js';
import { basemapOrigin } from '../api/basemap-url.js';

export interface HostOptions {
  api: BulwarkApi;
  /** The built renderer (dist/renderer); the host serves it with the token injected. */
  rendererDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Largest request body accepted, in bytes (imports arrive as text). */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.map': 'application/json',
};

/**
 * The page's policy: the app only, plus the origin of the basemap the open project configured
 * (DESIGN.md, "Offline by design"). A policy is fixed per page load, so the window reloads itself
 * when the planner sets a basemap on another origin.
 */
export function hostCsp(basemapUrl: string | null | undefined): string {
  const origin = basemapOrigin(basemapUrl);
  const extra = origin ? ` ${origin}` : '';
  return `default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:${extra}; connect-src 'self'${extra}`;
}

/**
 * The local HTTP face of `BulwarkApi` for the end-to-end tests and `npm run dev:web`. Bound to
 * 127.0.0.1 only; every API call must carry the per-run token, and the Host header must name this
 * server (so a web page elsewhere cannot reach it by DNS rebinding). Arguments are validated with
 * the same zod schemas as Electron's IPC.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { ok: false, error: serializeApiError(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, plainError('forbidden host'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, plainError('method not allowed'));
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, plainError('use POST'));
    if (!tokenMatches(req.headers[HOST_TOKEN_HEADER.toLowerCase()])) return send(res, 403, plainError('missing or wrong token'));
    if (!(API_METHODS as string[]).includes(method)) return send(res, 404, plainError(`unknown method ${method}`));
    let body: { arg?: unknown };
    try {
      const text = await readBody(req, maxBody);
      body = text ? (JSON.parse(text) as { arg?: unknown }) : {};
    } catch (e) {
      return send(res, 400, plainError(e instanceof Error ? e.message : 'bad request body'));
    }
    try {
      const m = method as ApiMethod;
      const arg = parseApiArgument(m, body.arg);
      const fn = options.api[m] as (a: unknown) => Promise<unknown>;
      const value = await fn.call(options.api, arg);
      send(res, 200, { ok: true, value: value ?? null });
    } catch (e) {
      // A refused call (bad argument, invalid scene, not a project) is an answer, not a transport
      // failure: HTTP 200 with ok:false, so the browser logs no failed resource for a user's
      // mistake. Only a fault of our own is a 500.
      const error = serializeApiError(e);
      send(res, error.code === 'internal' ? 500 : 200, { ok: false, error });
    }
  }

  function tokenMatches(given: string | string[] | undefined): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given), b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    if (!options.rendererDir) return send(res, 404, plainError('no renderer'));
    const root = resolve(options.rendererDir);
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, plainError('outside the renderer'));
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return send(res, 404, plainError(`not found: ${pathname}`));
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = extname(file) === '.html' ? Buffer.from(injectToken(data.toString('utf8'), token)) : data;
    const csp = hostCsp(extname(file) === '.html' ? await configuredBasemap() : null);
    res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
    res.end(body);
  }

  /** The open project's basemap URL; none without a project. */
  async function configuredBasemap(): Promise<string | null> {
    try {
      return (await options.api.getSettings()).basemap_url ?? null;
    } catch {
      return null;
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Puts the token into the page as a meta tag: no inline script, so CSP `script-src 'self'` holds. */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="${HOST_TOKEN_META}" content="${token}">`;
  return html.includes('</head>') ? html.replace('</head>', `  ${meta}\n</head>`) : meta + html;
}

function plainError(message: string): HostResponse<never> {
  return { ok: false, error: { code: 'invalid_argument', message, findings: [] } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        fail(new Error(`request body over ${max} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
