import type { ApiMethod } from '../../data/api/contract.js';

/**
 * IPC channel names. Every channel carries the `bulwark:` prefix so main can refuse anything
 * else (STYLE.md, VS Code `validatedIpcMain`). Type-only imports keep zod out of the preload bundle.
 */
export const CHANNEL_PREFIX = 'bulwark:';

/** Main → window: `ShellEvent`s (menu commands, project changed underneath). */
export const SHELL_EVENT_CHANNEL = 'bulwark:shell-event';

export function apiChannel(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}
