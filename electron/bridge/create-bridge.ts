import type { ApiMethod, BulwarkApi, BulwarkBridge, HostResponse, SerializedApiError, ShellCommand, ShellEvent } from '../../data/api/contract.js';
import { apiChannel, SHELL_EVENT_CHANNEL } from '../ipc/channels.js';

/**
 * What the bridge needs from `ipcRenderer`, reduced to plain payloads: the preload adapts the real
 * one and never hands the page the IPC event (its `sender` is ipcRenderer itself).
 */
export interface BridgeTransport {
  invoke(channel: string, arg?: unknown): Promise<unknown>;
  /** Subscribes to a channel's payloads; returns the unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The error a bridge call rejects with: the service's message, plus its code and findings. */
export interface BridgeError extends Error {
  name: 'ApiError';
  code: SerializedApiError['code'];
  findings: SerializedApiError['findings'];
}

/**
 * Builds `window.bulwark` (Actual Budget's preload pattern): one function per API method, each a
 * round trip on `bulwark:<method>` unwrapping the `HostResponse` envelope. Only channels of the
 * contract are reachable; `ipcRenderer` itself never leaves the preload.
 */
export function createBridge(transport: BridgeTransport): BulwarkBridge {
  function call<M extends ApiMethod>(method: M, arg?: unknown): ReturnType<BulwarkApi[M]> {
    const reply = arg === undefined ? transport.invoke(apiChannel(method)) : transport.invoke(apiChannel(method), arg);
    return reply.then((r) => unwrap(method, r)) as ReturnType<BulwarkApi[M]>;
  }

  const api = {
    createProject: (args) => call('createProject', args),
    openProject: (args) => call('openProject', args),
    saveProjectAs: (args) => call('saveProjectAs', args),
    closeProject: () => call('closeProject'),
    projectInfo: () => call('projectInfo'),
    recentProjects: () => call('recentProjects'),
    loadScene: () => call('loadScene'),
    transact: (change) => call('transact', change),
    undo: () => call('undo'),
    redo: () => call('redo'),
    historyState: () => call('historyState'),
    importScene: (args) => call('importScene', args),
    exportScene: (args) => call('exportScene', args),
    getSettings: () => call('getSettings'),
    setSettings: (patch) => call('setSettings', patch),
  } satisfies BulwarkApi;

  return {
    api,
    onShellEvent(listener) {
      return transport.on(SHELL_EVENT_CHANNEL, (payload) => {
        if (isShellEvent(payload)) listener(payload);
      });
    },
  } satisfies BulwarkBridge;
}

function unwrap(method: ApiMethod, reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as HostResponse<unknown>;
    if (r.ok === true) return r.value;
    if (r.ok === false && typeof r.error?.message === 'string') throw bridgeError(r.error);
  }
  throw bridgeError({ code: 'internal', message: `${method}: malformed reply from the main process`, findings: [] });
}

export function bridgeError(e: SerializedApiError): BridgeError {
  const error = new Error(e.message) as BridgeError;
  error.name = 'ApiError';
  error.code = e.code;
  error.findings = Array.isArray(e.findings) ? e.findings : [];
  return error;
}

const COMMANDS: Record<ShellCommand, true> = {
  undo: true,
  redo: true,
  delete: true,
  'select-all': true,
  'zoom-to-project': true,
  import: true,
  'export-geojson': true,
  'project-settings': true,
};

/** Only well-formed shell events reach the page. */
export function isShellEvent(x: unknown): x is ShellEvent {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { type?: unknown; command?: unknown };
  if (e.type === 'project-changed') return true;
  return e.type === 'command' && typeof e.command === 'string' && Object.hasOwn(COMMANDS, e.command);
}
