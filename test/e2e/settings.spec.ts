import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { localFrame } from '../../core/geometry/local-frame.js';
import { openWatchedPage } from './support/watched-page.js';
import { meanColour } from './support/png-colour.js';
import { startTileServer, type TileServer } from './support/tile-server.js';

/**
 * Project settings end to end in the built window: a basemap set through the dialog (a bad URL
 * refused first), tiles fetched from a tile server on this machine and drawn on the canvas, the
 * view kept across the reload the new security policy needs; the basemap removed and not asked
 * for again; suspicious items kept in the project file through a reload, a second window and a
 * re-open, and items a window kept in its local storage moved into the project once.
 */
const HOST = process.env.BULWARK_E2E_URL ?? '';
const WORK_DIR = process.env.BULWARK_E2E_DIR ?? '';
const SHOTS = 'test/e2e/screenshots';
const projectPath = join(WORK_DIR, `settings-${process.pid}.gpkg`);
const secondPath = join(WORK_DIR, `settings-legacy-${process.pid}.gpkg`);

/** A strong blue no layer of the plan uses; the paper is #f3f1ec (red above blue). */
const TILE_RGB = [30, 80, 230] as const;

const frame = localFrame([4.35, 50.85]);
const ll = (x: number, y: number) => frame.toLonLat([x, y]).map((v) => Math.round(v * 1e7) / 1e7);
const building = {
  type: 'Feature',
  id: 'b-1',
  geometry: { type: 'Polygon', coordinates: [[ll(-40, -20), ll(40, -20), ll(40, 20), ll(-40, 20), ll(-40, -20)]] },
  properties: { kind: 'building', height_m: 12 },
};

let page: Page;
let consoleErrors: string[] = [];
let requests: string[] = [];
let tiles: TileServer;
let token = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  tiles = await startTileServer(TILE_RGB);
  ({ page, consoleErrors, requests } = await openWatchedPage(browser, HOST));
});

test.afterAll(async () => {
  await page?.close();
  await tiles?.close();
});

async function api<T = unknown>(method: string, arg?: unknown): Promise<T> {
  const res = await page.request.post(`${HOST}api/${method}`, { headers: { 'X-Bulwark-Token': token }, data: arg === undefined ? {} : { arg } });
  const body = await res.json();
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value as T;
}
const settings = () => api<Record<string, unknown>>('getSettings');

async function mapIdle(p: Page = page): Promise<void> {
  await expect(p.locator('[data-map-ready=true]')).toBeVisible({ timeout: 30_000 });
  await expect(p.locator('[data-map-idle=true]')).toBeVisible({ timeout: 60_000 });
}

const view = (p: Page = page) =>
  p.evaluate(() => {
    const m = (window as unknown as { __bulwarkMap: { center(): [number, number]; zoom(): number } }).__bulwarkMap;
    return { center: m.center(), zoom: m.zoom() };
  });

const items = (p: Page = page) =>
  p.evaluate(() => (window as unknown as { __bulwarkSuspect: { items(): { id: string; threat: string; lonLat: [number, number] }[] } }).__bulwarkSuspect.items());

/** Colour of open map near its top-left corner (inside the fit padding: no plan feature there). */
async function cornerColour(): Promise<[number, number, number]> {
  const box = (await page.getByTestId('map').boundingBox())!;
  const png = await page.screenshot();
  return meanColour(page, png, Math.round(box.x + 20), Math.round(box.y + 20), 4);
}

test('with no basemap the window asks nothing of any server but the app, and the dialog says so', async () => {
  test.setTimeout(120_000);
  await page.goto(HOST);
  token = (await page.locator('meta[name="bulwark-token"]').getAttribute('content')) ?? '';
  await api('createProject', { path: projectPath, name: 'Settings plan', template: 'empty' });
  await api('transact', { put: [building], note: 'Add building' });
  await page.reload();
  await mapIdle();
  expect((await settings()).basemap_url).toBeNull();
  expect(requests.filter((u) => !u.startsWith(HOST))).toEqual([]);

  await page.getByTestId('settings').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await expect(page.getByTestId('settings-network-state')).toContainText('no basemap URL is set, so Bulwark makes no network requests');
  await expect(page.getByTestId('settings-remove-basemap')).toHaveCount(0);
});

test('a bad URL is refused naming the problem, and nothing is stored', async () => {
  const field = page.getByTestId('settings-basemap-url');
  await field.fill('http://tiles.example.org/{z}/{x}/{y}.png');
  await field.blur();
  await expect(page.getByTestId('settings-basemap-problem')).toContainText('plain http to tiles.example.org: use https, or http only for a tile server on this machine');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await field.fill('https://tiles.example.org/tile.png');
  await expect(page.getByTestId('settings-basemap-problem')).toContainText('missing {z}, {x}, {y}');
  await page.getByTestId('settings-dialog').screenshot({ path: `${SHOTS}/settings-refused-url.png` });
  // Past the dialog, the API refuses it too and the stored settings do not move.
  const before = await settings();
  const res = await page.request.post(`${HOST}api/setSettings`, {
    headers: { 'X-Bulwark-Token': token },
    data: { arg: { dori_preset: 'IEC62676-4:2025', basemap_url: 'ftp://tiles.example.org/{z}/{x}/{y}.png' } },
  });
  const body = await res.json();
  expect(body.ok).toBe(false);
  expect(body.error.message).toMatch(/^setSettings: basemap_url: The basemap URL must start with https:\/\//);
  expect(await settings()).toEqual(before);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
  expect(tiles.requests).toEqual([]);
});

test('a basemap set in the dialog: the window reloads once keeping the view, fetches tiles and draws them', async () => {
  test.setTimeout(120_000);
  // A view of the planner's own, not the fit to the project.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.mouse.wheel(0, 600);
  await mapIdle();
  // The wheel's zoom eases out over a while on a busy machine: take the view once it holds still.
  let before = await view();
  await expect
    .poll(async () => {
      const prev = before;
      await page.waitForTimeout(400);
      before = await view();
      return Math.abs(before.zoom - prev.zoom) + Math.abs(before.center[0] - prev.center[0]) + Math.abs(before.center[1] - prev.center[1]);
    }, { timeout: 20_000 })
    .toBe(0);

  // The keyboard way in.
  await page.locator('body').press('Control+,');
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await page.getByTestId('settings-basemap-url').fill(`${tiles.origin}/tiles/{z}/{x}/{y}.png`);
  await page.getByTestId('settings-basemap-attribution').fill('© Test tiles on this machine');
  await page.getByTestId('settings-dori-preset').selectOption('IEC62676-4:2025');
  await expect(page.getByTestId('settings-reload-note')).toContainText('Saving reloads the window once');
  await expect(page.getByTestId('settings-basemap-problem')).toHaveCount(0);
  await page.getByTestId('settings-dialog').screenshot({ path: `${SHOTS}/settings-dialog.png` });

  // The notice shows for a moment before the reload: note it in the tab's session storage, which the reload keeps.
  await page.evaluate(() => {
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid=settings-reloading]');
      if (el) sessionStorage.setItem('e2e-reload-notice', el.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true });
  });
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await page.getByTestId('settings-save').click();
  await reloaded;
  expect(await page.evaluate(() => sessionStorage.getItem('e2e-reload-notice'))).toContain(`Reloading the window so the map may fetch tiles from ${tiles.origin}`);
  await mapIdle();
  await page.waitForTimeout(800);

  const stored = await settings();
  expect(stored.basemap_url).toBe(`${tiles.origin}/tiles/{z}/{x}/{y}.png`);
  expect(stored.basemap_attribution).toBe('© Test tiles on this machine');
  expect(stored.dori_preset).toBe('IEC62676-4:2025');
  // Tiles came from the configured server, by the template.
  expect(tiles.requests.length).toBeGreaterThan(0);
  for (const r of tiles.requests) expect(r).toMatch(/^\/tiles\/\d+\/\d+\/\d+\.png$/);
  expect(requests.some((u) => u.startsWith(`${tiles.origin}/tiles/`))).toBe(true);
  // The view came back after the reload (not the fit to the project).
  const after = await view();
  expect(after.zoom).toBeCloseTo(before.zoom, 2);
  expect(after.center[0]).toBeCloseTo(before.center[0], 5);
  expect(after.center[1]).toBeCloseTo(before.center[1], 5);
  // The tile's colour is on the canvas where the paper was, as the basemap layer paints it
  // (renderer/map/style/basemap-layer.ts; maplibre-gl's raster shader):
  //   raster-saturation −0.6 → factor 0.6: rgb += (mean − rgb) · 0.6, mean of (30, 80, 230) = 113.3
  //     → (0.4·30 + 68, 0.4·80 + 68, 0.4·230 + 68) = (80, 100, 160)
  //   raster-opacity 0.85 over the paper #f3f1ec (243, 241, 236): 0.85·rgb + 0.15·paper
  //     → (68 + 36.5, 85 + 36.2, 136 + 35.4) = (104.5, 121.2, 171.4)
  const c = await cornerColour();
  const expected = [104.5, 121.2, 171.4];
  for (let k = 0; k < 3; k++) expect(Math.abs(c[k] - expected[k]), `channel ${k} of ${c.map(Math.round)}`).toBeLessThan(6);
  await expect(page.getByTestId('basemap-attribution')).toHaveText('© Test tiles on this machine');
  await page.screenshot({ path: `${SHOTS}/settings-basemap.png` });
});

test('suspicious items are kept in the project: a reload, a second window and a re-open find them', async ({ browser }) => {
  test.setTimeout(150_000);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.locator('body').press('i');
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
  await expect(page.getByTestId('suspect-pin-item-1')).toBeVisible();
  await page.getByTestId('suspect-threat-item-1').selectOption('suv_van');
  await expect.poll(async () => ((await settings()).suspect_items as { threat: string }[] | undefined)?.map((i) => i.threat)).toEqual(['suv_van']);
  const before = await items();

  await page.reload();
  await mapIdle();
  await expect(page.getByTestId('suspect-pin-item-1')).toBeVisible();
  expect(await items()).toEqual(before);

  // Another window (its own local storage) sees them: they are in the project, not in the window.
  const other = await openWatchedPage(browser as Browser, HOST);
  try {
    await other.page.goto(HOST);
    await mapIdle(other.page);
    await expect(other.page.getByTestId('suspect-pin-item-1')).toBeVisible();
    expect(await items(other.page)).toEqual(before);
    expect(other.consoleErrors).toEqual([]);
  } finally {
    await other.page.context().close();
  }

  // Closed and opened again, and on disk in the GeoPackage's settings table.
  await api('closeProject');
  await api('openProject', { path: projectPath });
  await page.reload();
  await mapIdle();
  await expect(page.getByTestId('suspect-pin-item-1')).toBeVisible();
  expect(await items()).toEqual(before);
  const db = new Database(projectPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value_json FROM bulwark_settings WHERE key = 'suspect_items'").get() as { value_json: string };
    expect(JSON.parse(row.value_json)).toEqual(before);
  } finally {
    db.close();
  }
});

test('items a window kept in its local storage move into the project once', async () => {
  test.setTimeout(120_000);
  await api('createProject', { path: secondPath, name: 'Older plan', template: 'empty' });
  await api('transact', { put: [building], note: 'Add building' });
  const kept = [{ id: 'item-7', lonLat: ll(0, 60), threat: 'pipe_bomb' }];
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [`bulwark.suspect-items:${secondPath}`, JSON.stringify(kept)]);
  await page.reload();
  await mapIdle();
  await expect(page.getByTestId('suspect-pin-item-7')).toBeVisible();
  await expect.poll(async () => (await settings()).suspect_items).toEqual(kept);
  await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key), `bulwark.suspect-items:${secondPath}`)).toBeNull();
  // This project has no basemap: nothing was asked of the tile server for it.
  expect((await settings()).basemap_url).toBeNull();
});

test('basemap removed: offline again, and no tile is asked for after a reload', async () => {
  test.setTimeout(120_000);
  await api('openProject', { path: projectPath });
  await page.reload();
  await mapIdle();
  await page.getByTestId('settings').click();
  await expect(page.getByTestId('settings-network-state')).toContainText(`fetches tiles from ${tiles.origin} and contacts no other server`);
  await page.getByTestId('settings-remove-basemap').click();
  await expect(page.getByTestId('settings-network-state')).toContainText('Bulwark makes no network requests');
  await expect(page.getByTestId('settings-remove-basemap')).toHaveCount(0);
  await page.getByTestId('settings-close').click();
  expect((await settings()).basemap_url).toBeNull();
  await expect(page.getByTestId('basemap-attribution')).toHaveCount(0);

  tiles.reset();
  const seen = requests.length;
  await page.reload();
  await mapIdle();
  await page.waitForTimeout(1_500);
  expect(tiles.requests).toEqual([]);
  expect(requests.slice(seen).filter((u) => !u.startsWith(HOST))).toEqual([]);
  const c = await cornerColour();
  // No tile blue left: paper (#f3f1ec) or the item's red evacuation wash, red above blue either way.
  expect(c[0] - c[2]).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/settings-offline.png` });
});

test('no console errors, and nothing left 127.0.0.1', async () => {
  expect(consoleErrors).toEqual([]);
  for (const u of requests) expect(u, u).toMatch(/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/);
});
