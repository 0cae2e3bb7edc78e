import { API_METHODS, HOST_TOKEN_HEADER, type ApiErrorCode, type ApiMethod, type BulwarkApi, type HostResponse } from '../../data/api/contract.js';
import type { Finding } from '../../core/scene/validate.js';

/** An error the API answered with: the code the UI acts on, the message and its findings. */
export class BulwarkApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
    this.name = 'BulwarkApiError';
  }
}

export interface HttpApiOptions {
  /** Where `/api/<method>` lives; '' for the page's own origin. */
  baseUrl?: string;
  token: string;
  fetch?: typeof fetch;
}

/**
 * `BulwarkApi` over the local host protocol (data/api/contract.ts): `POST /api/<method>` with the
 * token header and `{"arg": ...}`; the envelope `{ok, value|error}` becomes a value or a thrown
 * BulwarkApiError carrying code, message and findings.
 */
export function createHttpApi(options: HttpApiOptions): BulwarkApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  async function call(method: ApiMethod, arg: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: options.token },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
    } catch (e) {
      throw new BulwarkApiError('io', `${method}: the local host did not answer (${e instanceof Error ? e.message : String(e)})`);
    }
    let body: HostResponse<unknown>;
    try {
      body = (await res.json()) as HostResponse<unknown>;
    } catch {
      throw new BulwarkApiError('internal', `${method}: the local host answered ${res.status} without a JSON envelope`);
    }
    if (body && body.ok === true) return body.value;
    if (body && body.ok === false && body.error) {
      throw new BulwarkApiError(body.error.code, body.error.message, body.error.findings ?? []);
    }
    throw new BulwarkApiError('internal', `${method}: malformed answer from the local host (HTTP ${res.status})`);
  }
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (arg?: unknown) => call(method, arg);
  return api as unknown as BulwarkApi;
}
