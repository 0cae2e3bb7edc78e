import { API_METHODS, ApiError, parseApiArgument, serializeApiError, type ApiMethod, type BulwarkApi, type HostResponse } from '../../data/api/contract.js';
import type { UrlTrust } from '../security/url-trust.js';
import { apiChannel, CHANNEL_PREFIX } from './channels.js';

/** The parts of Electron's `ipcMain` and its invoke event that the wiring uses (tests pass fakes). */
export interface SenderFrameLike {
  readonly url: string;
  /** `null` for a window's main frame. */
  readonly parent: unknown;
}
export interface InvokeEventLike {
  /** `null` once the frame navigated away or was destroyed. */
  readonly senderFrame: SenderFrameLike | null;
}
export type InvokeHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
export interface IpcMainLike {
  handle(channel: string, listener: InvokeHandler): void;
  removeHandler(channel: string): void;
}

export interface RegisterApiOptions {
  /** Called after each successful call, e.g. to refresh the window title after `openProject`. */
  afterCall?: (method: ApiMethod, value: unknown) => void;
}

/**
 * Binds every `BulwarkApi` method to `ipcMain.handle('bulwark:<method>')`. Before anything runs,
 * the channel, the sender frame (the window's main frame showing the app itself) and the argument
 * (zod schema of the contract) are checked, as VS Code's `validatedIpcMain` does. Replies are
 * `HostResponse` envelopes because Electron turns a thrown error into a bare message string.
 * Returns a function that removes the handlers.
 */
export function registerApi(ipc: IpcMainLike, api: BulwarkApi, trust: UrlTrust, options: RegisterApiOptions = {}): () => void {
  const channels: string[] = [];
  for (const method of API_METHODS) {
    const channel = apiChannel(method);
    ipc.handle(channel, (event, ...args) => answer(channel, method, event, args, api, trust, options));
    channels.push(channel);
  }
  return () => channels.forEach((c) => ipc.removeHandler(c));
}

async function answer(
  channel: string,
  method: ApiMethod,
  event: InvokeEventLike,
  args: unknown[],
  api: BulwarkApi,
  trust: UrlTrust,
  options: RegisterApiOptions,
): Promise<HostResponse<unknown>> {
  try {
    const refusal = senderRefusal(channel, event, trust);
    if (refusal) throw new ApiError('invalid_argument', `${method}: refused: ${refusal}`);
    if (args.length > 1) throw new ApiError('invalid_argument', `${method}: takes at most one argument, got ${args.length}`);
    const arg = parseApiArgument(method, args[0]);
    const value = await (api[method] as (a: unknown) => Promise<unknown>)(arg);
    options.afterCall?.(method, value);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: serializeApiError(e) };
  }
}

/** Why a call must not run, or null when it may. */
export function senderRefusal(channel: string, event: InvokeEventLike, trust: UrlTrust): string | null {
  if (!channel.startsWith(CHANNEL_PREFIX)) return `channel ${channel} is not a Bulwark channel`;
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a subframe, not the app window';
  if (!trust.isAppUrl(frame.url)) return `the sender ${frame.url || '(no URL)'} is not the app`;
  return null;
}
