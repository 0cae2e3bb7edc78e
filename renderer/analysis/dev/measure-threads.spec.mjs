import { expect, test } from '@playwright/test';
import { join } from "node:path";

/**
 * Wall time from "Run analyses" to "Up to date" for the demo project with the default vehicle
 * classes (all 10 IWA 14-1), with the approach on 1 thread (localStorage bulwark.workers = 1) and
 * on 2 (the default on a 2-core machine). Prints the figures; asserts only that both finish and that
 * the nested helper workers ran in the two-thread case.
 *   npx playwright test -c renderer/analysis/dev/playwright.measure.config.mjs
 */
const HOST = process.env.BULWARK_E2E_URL ?? '';
const WORK_DIR = process.env.BULWARK_E2E_DIR ?? '';
const ROUNDS = (process.env.BULWARK_MEASURE_THREADS ?? '1,2').split(',').map(Number);

test('demo: Run to Up to date, 1 vs 2 approach threads', async ({ page }) => {
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(HOST);
  const token = await page.locator('meta[name="bulwark-token"]').getAttribute('content');
  const res = await page.request.post(`${HOST}api/createProject`, {
    headers: { 'X-Bulwark-Token': token ?? '' },
    data: { arg: { path: join(WORK_DIR, `measure-${process.pid}.gpkg`), template: 'demo' } },
  });
  expect((await res.json()).ok).toBe(true);
  const state = page.getByTestId('analysis-bar').getByTestId('analysis-state');
  for (const threads of ROUNDS) {
    await page.evaluate((n) => localStorage.setItem('bulwark.workers', String(n)), threads);
    await page.reload();
    await expect(page.locator('[data-map-ready=true]')).toBeVisible();
    // The load itself starts a run; wait for it, then time a run started by hand.
    await expect(state).toHaveText('Up to date', { timeout: 600_000 });
    const before = workers.length;
    const t0 = Date.now();
    await page.getByTestId('analysis-bar').getByRole('button', { name: 'Run analyses' }).click();
    await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'running');
    await expect(state).toHaveText('Up to date', { timeout: 600_000 });
    const wallS = (Date.now() - t0) / 1000;
    const helpers = workers.slice(before).filter((u) => u.includes('approach.worker')).length;
    console.log(`demo, all 10 classes, ${threads} thread(s): Run → Up to date ${wallS.toFixed(1)} s (${(wallS / 10).toFixed(2)} s per class); new approach helper workers seen: ${helpers}`);
  }
  if (ROUNDS.includes(2)) expect(workers.some((u) => u.includes('approach.worker'))).toBe(true);
});

test('Cancel ends the analysis worker and its nested approach helpers', async ({ page }) => {
  const alive = new Set();
  page.on('worker', (w) => {
    if (!w.url().includes('analysis.worker') && !w.url().includes('approach.worker')) return;
    alive.add(w);
    w.on('close', () => alive.delete(w));
  });
  await page.goto(HOST);
  await page.evaluate(() => localStorage.setItem('bulwark.workers', '2'));
  await page.reload();
  await expect(page.locator('[data-map-ready=true]')).toBeVisible();
  const status = page.getByTestId('analysis-status');
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 60_000 });
  await expect.poll(() => [...alive].filter((w) => w.url().includes('approach.worker')).length, { timeout: 30_000 }).toBe(2);
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => alive.size, { timeout: 30_000 }).toBe(0);
  console.log('after Cancel: no analysis or approach worker left');
});
