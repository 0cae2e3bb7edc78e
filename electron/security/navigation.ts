import type { UrlTrust } from './url-trust.js';

/** The parts of `WebContents` the guard touches (Electron's own passes, and so do test fakes). */
export interface PreventableEvent {
  preventDefault(): void;
}
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

/**
 * Keeps a window on the app (Electron security checklist §13–15): navigation and redirects off the
 * app are cancelled, `<webview>` is never attached, and new windows are always denied. Links to
 * the web do not open anywhere: no request leaves the machine unless the user configured one
 * (DESIGN.md, "Offline by design").
 */
export function guardNavigation(contents: GuardedContents, trust: UrlTrust): void {
  const stayOnApp = (event: PreventableEvent, url: string) => {
    if (!trust.isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
