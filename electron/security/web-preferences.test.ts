import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences.js';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page with no Node in it', () => {
    const p = secureWebPreferences('/app/dist/electron/preload.cjs', { devTools: false });
    expect(p).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('offers DevTools only when asked (development)', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});
