import { pathToFileURL } from 'node:url';

/**
 * Which URLs are the app itself: the built renderer's `index.html` (as a `file:` URL) or, in
 * development, the origin of the vite dev server. IPC senders and navigations are checked
 * against this one definition.
 */
export interface UrlTrust {
  /** The URL the window loads. */
  readonly appUrl: string;
  isAppUrl(url: string): boolean;
}

export interface UrlTrustOptions {
  /** Absolute path of dist/renderer/index.html. */
  indexFile: string;
  /** The dev server URL (development only); when given, it is the app and file: is not. */
  devUrl?: string;
  /** Windows file paths compare case-insensitively. */
  platform?: NodeJS.Platform;
}

export function createUrlTrust(options: UrlTrustOptions): UrlTrust {
  if (options.devUrl !== undefined) {
    const dev = parse(options.devUrl);
    if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) throw new Error(`dev URL must be http(s): ${options.devUrl}`);
    return {
      appUrl: dev.href,
      isAppUrl: (url) => {
        const u = parse(url);
        return u !== null && u.origin === dev.origin;
      },
    };
  }
  const index = pathToFileURL(options.indexFile);
  const caseless = (options.platform ?? process.platform) === 'win32';
  const norm = (pathname: string) => {
    const p = decodeURIComponent(pathname);
    return caseless ? p.toLowerCase() : p;
  };
  const indexPath = norm(index.pathname);
  return {
    appUrl: index.href,
    // Only the document itself, with any query or #route; not its siblings, not file://host/ shares.
    isAppUrl: (url) => {
      const u = parse(url);
      return u !== null && u.protocol === 'file:' && u.host === '' && norm(u.pathname) === indexPath;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
