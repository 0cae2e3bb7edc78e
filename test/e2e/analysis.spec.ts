import { expect, test, type Page } from '@playwright/test';
import { openWatchedPage } from './support/watched-page.js';
import { join } from 'node:path';
import { demoScene } from '../../data/demo/demo-scene.js';

/**
 * The analyses in the window end to end: the demo plan is analysed in the worker, the findings,
 * the approach paths and the layer toggles are checked in the built renderer against the real
 * API service and GeoPackage store behind the local host.
 */
const HOST = process.env.BULWARK_E2E_URL ?? '';
const WORK_DIR = process.env.BULWARK_E2E_DIR ?? '';
const SHOTS = 'test/e2e/screenshots';
const PATHS_LINE = 'bulwark-analysis-paths-speed';
const LIVE_VIEW = 'live-camera-view-fill';

let page: Page;
let consoleErrors: string[] = [];
let requests: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ page, consoleErrors, requests } = await openWatchedPage(browser, HOST));
});

test.afterAll(async () => {
  await page?.close();
});

/** The map's test hook (set under an automated browser only, see MapView.tsx). */
interface MapHook {
  renderedCount(layerId: string): number;
  renderedSignature(layerId: string): string;
  project(lngLat: [number, number]): { x: number; y: number };
  visibility(layerId: string): string;
  center(): [number, number];
  zoom(): number;
}
const mapHook = <T>(fn: (m: MapHook, arg: string) => T, arg = ''): Promise<T> =>
  page.evaluate(
    ({ src, arg }) => {
      const m = (window as unknown as { __bulwarkMap: MapHook }).__bulwarkMap;
      return new Function('m', 'arg', `return (${src})(m, arg)`)(m, arg) as T;
    },
    { src: fn.toString(), arg },
  );

test('the demo plan is analysed in the background, with progress in the status bar', async () => {
  test.setTimeout(180_000);
  await page.goto(HOST);
  const token = await page.locator('meta[name="bulwark-token"]').getAttribute('content');
  const res = await page.request.post(`${HOST}api/createProject`, {
    headers: { 'X-Bulwark-Token': token ?? '' },
    data: { arg: { path: join(WORK_DIR, `analysis-${process.pid}.gpkg`), template: 'demo' } },
  });
  expect((await res.json()).ok).toBe(true);
  await page.reload();
  await expect(page.locator('[data-map-ready=true]')).toBeVisible();
  // Two classes keep the approach analysis short: a car (M1) and a 7.2 t truck (N2A).
  await page.getByLabel('Vehicle classes').click();
  const keep = new Set(['M1', 'N2A']);
  for (const box of await page.locator('.an-popover fieldset').first().locator('label.an-check').all()) {
    const code = (await box.locator('.an-code').textContent())?.trim() ?? '';
    const input = box.locator('input');
    if ((await input.isChecked()) !== keep.has(code)) await input.click();
  }
  await page.mouse.click(5, 5);
  await expect(page.getByLabel('Vehicle classes')).toContainText('M1, N2A');
  // The run shows in the status bar while it lasts, then says it is up to date.
  // The run shows in the status bar, with its progress and a Cancel, while it lasts.
  const inStatusBar = page.getByTestId('analysis-status');
  await expect(inStatusBar).toHaveAttribute('data-state', 'running');
  await expect(inStatusBar.getByRole('progressbar')).toBeVisible();
  await expect(inStatusBar.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByTestId('analysis-bar')).toContainText('Up to date', { timeout: 150_000 });
  await expect(inStatusBar).toBeHidden();
});

test('the findings list a failing barrier and a short standoff, with numbers', async () => {
  const panel = page.getByTestId('dock-panel-findings');
  await expect(panel).toBeVisible();
  const messages = await panel.locator('.an-finding-message').allTextContents();
  expect(messages.length).toBeGreaterThan(1);
  const barrierFail = messages.find((m) => / fails: /.test(m));
  const standoffShort = messages.find((m) => /standoff short by/.test(m));
  expect(barrierFail, messages.join('\n')).toMatch(/\d+(\.\d)? km\/h/);
  expect(standoffShort, messages.join('\n')).toMatch(/short by \d+(\.\d)? m/);
});

test('approach paths are drawn; a finding zooms the map to its place', async () => {
  await expect(page.locator('[data-map-idle=true]')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => mapHook((m, id) => m.renderedCount(id), PATHS_LINE)).toBeGreaterThan(0);
  const before = await mapHook((m) => [...m.center(), m.zoom()]);
  await page.getByTestId('dock-panel-findings').locator('.an-finding').filter({ hasText: 'standoff short by' }).first().click();
  await page.waitForTimeout(800);
  const after = await mapHook((m) => [...m.center(), m.zoom()]);
  const moved = Math.abs(after[0] - before[0]) + Math.abs(after[1] - before[1]) > 1e-6 || Math.abs(after[2] - before[2]) > 0.01;
  expect(moved, `map view ${before.join(', ')} → ${after.join(', ')}`).toBe(true);
});

test('the approach paths group toggles off and on from the layers panel', async () => {
  const toggle = page.getByTestId('analysis-visibility-paths');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => mapHook((m, id) => m.visibility(id), PATHS_LINE)).toBe('none');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => mapHook((m, id) => m.visibility(id), PATHS_LINE)).toBe('visible');
});

test('a selected camera shows its DORI view at once, and it follows the bearing', async () => {
  // Each edit re-runs the analyses in the worker, which shares the two CPUs with software WebGL.
  test.setTimeout(180_000);
  await page.getByTestId('zoom-to-project').click();
  await expect(page.locator('[data-map-idle=true]')).toBeVisible({ timeout: 60_000 });
  const camera = demoScene().features.find((f) => f.properties.kind === 'camera' && f.geometry.type === 'Point');
  if (!camera) throw new Error('the demo has no camera');
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('no map box');
  const at = await page.evaluate((ll) => (window as unknown as { __bulwarkMap: MapHook }).__bulwarkMap.project(ll), camera.geometry.coordinates as [number, number]);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await expect(page.getByTestId('feature-id')).toHaveText(camera.id);
  await expect.poll(() => mapHook((m, id) => m.renderedCount(id), LIVE_VIEW)).toBeGreaterThan(0);
  const before = await mapHook((m, id) => m.renderedSignature(id), LIVE_VIEW);
  const bearing = Number(await page.getByTestId('prop-bearing_deg').inputValue());
  await page.getByTestId('prop-bearing_deg').fill(String((bearing + 90) % 360));
  await page.getByTestId('prop-bearing_deg').press('Enter');
  await expect.poll(() => mapHook((m, id) => m.renderedSignature(id), LIVE_VIEW), { timeout: 10_000 }).not.toBe(before);
  // The bearing handle sits 56 px out along the axis; dragging it due north of the camera sets 0°.
  const turned = (bearing + 90) % 360;
  await expect(page.getByTestId('prop-bearing_deg')).toHaveValue(String(turned));
  const c = await page.evaluate((ll) => (window as unknown as { __bulwarkMap: MapHook }).__bulwarkMap.project(ll), camera.geometry.coordinates as [number, number]);
  const rad = (turned * Math.PI) / 180;
  await page.mouse.move(box.x + c.x + 56 * Math.sin(rad), box.y + c.y - 56 * Math.cos(rad));
  await page.mouse.down();
  await page.mouse.move(box.x + c.x + 30, box.y + c.y - 60, { steps: 4 });
  await page.mouse.move(box.x + c.x, box.y + c.y - 80, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('prop-bearing_deg')).toHaveValue('0');
  await expect(page.getByTestId('feature-id')).toHaveText(camera.id);
  // A close look at the live view, approach paths switched off.
  await page.getByTestId('analysis-visibility-paths').click();
  const cam = await page.evaluate((ll) => (window as unknown as { __bulwarkMap: MapHook }).__bulwarkMap.project(ll), camera.geometry.coordinates as [number, number]);
  await page.mouse.move(box.x + cam.x, box.y + cam.y);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(250);
  }
  await expect(page.locator('[data-map-idle=true]')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/bulwark-camera-live.png` });
  await page.getByTestId('analysis-visibility-paths').click();
});

test('the approach tab charts the selected path (screenshot)', async () => {
  await page.getByTestId('dock-tab-approach').click();
  await expect(page.getByTestId('dock-panel-approach').locator('svg').first()).toBeVisible();
  await page.getByTestId('dock-tab-findings').click();
  // The bearing edit re-ran the analyses: wait for the fresh result before the picture.
  await expect(page.getByTestId('analysis-bar')).toContainText('Up to date', { timeout: 150_000 });
  await expect(page.locator('[data-map-idle=true]')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SHOTS}/bulwark-analysis.png` });
});

test('nothing left 127.0.0.1 and nothing failed', async () => {
  const origin = new URL(HOST).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
