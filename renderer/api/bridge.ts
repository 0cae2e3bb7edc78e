import { HOST_TOKEN_META, type BulwarkBridge, type ShellEvent } from '../../data/api/contract.js';
import { createHttpApi } from './http-api.js';

declare global {
  interface Window {
    bulwark?: BulwarkBridge;
  }
}

let cached: BulwarkBridge | undefined;

/**
 * The API the window talks to: Electron's preload bridge when present, else the local HTTP host
 * that served this page (token from `<meta name="bulwark-token">`), which has no shell events.
 */
export function getBridge(): BulwarkBridge {
  if (cached) return cached;
  if (typeof window !== 'undefined' && window.bulwark) return (cached = window.bulwark);
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`);
  const api = createHttpApi({ token: meta?.content ?? '' });
  cached = { api, onShellEvent: (_listener: (event: ShellEvent) => void) => () => {} };
  return cached;
}
