// Builds the harness, serves it on 127.0.0.1, and screenshots it with Debian's Chromium:
//   node renderer/analysis/dev/screenshot.mjs [index.html | real-run.html] [out.png]
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const configFile = fileURLToPath(new URL('./vite.config.mjs', import.meta.url));
const pageName = process.argv[2] ?? 'index.html';
const out = process.argv[3] ?? fileURLToPath(new URL(`./${pageName.replace(/\.html$/, '')}.png`, import.meta.url));
await build({ configFile });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const outside = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
  });
  page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  await page.goto(new URL(pageName, url).href);
  await page.waitForFunction(() => window.__harnessReady === true, null, { timeout: 120000 });
  const report = await page.evaluate(() => window.__runReport);
  if (report) console.log(`run report: ${JSON.stringify(report)}`);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}; requests outside the page's origin: ${outside.length}`);
  if (outside.length) console.log(outside.join('\n'));
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}
