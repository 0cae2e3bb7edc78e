import type { ApiMethod, BulwarkApi, BulwarkBridge, SerializedApiError } from '../../data/api/contract.js';
import type { BridgeError } from './create-bridge.js';

/**
 * What a failed call rejects with in the page: plain data, which contextBridge copies whole,
 * because it copies an Error object with its message only (Electron docs, contextBridge,
 * "Parameter / Error / Return Type support"), which would lose `code` and `findings`.
 * `toString` (proxied like any function) keeps `String(e)` readable for code that expects an Error.
 */
export interface CrossedApiError extends SerializedApiError {
  name: 'ApiError';
  toString(): string;
}

/** The bridge as exposed to the page: same methods, rejections turned into `CrossedApiError`. */
export function crossableBridge(bridge: BulwarkBridge): BulwarkBridge {
  const api = {} as Record<ApiMethod, (arg?: unknown) => Promise<unknown>>;
  for (const [method, fn] of Object.entries(bridge.api) as Array<[ApiMethod, (arg?: unknown) => Promise<unknown>]>) {
    api[method] = (...args: unknown[]) => (fn as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => Promise.reject(crossedError(e)));
  }
  return { api: api as unknown as BulwarkApi, onShellEvent: (listener) => bridge.onShellEvent(listener) };
}

export function crossedError(e: unknown): CrossedApiError {
  const b = e as Partial<BridgeError> | null;
  const message = e instanceof Error ? e.message : String(e);
  return {
    name: 'ApiError',
    code: typeof b?.code === 'string' ? b.code : 'internal',
    message,
    findings: Array.isArray(b?.findings) ? b.findings : [],
    toString: () => message,
  };
}
