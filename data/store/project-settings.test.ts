import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/contract.js';
import { validateScene } from '../../core/scene/validate.js';
import { createGpkgProjectStore, openGpkgProjectStore, DEFAULT_SETTINGS } from './gpkg-project-store.js';
import type { ProjectStore } from './project-store.js';

let dir = '';
let open: ProjectStore[] = [];
const track = (s: ProjectStore): ProjectStore => (open.push(s), s);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-settings-'));
});
afterEach(() => {
  for (const s of open) s.close();
  open = [];
  rmSync(dir, { recursive: true, force: true });
});

const ITEMS = [
  { id: 'item-1', threat: 'briefcase', lonLat: [-1.5469, 53.7961] as [number, number] },
  { id: 'item-4', threat: 'custom:150', lonLat: [-1.5472, 53.7958] as [number, number] },
];

describe('project settings in the GeoPackage', () => {
  it('a new project has no basemap (no network) and no suspicious items', () => {
    const store = track(createGpkgProjectStore(join(dir, 'p.gpkg')));
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(store.getSettings().basemap_url).toBeNull();
    expect(store.getSettings().suspect_items).toBeUndefined();
  });

  it('basemap, attribution, DORI preset and suspicious items survive closing and reopening the file', () => {
    const path = join(dir, 'p.gpkg');
    const store = createGpkgProjectStore(path);
    store.setSettings({ basemap_url: 'https://tiles.example.org/{z}/{x}/{y}.png', basemap_attribution: '© Example tiles', dori_preset: 'IEC62676-4:2025' });
    store.setSettings({ suspect_items: ITEMS });
    store.close();
    const again = track(openGpkgProjectStore(path));
    expect(again.getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      basemap_url: 'https://tiles.example.org/{z}/{x}/{y}.png',
      basemap_attribution: '© Example tiles',
      dori_preset: 'IEC62676-4:2025',
      suspect_items: ITEMS,
    });
    // Removing the basemap stores null, which means "no requests" again.
    again.setSettings({ basemap_url: null, basemap_attribution: null });
    expect(again.getSettings().basemap_url).toBeNull();
    expect(again.getSettings().suspect_items).toEqual(ITEMS);
  });

  it('a refused value writes nothing, not even the good keys beside it', () => {
    const store = track(createGpkgProjectStore(join(dir, 'p.gpkg')));
    store.setSettings({ basemap_url: 'https://tiles.example.org/{z}/{x}/{y}.png', suspect_items: ITEMS });
    const before = store.getSettings();
    const attempt = (patch: Record<string, unknown>) => {
      try {
        store.setSettings(patch);
      } catch (e) {
        return e;
      }
      return null;
    };
    const e1 = attempt({ dori_preset: 'IEC62676-4:2025', basemap_url: 'http://tiles.example.org/{z}/{x}/{y}.png' });
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).code).toBe('invalid_argument');
    expect((e1 as ApiError).message).toMatch(/basemap_url: The basemap URL uses plain http/);
    expect(attempt({ suspect_items: [{ id: 'item-9', threat: 'car', lonLat: [Infinity, 0] }] })).toBeInstanceOf(ApiError);
    expect(attempt({ basemap_url: 'https://tiles.example.org/tile.png' })).toBeInstanceOf(ApiError);
    expect(attempt({ anything: 1 })).toBeInstanceOf(ApiError);
    expect(store.getSettings()).toEqual(before);
  });

  it('suspicious items ride in the scene settings: a valid scene, and a project made from it has them', () => {
    const store = track(createGpkgProjectStore(join(dir, 'p.gpkg')));
    store.setSettings({ suspect_items: ITEMS, basemap_url: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    const scene = store.readScene();
    expect(scene.bulwark.settings?.suspect_items).toEqual(ITEMS);
    const checked = validateScene(scene);
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.valid).toBe(true);
    const copy = track(createGpkgProjectStore(join(dir, 'copy.gpkg'), { scene }));
    expect(copy.getSettings().suspect_items).toEqual(ITEMS);
    expect(copy.getSettings().basemap_url).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
  });
});
