import { expect, type Browser, type Page } from '@playwright/test';

/** A page of the window with everything the specs assert about recorded from the first request. */
export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors. */
  consoleErrors: string[];
  /** Every request URL, to prove nothing leaves 127.0.0.1. */
  requests: string[];
  /** `STATUS /path` of every response with status ≥ 400. */
  failedResponses: string[];
}

export async function openWatchedPage(browser: Browser, host: string): Promise<WatchedPage> {
  expect(host, 'global setup starts the local host').toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const watched: WatchedPage = { page, consoleErrors: [], requests: [], failedResponses: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) watched.failedResponses.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return watched;
}
