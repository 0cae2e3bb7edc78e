import { describe, expect, it } from 'vitest';
import { guardNavigation, type GuardedContents, type PreventableEvent } from './navigation.js';
import { createUrlTrust } from './url-trust.js';

type Listener = (event: PreventableEvent, url?: string) => void;

/** Stands in for WebContents: keeps listeners and the window-open handler so the test can fire them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents: GuardedContents = {
    on: ((event: string, listener: Listener) => listeners.set(event, listener)) as GuardedContents['on'],
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url?: string) => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }).action };
}

const trust = createUrlTrust({ indexFile: '/app/dist/renderer/index.html', platform: 'linux' });

describe('guardNavigation', () => {
  it('lets the window move within the app page (routes) and cancels everything else', () => {
    const { contents, fire } = fakeContents();
    guardNavigation(contents, trust);
    expect(fire('will-navigate', 'file:///app/dist/renderer/index.html#/settings')).toBe(false);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
  });

  it('never attaches a webview', () => {
    const { contents, fire } = fakeContents();
    guardNavigation(contents, trust);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window, including web links and the app itself', () => {
    const { contents, open } = fakeContents();
    guardNavigation(contents, trust);
    expect(open('https://www.openstreetmap.org/copyright')).toBe('deny');
    expect(open('file:///app/dist/renderer/index.html')).toBe('deny');
    expect(open('javascript:alert(1)')).toBe('deny');
  });
});
